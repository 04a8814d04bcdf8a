package dev.switchboard.store.audit;

import dev.switchboard.core.account.AuditAction;
import dev.switchboard.core.account.AuditRecord.Outcome;
import java.time.Instant;
import java.util.Set;

/**
 * A filter over the audit trail; every criterion left empty or null matches everything. Text matches
 * ignore case (ASCII letters).
 *
 * @param actorContains part of the acting user name
 * @param actions       the actions to show; empty for all
 * @param outcomes      the outcomes to show; empty for all
 * @param from          the earliest {@code at} shown, inclusive
 * @param to            the latest {@code at} shown, exclusive
 * @param textContains  part of the actor, target or detail
 * @param limit         the most records returned, 1 to {@value #MAX_LIMIT}
 */
public record AuditQuery(String actorContains, Set<AuditAction> actions, Set<Outcome> outcomes, Instant from,
                         Instant to, String textContains, int limit) {

    /** The largest page a query may ask for. */
    public static final int MAX_LIMIT = 10_000;

    public AuditQuery {
        actions = actions == null ? Set.of() : Set.copyOf(actions);
        outcomes = outcomes == null ? Set.of() : Set.copyOf(outcomes);
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("An audit query returns 1-" + MAX_LIMIT + " records, asked for "
                    + limit);
        }
    }

    /** The newest {@code limit} records, unfiltered. */
    public static AuditQuery all(int limit) {
        return new AuditQuery(null, Set.of(), Set.of(), null, null, null, limit);
    }
}
