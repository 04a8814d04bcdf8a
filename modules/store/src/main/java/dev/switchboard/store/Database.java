package dev.switchboard.store;

import dev.switchboard.core.error.SwitchboardException;
import dev.switchboard.core.io.PrivateFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;
import org.sqlite.SQLiteOpenMode;

/**
 * The open SQLite database of a {@link DataDir}. Opening checks an existing file with
 * {@code PRAGMA quick_check} and refuses a damaged one with a {@link DatabaseCorruptException}, then
 * brings the schema up to date with the Flyway migrations under {@code classpath:db/migration}.
 *
 * <p>Every connection runs in WAL mode with {@code foreign_keys=ON}, {@code busy_timeout=5000},
 * {@code synchronous=NORMAL} and write transactions that begin {@code IMMEDIATE} (so two writers wait
 * for each other instead of failing). The event log raises its own connection to
 * {@code synchronous=FULL}. {@link #jdbi()} is safe to use from any thread: each handle gets its own
 * pooled connection.
 *
 * <p><b>Checkpoints off the writers' path.</b> SQLite copies the write-ahead log back into the database (a
 * checkpoint, with two fsyncs) inside whichever commit finds the log past its limit, so one commit in a few
 * hundred used to take tens of milliseconds instead of a fraction of one. A background thread now checkpoints
 * every {@link #CHECKPOINT_EVERY} (passively: it never waits for readers or writers), and the pooled connections
 * checkpoint themselves only if the log grows past {@link #AUTOCHECKPOINT_PAGES} pages despite it.
 *
 * <p><b>Sharing the data dir.</b> Opening takes the data dir's shared {@link DataDirLock}, so a restore in another
 * process cannot move the file away underneath; {@link #openedAlone()} says whether any other process had it open.
 * When alone, leftovers of killed runs are removed ({@link Leftovers}). A database another program holds a write
 * lock on is waited for, then reported as in use by that program ({@link DatabaseBusyException}), never as damaged.
 * If the file is replaced behind this process's back anyway, the next write fails with
 * {@link DatabaseReplacedException} instead of going into the old file.
 */
public final class Database implements AutoCloseable {

    static final String MIGRATIONS = "classpath:db/migration";
    /** PostgreSQL's twins of the migrations, one per version, with PostgreSQL's types and trigger syntax. */
    static final String POSTGRES_MIGRATIONS = "classpath:db/postgresql";
    private static final Logger LOG = LoggerFactory.getLogger(Database.class);
    private static final int BUSY_TIMEOUT_MS = 5000;
    /** How often the background thread checkpoints the write-ahead log. */
    static final Duration CHECKPOINT_EVERY = Duration.ofSeconds(1);
    /** The log size (4 KB pages) at which a commit checkpoints by itself: only if the background thread lags. */
    static final int AUTOCHECKPOINT_PAGES = 10_000;
    /** How long opening waits for another program's write lock before saying who holds it. */
    static final Duration BUSY_WAIT = Duration.ofSeconds(10);

    private final DataDir dataDir;
    private final Path file;
    private final ConnectionPool pool;
    private final Jdbi jdbi;
    private final DataDirLock lock;
    private final Object fileKey;
    private final List<String> cleaned;
    private final DatabaseServer server;
    private volatile boolean closed;
    private volatile boolean replaced;
    /** Checkpoints the write-ahead log in the background; null on a server. */
    private final ScheduledExecutorService checkpointer;

    private Database(DataDir dataDir, ConnectionPool pool, DataDirLock lock, List<String> cleaned,
                     DatabaseServer server) {
        this.dataDir = dataDir;
        this.file = dataDir.database();
        this.pool = pool;
        this.lock = lock;
        this.cleaned = List.copyOf(cleaned);
        this.server = server;
        this.fileKey = server == null ? fileKey(file) : null;
        this.jdbi = Jdbi.create(pool).installPlugin(new SqlObjectPlugin());
        if (server == null) {
            pool.guard(this::requireSameFile);
            checkpointer = Executors.newSingleThreadScheduledExecutor(
                    Thread.ofPlatform().name("sqlite-checkpoint").daemon(true).factory());
            long every = CHECKPOINT_EVERY.toMillis();
            checkpointer.scheduleWithFixedDelay(this::checkpointQuietly, every, every, TimeUnit.MILLISECONDS);
        } else {
            checkpointer = null;
        }
    }

    /** One passive checkpoint; failures are logged at debug level (the commits' own checkpoint is the fallback). */
    private void checkpointQuietly() {
        if (closed || replaced) {
            return;
        }
        try (Handle h = jdbi.open(); Statement s = h.getConnection().createStatement();
             ResultSet rs = s.executeQuery("PRAGMA wal_checkpoint(PASSIVE)")) {
            if (rs.next() && rs.getInt(2) > 0) {
                LOG.trace("Checkpointed {} of {} log pages of {}", rs.getInt(3), rs.getInt(2), file);
            }
        } catch (SQLException | RuntimeException e) {
            LOG.debug("Background checkpoint of {} skipped: {}", file, e.getMessage());
        }
    }

    /**
     * Opens the training center's PostgreSQL database when {@code server} is given, else this seat's own SQLite
     * file in {@code dir}.
     */
    public static Database open(DataDir dir, Optional<DatabaseServer> server) {
        return server.map(s -> openServer(dir, s)).orElseGet(() -> open(dir));
    }

    /**
     * Logs on to {@code server} and migrates its schema to the newest version with the PostgreSQL twins of the
     * migrations. {@code dir} stays this seat's folder for logs, caches and settings files; it is locked shared,
     * as for SQLite.
     *
     * @throws SwitchboardException naming the server when it cannot be reached or a migration fails
     */
    public static Database openServer(DataDir dir, DatabaseServer server) {
        return openServer(dir, server, POSTGRES_MIGRATIONS);
    }

    static Database openServer(DataDir dir, DatabaseServer server, String... migrationLocations) {
        Objects.requireNonNull(dir, "dir").ensureCreated();
        Objects.requireNonNull(server, "server");
        DataDirLock lock = DataDirLock.shared(dir);
        ConnectionPool pool = null;
        try {
            pool = new ConnectionPool(ServerConnections.dataSource(server));
            ServerConnections.requireReachable(pool, server);
            migrate(pool, null, server.display(), migrationLocations);
            Database db = new Database(dir, pool, lock, List.of(), server);
            LOG.info("Opened database server {} at schema version {}", server.display(), db.schemaVersion());
            return db;
        } catch (RuntimeException e) {
            if (pool != null) {
                pool.close();
            }
            lock.close();
            throw e;
        }
    }

    /** The PostgreSQL server this database lives on; empty for the seat's own SQLite file. */
    public Optional<DatabaseServer> server() {
        return Optional.ofNullable(server);
    }

    /** Whether this is a shared server database (PostgreSQL) rather than the seat's own SQLite file. */
    public boolean isServer() {
        return server != null;
    }

    /** Where the data lives, for messages: the SQLite file's path or the server's address (never a password). */
    public String location() {
        return server != null ? server.display() : file.toString();
    }

    /**
     * Opens (creating when missing) the database of {@code dir} and migrates it to the newest schema.
     *
     * @throws DatabaseCorruptException when the existing file is damaged
     * @throws SwitchboardException when the folder cannot be used or a migration fails
     */
    public static Database open(DataDir dir) {
        return open(dir, MIGRATIONS);
    }

    static Database open(DataDir dir, String... migrationLocations) {
        return open(dir, BUSY_WAIT, migrationLocations);
    }

    static Database open(DataDir dir, Duration busyWait, String... migrationLocations) {
        Objects.requireNonNull(dir, "dir").ensureCreated();
        SqliteNative.install(dir.cache());
        DataDirLock lock = DataDirLock.shared(dir);
        ConnectionPool pool = null;
        try {
            List<String> cleaned = lock.alone() ? Leftovers.clean(dir) : List.of();
            Path file = dir.database();
            if (Files.exists(file)) {
                refuseIfDamaged(dir, file);
            }
            pool = new ConnectionPool(url(file), pooledConfig());
            waitUntilWritable(file, busyWait);
            migrate(pool, file, file.toString(), migrationLocations);
            makePrivate(file);
            Database db = new Database(dir, pool, lock, cleaned, null);
            LOG.info("Opened database {} at schema version {}{}", file, db.schemaVersion(),
                    lock.alone() ? "" : " (another process has the data folder open too)");
            return db;
        } catch (RuntimeException e) {
            if (pool != null) {
                pool.close();
            }
            lock.close();
            throw e;
        }
    }

    /**
     * Whether no other process had the data dir open when this one opened it: then sessions marked running were
     * cut short by a crash or kill, not live in another window.
     */
    public boolean openedAlone() {
        return lock.alone();
    }

    /** What was cleaned up at opening (temporary files of killed backups, restores and exports), one line each. */
    public List<String> cleanedUp() {
        return cleaned;
    }

    /**
     * Fails when the database file was replaced or moved since this process opened it (another program restored
     * a backup, or the file was copied over by hand); from then on nothing more is written through this object.
     *
     * @throws DatabaseReplacedException naming the file
     */
    public void requireSameFile() {
        if (server != null) {
            return;
        }
        if (!replaced && !closed && Objects.equals(fileKey, fileKey(file))) {
            return;
        }
        if (closed) {
            return;
        }
        if (!replaced) {
            replaced = true;
            LOG.error("The database file {} was replaced or moved while this process had it open; writing stopped",
                    file);
        }
        throw new DatabaseReplacedException(file);
    }

    /**
     * Runs SQLite's {@code quick_check} on any file without creating or changing it, e.g. a backup
     * before restoring it.
     *
     * @return {@code "ok"}, or what is wrong in SQLite's words (one problem per line)
     */
    public static String quickCheck(Path file) {
        if (!Files.isRegularFile(file)) {
            return "no such file: " + file;
        }
        try {
            return runQuickCheck(file);
        } catch (SQLException e) {
            return describe(e);
        }
    }

    /** The JDBI entry point; thread-safe, one pooled connection per handle. */
    public Jdbi jdbi() {
        return jdbi;
    }

    public Path file() {
        return file;
    }

    public DataDir dataDir() {
        return dataDir;
    }

    /** The version of the newest applied migration, e.g. 1 after {@code V1__init.sql}. */
    public int schemaVersion() {
        String version = jdbi.withHandle(h -> h.createQuery(
                        "SELECT version FROM flyway_schema_history WHERE success AND version IS NOT NULL "
                                + "ORDER BY installed_rank DESC LIMIT 1")
                .mapTo(String.class)
                .findOne()
                .orElse("0"));
        int end = 0;
        while (end < version.length() && Character.isDigit(version.charAt(end))) {
            end++;
        }
        return end == 0 ? 0 : Integer.parseInt(version.substring(0, end));
    }

    /** Checks the open database and gathers its vital figures. Reads the whole file; takes a while on a big one. */
    public CheckReport check() {
        if (server != null) {
            throw new IllegalStateException("check() reads a SQLite file; use serverCheck() on a server database");
        }
        return jdbi.withHandle(h -> {
            String quick = String.join("\n", h.createQuery("PRAGMA quick_check").mapTo(String.class).list());
            String journal = h.createQuery("PRAGMA journal_mode").mapTo(String.class).one();
            long events = h.createQuery("SELECT count(*) FROM event_log").mapTo(Long.class).one();
            int accounts = h.createQuery("SELECT count(*) FROM account").mapTo(Integer.class).one();
            long size;
            try {
                size = Files.size(file);
            } catch (IOException e) {
                size = -1;
            }
            return new CheckReport(file, size, quick, journal, schemaVersion(), events, accounts,
                    Backups.list(dataDir).stream().findFirst(), Triggers.problems(h));
        });
    }

    /**
     * Folds the write-ahead log into the database file and closes every connection. Close the event
     * log and other users of {@link #jdbi()} first. Idempotent.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        if (checkpointer != null) {
            checkpointer.shutdown();
            try {
                checkpointer.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (server != null) {
            closed = true;
            pool.close();
            lock.close();
            LOG.info("Closed database server {}", server.display());
            return;
        }
        try (Handle h = replaced ? null : jdbi.open(); Statement s = h == null ? null
                : h.getConnection().createStatement()) {
            if (s != null) {
                s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
            }
        } catch (SQLException | RuntimeException e) {
            LOG.warn("Could not checkpoint {} on close: {}", file, e.getMessage());
        }
        closed = true;
        pool.close();
        lock.close();
        LOG.info("Closed database {}", file);
    }

    private static void refuseIfDamaged(DataDir dir, Path file) {
        String result;
        SQLException cause = null;
        try {
            result = runQuickCheck(file);
        } catch (SQLException e) {
            refuseIfUnreachable(file, e);
            result = describe(e);
            cause = e;
        }
        if (!"ok".equals(result)) {
            LOG.error("Database {} failed its check: {}", file, result);
            throw new DatabaseCorruptException(file, result, Backups.list(dir).stream().findFirst(), dir.broken(),
                    cause);
        }
    }

    /** A file that is locked or cannot be opened is not damaged: say so instead of offering recovery. */
    private static void refuseIfUnreachable(Path file, SQLException e) {
        if (!(e instanceof SQLiteException se)) {
            return;
        }
        int primary = se.getResultCode().code & 0xFF;
        if (primary == SQLiteErrorCode.SQLITE_BUSY.code || primary == SQLiteErrorCode.SQLITE_LOCKED.code) {
            throw DatabaseBusyException.of(file, e);
        }
        if (primary == SQLiteErrorCode.SQLITE_CANTOPEN.code || primary == SQLiteErrorCode.SQLITE_PERM.code
                || primary == SQLiteErrorCode.SQLITE_AUTH.code) {
            throw new SwitchboardException("The database " + file + " cannot be opened: " + describe(e),
                    "Check the file's permissions, or choose another folder with --data-dir.", e);
        }
    }

    private static String runQuickCheck(Path file) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.resetOpenMode(SQLiteOpenMode.CREATE);
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        try (Connection c = DriverManager.getConnection(url(file), config.toProperties());
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("PRAGMA quick_check")) {
            List<String> lines = new ArrayList<>();
            while (rs.next()) {
                lines.add(rs.getString(1));
            }
            return lines.isEmpty() ? "quick_check returned nothing" : String.join("\n", lines);
        }
    }

    /** Whether {@code file} holds Switchboard's tables; for checking a backup before a restore. */
    static boolean hasSwitchboardSchema(Path file) {
        SQLiteConfig config = new SQLiteConfig();
        config.resetOpenMode(SQLiteOpenMode.CREATE);
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        try (Connection c = DriverManager.getConnection(url(file), config.toProperties());
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(
                     "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'event_log'")) {
            return rs.next() && rs.getInt(1) == 1;
        } catch (SQLException e) {
            return false;
        }
    }

    /**
     * Takes and gives back the write lock once, waiting up to {@code wait} for another program that holds it
     * (SQLite's busy timeout, retried), so a busy database is reported as such before Flyway runs into it.
     */
    private static void waitUntilWritable(Path file, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        boolean logged = false;
        while (true) {
            SQLException busy;
            SQLiteConfig probe = new SQLiteConfig();
            probe.setBusyTimeout((int) Math.max(1, Math.min(1000, wait.toMillis())));
            try (Connection c = DriverManager.getConnection(url(file), probe.toProperties());
                 Statement s = c.createStatement()) {
                s.execute("BEGIN IMMEDIATE");
                s.execute("ROLLBACK");
                return;
            } catch (SQLException e) {
                if (!DatabaseBusyException.isBusy(e)) {
                    return;
                }
                busy = e;
            }
            if (System.nanoTime() >= deadline) {
                throw DatabaseBusyException.of(file, busy);
            }
            if (!logged) {
                LOG.warn("The database {} is in use by {}; waiting up to {} s", file,
                        DatabaseBusyException.holders(file), wait.toSeconds());
                logged = true;
            }
        }
    }

    /**
     * The server's version and the figures of a server database, for {@code switchboard --database URL db check}.
     *
     * @throws IllegalStateException on the seat's own SQLite file (use {@link #check()})
     */
    public ServerCheckReport serverCheck() {
        if (server == null) {
            throw new IllegalStateException("serverCheck() is for a server database; use check()");
        }
        return jdbi.withHandle(h -> new ServerCheckReport(server.display(),
                h.createQuery("SELECT version()").mapTo(String.class).one(),
                schemaVersion(),
                h.createQuery("SELECT count(*) FROM event_log").mapTo(Long.class).one(),
                h.createQuery("SELECT count(DISTINCT session_id) FROM event_log").mapTo(Long.class).one(),
                h.createQuery("SELECT count(*) FROM account").mapTo(Long.class).one(),
                h.createQuery("SELECT count(*) FROM training_session").mapTo(Long.class).one(),
                h.createQuery("SELECT count(*) FROM recording").mapTo(Long.class).one()));
    }

    /** {@code file} is the SQLite file, or null on a server ({@code where} names it in messages either way). */
    private static void migrate(ConnectionPool pool, Path file, String where, String... locations) {
        Flyway flyway = Flyway.configure()
                .dataSource(pool.dataSource())
                .locations(locations)
                .failOnMissingLocations(true)
                .load();
        try {
            flyway.migrate();
        } catch (FlywayException e) {
            if (file != null && DatabaseBusyException.isBusy(e)) {
                throw DatabaseBusyException.of(file, e);
            }
            String migration = failedMigration(flyway).orElse("(before any migration ran)");
            throw new SwitchboardException("Updating the database " + where + " failed at migration " + migration
                    + ": " + firstLine(e.getMessage()),
                    "The database was left at its previous version. Report this problem with the log file; "
                            + "keep the database as it is.", e);
        }
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "unknown error";
        }
        String line = text.strip().lines().findFirst().orElse("unknown error");
        return line.length() > 300 ? line.substring(0, 300) + "..." : line;
    }

    private static void makePrivate(Path file) {
        try {
            PrivateFiles.makePrivate(file);
        } catch (IOException e) {
            LOG.warn("Could not make {} private: {}", file, e.getMessage());
        }
    }

    private static Object fileKey(Path file) {
        try {
            // The inode on Unix; null on platforms without one, where replacement goes unnoticed.
            return Files.readAttributes(file, BasicFileAttributes.class).fileKey();
        } catch (IOException e) {
            return "missing";
        }
    }

    private static Optional<String> failedMigration(Flyway flyway) {
        try {
            MigrationInfo[] pending = flyway.info().pending();
            if (pending.length > 0) {
                return Optional.of(pending[0].getScript());
            }
            MigrationInfo[] all = flyway.info().all();
            for (MigrationInfo info : all) {
                if (info.getState().isFailed()) {
                    return Optional.of(info.getScript());
                }
            }
        } catch (FlywayException e) {
            LOG.debug("Could not tell which migration failed", e);
        }
        return Optional.empty();
    }

    private static SQLiteConfig pooledConfig() {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.enforceForeignKeys(true);
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.setPragma(SQLiteConfig.Pragma.WAL_AUTOCHECKPOINT, Integer.toString(AUTOCHECKPOINT_PAGES));
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        return config;
    }

    static String url(Path file) {
        return "jdbc:sqlite:" + file.toAbsolutePath();
    }

    static String describe(SQLException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
