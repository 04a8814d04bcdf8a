/**
 * The append-only, SHA-256-chained event log: the one history of every training session and of the
 * audit trail. Review, scoring and replay read it; nothing else keeps a second history.
 */
package dev.switchboard.store.eventlog;
