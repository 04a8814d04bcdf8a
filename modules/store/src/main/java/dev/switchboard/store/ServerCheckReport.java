package dev.switchboard.store;

/**
 * The figures of a training center's server database, for {@code switchboard --database URL db check}.
 *
 * @param server host, port and database (never a password)
 * @param serverVersion what the server says of itself ({@code SELECT version()})
 * @param chains event-log chains: one per session plus the audit chain
 */
public record ServerCheckReport(String server, String serverVersion, int schemaVersion, long eventLogEntries,
                                long chains, long accounts, long sessions, long recordings) {
}
