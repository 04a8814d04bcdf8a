/** Small helpers for text shown to people. */
package dev.switchboard.core.text;
