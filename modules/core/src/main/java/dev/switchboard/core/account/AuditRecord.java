package dev.switchboard.core.account;

import java.time.Instant;
import java.util.Objects;

/**
 * One audited action: who did what to which target, when, and whether it succeeded. Never holds a
 * password.
 *
 * @param actor the user name acting, or the name typed at a failed logon
 * @param target what was acted on (a user name, a recording id, a backup file); may be empty
 * @param detail extra words for the reviewer, e.g. the old and new role; may be empty
 */
public record AuditRecord(Instant at, String actor, AuditAction action, String target, Outcome outcome,
                          String detail) {

    public AuditRecord {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(outcome, "outcome");
        target = target == null ? "" : target;
        detail = detail == null ? "" : detail;
    }

    /** Whether the audited action went through. */
    public enum Outcome {
        SUCCESS, FAILURE, DENIED
    }
}
