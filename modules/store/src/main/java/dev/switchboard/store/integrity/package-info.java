/**
 * Tamper evidence beyond the hash chains: signed checkpoints of every chain head, the session rows on their own
 * chain, recording seals, the append-only triggers, and {@link dev.switchboard.store.integrity.IntegrityCheck},
 * which verifies all of it for {@code switchboard log verify}.
 */
package dev.switchboard.store.integrity;
