/** The audit trail of accounts and recordings, kept as its own chain of the event log. */
package dev.switchboard.store.audit;
