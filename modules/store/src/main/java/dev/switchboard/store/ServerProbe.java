package dev.switchboard.store;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import javax.net.ssl.SSLException;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * One look at a training center's server without changing anything on it: whether it answers the log-on, what it
 * says of itself and what state Switchboard's schema is in there; or, when it cannot be reached, why, in one line
 * a user can act on (wrong password, no such database, TLS refused, nothing answering). For Settings' <i>Test
 * connection</i> and the window's start-up screen.
 *
 * @param server        host, port and database (never a password)
 * @param reached       whether the log-on succeeded
 * @param serverVersion what the server says of itself ({@code SELECT version()}); empty when not reached
 * @param schema        the schema's state; {@code null} when not reached
 * @param schemaVersion the newest migration applied there, 0 when none
 * @param newestVersion the newest migration this program carries
 * @param problem       why the server could not be used, one line; empty when reached
 */
public record ServerProbe(String server, boolean reached, String serverVersion, Schema schema, int schemaVersion,
                          int newestVersion, String problem) {

    /** The state of Switchboard's tables on the server. */
    public enum Schema {
        /** Every migration of this program is applied. */
        UP_TO_DATE,
        /** Older: the next start of the window (or {@code db check}) brings it up to date. */
        NEEDS_MIGRATION,
        /** Nothing there yet: the next start sets it up. */
        EMPTY,
        /** Migrated by a newer Switchboard than this one. */
        NEWER,
        /** Tables of something else: Switchboard will not use it. */
        NOT_SWITCHBOARD
    }

    /** Logs on to {@code server}, reads its version and the schema's state, and logs off. Blocks up to ~10 s. */
    public static ServerProbe of(DatabaseServer server) {
        Objects.requireNonNull(server, "server");
        var source = ServerConnections.dataSource(server);
        try (Connection c = source.getConnection(); Handle h = Jdbi.create(c).open()) {
            String version = h.createQuery("SELECT version()").mapTo(String.class).one();
            boolean history = exists(h, "flyway_schema_history");
            int tables = h.createQuery("SELECT count(*) FROM information_schema.tables "
                    + "WHERE table_schema = current_schema()").mapTo(Integer.class).one();
            Flyway flyway = Flyway.configure().dataSource(source).locations(Database.POSTGRES_MIGRATIONS).load();
            MigrationInfo[] all = flyway.info().all();
            int newest = Arrays.stream(all).filter(m -> m.getVersion() != null && m.getState().isResolved())
                    .mapToInt(m -> major(m.getVersion())).max().orElse(0);
            if (!history) {
                return new ServerProbe(server.display(), true, version,
                        tables == 0 ? Schema.EMPTY : Schema.NOT_SWITCHBOARD, 0, newest, "");
            }
            if (!exists(h, "event_log")) {
                return new ServerProbe(server.display(), true, version, Schema.NOT_SWITCHBOARD, 0, newest, "");
            }
            MigrationInfo current = flyway.info().current();
            int applied = current == null || current.getVersion() == null ? 0 : major(current.getVersion());
            Schema state = applied > newest ? Schema.NEWER
                    : flyway.info().pending().length > 0 ? Schema.NEEDS_MIGRATION : Schema.UP_TO_DATE;
            return new ServerProbe(server.display(), true, version, state, applied, newest, "");
        } catch (SQLException | RuntimeException e) {
            return new ServerProbe(server.display(), false, "", null, 0, 0, reason(e, server.display()));
        }
    }

    /**
     * Why {@code error} (from opening or probing the server at {@code where}) kept the server from being used, in
     * one line: the password, the database's name, TLS, or the network, told apart by the driver's SQL state and
     * causes.
     */
    public static String reason(Throwable error, String where) {
        SQLException sql = find(error, SQLException.class);
        String state = sql == null || sql.getSQLState() == null ? "" : sql.getSQLState();
        String detail = firstLine(sql != null ? sql.getMessage() : error.getMessage());
        String lower = detail.toLowerCase(Locale.ROOT);
        String host = where.contains("/") ? where.substring(where.indexOf("//") + 2, where.lastIndexOf('/')) : where;
        if (state.equals("28P01") || lower.contains("password authentication failed")) {
            return "the server refused the password (" + detail + ").";
        }
        if (state.startsWith("28") && lower.contains("role") && lower.contains("does not exist")) {
            return "the server has no such user (" + detail + "); give the user in Settings → Database or "
                    + "SWITCHBOARD_DATABASE_USER.";
        }
        if (state.equals("28000") || state.startsWith("28")) {
            return "the server refused the log-on: no password was given, or this user may not log on from this "
                    + "computer (" + detail + ").";
        }
        if (state.equals("3D000")) {
            return "there is no such database on the server (" + detail + ").";
        }
        if (find(error, SSLException.class) != null || lower.contains("ssl") || lower.contains("certificate")) {
            return "the secure (TLS) connection failed: " + detail + ".";
        }
        if (find(error, UnknownHostException.class) != null) {
            return "no computer called " + host + " is known on the network.";
        }
        if (find(error, ConnectException.class) != null || find(error, NoRouteToHostException.class) != null
                || state.equals("08001") || state.equals("08004")) {
            return "nothing answers at " + host + ": the server is not running, or the network or a firewall "
                    + "keeps it out of reach.";
        }
        if (find(error, SocketTimeoutException.class) != null) {
            return "no answer from " + host + " within 10 seconds.";
        }
        return detail.isEmpty() ? error.getClass().getSimpleName() : detail;
    }

    private static boolean exists(Handle h, String table) {
        return h.createQuery("SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema() "
                + "AND table_name = :t").bind("t", table).mapTo(Integer.class).one() > 0;
    }

    private static int major(MigrationVersion v) {
        String text = v.getVersion();
        int dot = text.indexOf('.');
        return Integer.parseInt(dot < 0 ? text : text.substring(0, dot));
    }

    private static <T extends Throwable> T find(Throwable error, Class<T> type) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "";
        }
        String line = text.strip().lines().findFirst().orElse("");
        while (line.endsWith(".")) {
            line = line.substring(0, line.length() - 1);
        }
        return line;
    }
}
