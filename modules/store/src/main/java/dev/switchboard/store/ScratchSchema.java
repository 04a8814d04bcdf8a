package dev.switchboard.store;

import dev.switchboard.core.error.SwitchboardException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A schema of its own on a PostgreSQL server for the benchmarks: created empty, in a database that holds no tables
 * (the benchmarks never write beside a training center's data), and dropped with everything in it on
 * {@link #close()}. {@link #server()} is the same server with {@code currentSchema} set, so the migrations and every
 * store work inside the schema unchanged.
 */
public final class ScratchSchema implements AutoCloseable {

    /** Every scratch schema's name starts with this; leftovers of a killed benchmark are recognisable by it. */
    public static final String PREFIX = "switchboard_bench_";

    private static final Logger LOG = LoggerFactory.getLogger(ScratchSchema.class);

    private final DatabaseServer target;
    private final DatabaseServer scratch;
    private final String name;
    private boolean dropped;

    private ScratchSchema(DatabaseServer target, DatabaseServer scratch, String name) {
        this.target = target;
        this.scratch = scratch;
        this.name = name;
    }

    /**
     * Creates a fresh schema on {@code target}.
     *
     * @throws SwitchboardException naming the database and a table in it when it is not empty, or when the server
     *                              cannot be reached or refuses to create a schema
     */
    public static ScratchSchema create(DatabaseServer target) {
        Objects.requireNonNull(target, "target");
        if (target.url().contains("currentSchema=")) {
            throw new SwitchboardException("The benchmark's address " + target.display() + " names a schema "
                    + "(currentSchema=...); the benchmark makes a schema of its own.",
                    "Leave currentSchema out of the address.");
        }
        String name = PREFIX + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        try (Connection c = ServerConnections.dataSource(target).getConnection();
             Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("""
                    SELECT n.nspname || '.' || c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                    WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f')
                      AND n.nspname NOT IN ('pg_catalog', 'information_schema')
                      AND n.nspname NOT LIKE 'pg\\_%'
                      AND n.nspname NOT LIKE 'switchboard\\_bench\\_%'
                    ORDER BY 1 LIMIT 1""")) {
                if (rs.next()) {
                    throw new SwitchboardException("The benchmark needs an empty database, and " + target.display()
                            + " holds tables (" + rs.getString(1) + "); it never writes beside real data.",
                            "Give it an empty scratch database, e.g. createdb switchboard_bench, or start a local "
                                    + "server with installer/dev/local-postgres.sh.");
                }
            }
            s.execute("CREATE SCHEMA " + name);
        } catch (SQLException e) {
            throw new SwitchboardException("Cannot prepare a scratch schema on " + target.display() + ": "
                    + e.getMessage(), "Check that the server runs and that this log-on may create schemas.", e);
        }
        String url = target.url() + (target.url().contains("?") ? "&" : "?") + "currentSchema=" + name;
        LOG.info("Created the scratch schema {} on {}", name, target.display());
        return new ScratchSchema(target, DatabaseServer.of(url, target.logOn().getProperty("user"),
                target.logOn().getProperty("password")), name);
    }

    /** The server with this schema as the current one. */
    public DatabaseServer server() {
        return scratch;
    }

    /** The schema's name. */
    public String name() {
        return name;
    }

    /** Drops the schema and everything in it. Idempotent; a failure is logged with the schema's name. */
    @Override
    public void close() {
        if (dropped) {
            return;
        }
        dropped = true;
        try (Connection c = ServerConnections.dataSource(target).getConnection();
             Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA " + name + " CASCADE");
            LOG.info("Dropped the scratch schema {} on {}", name, target.display());
        } catch (SQLException e) {
            LOG.warn("Could not drop the scratch schema {} on {}; drop it by hand (DROP SCHEMA {} CASCADE): {}", name,
                    target.display(), name, e.getMessage());
        }
    }
}
