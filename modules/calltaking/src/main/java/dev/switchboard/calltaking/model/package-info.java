/** The call console's published records: what a call session writes to the event log. */
package dev.switchboard.calltaking.model;
