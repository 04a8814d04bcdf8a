package dev.switchboard.core.account;

/**
 * Appends audit records to the tamper-evident event log. Implementations write durably before
 * returning, so an audited action is never lost to a crash that follows it.
 */
@FunctionalInterface
public interface AuditTrail {

    void record(AuditRecord record);
}
