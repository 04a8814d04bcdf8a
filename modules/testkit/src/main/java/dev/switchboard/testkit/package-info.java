/** Shared test support for every Switchboard module; used in test scope only. */
package dev.switchboard.testkit;
