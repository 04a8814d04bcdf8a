package dev.switchboard.store.eventlog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.switchboard.core.error.SwitchboardException;
import dev.switchboard.core.id.SessionId;
import dev.switchboard.core.io.DiskFull;
import dev.switchboard.store.Database;
import dev.switchboard.store.DatabaseBusyException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * Appends events to the {@code event_log} table, one SHA-256 chain per session, and reads and verifies
 * them. Thread-safe.
 *
 * <p><b>Durability.</b> {@link #append} and {@link #appendAll} commit one transaction per call on a
 * connection running {@code synchronous=FULL}: when they return, the entries survive a crash or power
 * loss. {@link #enqueue} is for hot paths: a single writer thread commits queued entries in batches
 * (up to {@value #MAX_BATCH} entries, or whatever arrived within {@value #LINGER_MILLIS} ms), and
 * {@link #flush()} waits until everything queued before it is durable. A write that fails in the
 * writer thread is logged and thrown from the next {@link #enqueue} or {@link #flush()}.
 *
 * <p><b>One writer process.</b> Each session's tail (last seq and hash) is kept in memory after its
 * first use, on the assumption that only this process appends to the database. Should another writer
 * append to the same session anyway, the {@code UNIQUE(session_id, seq)} constraint refuses the stale
 * write; the tails are then reloaded and the write is retried once, so a chain never forks.
 *
 * <p>Use one instance per {@link Database} and close it before the database.
 */
public final class EventLog implements AutoCloseable {

    /** The most entries the writer thread commits in one transaction. */
    public static final int MAX_BATCH = 4096;
    /** How long the writer thread waits for more entries before committing a partial batch. */
    public static final long LINGER_MILLIS = 20;

    private static final Logger LOG = LoggerFactory.getLogger(EventLog.class);
    private static final int QUEUE_CAPACITY = 1 << 16;
    private static final int JDBC_BATCH = 1024;
    private static final String COLUMNS =
            "id, session_id, seq, sim_time_ms, wall_time_ms, type, payload, prev_hash, hash";

    private final Database db;
    private final Clock wallClock;
    private final ObjectMapper mapper = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    // Writing: one connection at synchronous=FULL, used under writeLock only.
    private final ReentrantLock writeLock = new ReentrantLock();
    private final Map<SessionId, Tail> tails = new HashMap<>();
    private final ChainHash writeHash = new ChainHash();
    private Handle writeHandle;
    private PreparedStatement insert;
    private PreparedStatement tailQuery;
    private PreparedStatement maxId;
    private PreparedStatement lastId;

    // Queued writing.
    private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
    private final ReadWriteLock lifecycle = new ReentrantReadWriteLock();
    private final AtomicReference<RuntimeException> failure = new AtomicReference<>();
    private final AtomicLong lostEntries = new AtomicLong();
    private Thread writer;
    private boolean closed;

    public EventLog(Database db, Clock wallClock) {
        this.db = Objects.requireNonNull(db, "db");
        this.wallClock = Objects.requireNonNull(wallClock, "wallClock");
    }

    /** The database this log writes to. */
    public Database database() {
        return db;
    }

    /** {@code payload} as JSON, for {@link AppendRequest#payloadJson()}; records and java.time values welcome. */
    public <T> String json(T payload) {
        try {
            return mapper.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot write " + payload.getClass().getName() + " as JSON: "
                    + e.getOriginalMessage(), e);
        }
    }

    /** Appends one entry durably; returns it as stored. Blocks for a disk sync (milliseconds). */
    public EventLogEntry append(AppendRequest request) {
        Objects.requireNonNull(request, "request");
        return appendAll(List.of(request)).get(0);
    }

    /**
     * Appends {@code batch} in order in one transaction, durably: all entries are stored or none.
     *
     * @return the entries as stored, in the order given
     */
    public List<EventLogEntry> appendAll(List<AppendRequest> batch) {
        List<AppendRequest> requests = List.copyOf(batch);
        if (requests.isEmpty()) {
            return List.of();
        }
        lifecycle.readLock().lock();
        try {
            requireOpen();
            writeLock.lock();
            try {
                return write(requests);
            } finally {
                writeLock.unlock();
            }
        } finally {
            lifecycle.readLock().unlock();
        }
    }

    /**
     * Queues {@code request} for the writer thread and returns at once, unless the queue is full
     * (65,536 entries), in which case it waits for room. Not durable until {@link #flush()} returns.
     *
     * @throws SwitchboardException when an earlier queued write failed and has not been reported by
     *                              {@link #flush()} yet
     */
    public void enqueue(AppendRequest request) {
        Objects.requireNonNull(request, "request");
        RuntimeException failed = failure.get();
        if (failed != null) {
            throw failedWrites(failed, lostEntries.get());
        }
        lifecycle.readLock().lock();
        try {
            requireOpen();
            startWriter();
            putUninterruptibly(request);
        } finally {
            lifecycle.readLock().unlock();
        }
    }

    /** Entries queued by {@link #enqueue} and not yet written: the writer's backlog, for the operations view. */
    public int backlog() {
        return queue.size();
    }

    /**
     * Waits until every entry queued before this call is durable.
     *
     * @throws SwitchboardException when queued entries could not be written since the last flush; the
     *                              exception says how many were lost, and later flushes succeed again
     */
    public void flush() {
        Marker marker = null;
        Thread current;
        lifecycle.readLock().lock();
        try {
            current = currentWriter();
            if (!closed && current != null) {
                marker = new Marker(false);
                putUninterruptibly(marker);
            }
        } finally {
            lifecycle.readLock().unlock();
        }
        if (marker != null) {
            marker.awaitWrittenBy(current);
        }
        reportFailure();
    }

    /** Up to {@code limit} entries of {@code session} from {@code fromSeq} on, in chain order. */
    public List<EventLogEntry> read(SessionId session, long fromSeq, int limit) {
        Objects.requireNonNull(session, "session");
        if (limit <= 0) {
            return List.of();
        }
        return withConnection("read", c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS
                    + " FROM event_log WHERE session_id = ? AND seq >= ? ORDER BY seq LIMIT ?")) {
                s.setString(1, session.value());
                s.setLong(2, fromSeq);
                s.setInt(3, limit);
                List<EventLogEntry> out = new ArrayList<>();
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        out.add(new EventLogEntry(rs.getLong(1), session, rs.getLong(3), rs.getLong(4),
                                Instant.ofEpochMilli(rs.getLong(5)), rs.getString(6), rs.getString(7),
                                rs.getBytes(8), rs.getBytes(9)));
                    }
                }
                return out;
            }
        });
    }

    /** How many entries the log holds, all sessions together. */
    public long count() {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM event_log").mapTo(Long.class).one());
    }

    /** How many entries {@code session}'s chain holds. */
    public long count(SessionId session) {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM event_log WHERE session_id = :s")
                .bind("s", session.value())
                .mapTo(Long.class)
                .one());
    }

    /** Every session with at least one entry, including system chains such as {@link SessionId#AUDIT}, sorted. */
    public List<SessionId> sessions() {
        // Skips from one session to the next along the (session_id, seq) index instead of reading every row.
        return db.jdbi().withHandle(h -> h.createQuery("""
                        WITH RECURSIVE s(id) AS (
                            SELECT min(session_id) FROM event_log
                            UNION ALL
                            SELECT (SELECT min(session_id) FROM event_log WHERE session_id > s.id) FROM s
                            WHERE s.id IS NOT NULL)
                        SELECT id FROM s WHERE id IS NOT NULL""")
                .mapTo(String.class)
                .map(SessionId::new)
                .list());
    }

    /** The last entry's seq and hash of every chain (one index lookup per chain), sorted by chain. */
    public List<ChainHead> heads() {
        List<SessionId> chains = sessions();
        return withConnection("read", c -> {
            List<ChainHead> out = new ArrayList<>(chains.size());
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT seq, hash FROM event_log WHERE session_id = ? ORDER BY seq DESC LIMIT 1")) {
                for (SessionId chain : chains) {
                    s.setString(1, chain.value());
                    try (ResultSet rs = s.executeQuery()) {
                        if (rs.next()) {
                            out.add(new ChainHead(chain, rs.getLong(1), rs.getBytes(2)));
                        }
                    }
                }
            }
            return out;
        });
    }

    /** The hash stored at {@code seq} of {@code session}'s chain, if that entry exists. */
    public Optional<byte[]> hashAt(SessionId session, long seq) {
        return withConnection("read", c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT hash FROM event_log WHERE session_id = ? AND seq = ?")) {
                s.setString(1, session.value());
                s.setLong(2, seq);
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getBytes(1)) : Optional.<byte[]>empty();
                }
            }
        });
    }

    /** The entries of {@code session} whose type is {@code type}, in chain order. */
    public List<EventLogEntry> readType(SessionId session, String type) {
        return withConnection("read", c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS
                    + " FROM event_log WHERE session_id = ? AND type = ? ORDER BY seq")) {
                s.setString(1, session.value());
                s.setString(2, type);
                List<EventLogEntry> out = new ArrayList<>();
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        out.add(new EventLogEntry(rs.getLong(1), session, rs.getLong(3), rs.getLong(4),
                                Instant.ofEpochMilli(rs.getLong(5)), rs.getString(6), rs.getString(7),
                                rs.getBytes(8), rs.getBytes(9)));
                    }
                }
                return out;
            }
        });
    }

    /** The newest entry of {@code session}, if it has any. */
    public Optional<EventLogEntry> last(SessionId session) {
        return withConnection("read", c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS
                    + " FROM event_log WHERE session_id = ? ORDER BY seq DESC LIMIT 1")) {
                s.setString(1, session.value());
                try (ResultSet rs = s.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.<EventLogEntry>empty();
                    }
                    return Optional.of(new EventLogEntry(rs.getLong(1), session, rs.getLong(3), rs.getLong(4),
                            Instant.ofEpochMilli(rs.getLong(5)), rs.getString(6), rs.getString(7), rs.getBytes(8),
                            rs.getBytes(9)));
                }
            }
        });
    }

    /**
     * Walks every chain (or only {@code session}'s) in seq order, recomputing each hash, and reports the
     * first row that does not fit; chains are taken in session-id order, so the first break is the first
     * broken row of the first broken chain. Streams the rows, so memory use does not grow with the log;
     * walks several chains at once on a machine with several cores.
     */
    public VerifyReport verify(Optional<SessionId> session) {
        long started = System.nanoTime();
        List<SessionId> chains = session.map(List::of).orElseGet(this::sessions);
        ChainCheck[] results = new ChainCheck[chains.size()];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger firstBroken = new AtomicInteger(Integer.MAX_VALUE);
        AtomicReference<Throwable> failed = new AtomicReference<>();
        Runnable worker = () -> {
            try {
                withConnection("verify", c -> {
                    try (PreparedStatement s = c.prepareStatement("SELECT seq, sim_time_ms, wall_time_ms, type, "
                            + "payload, prev_hash, hash, id FROM event_log WHERE session_id = ? ORDER BY seq")) {
                        ChainHash chainHash = new ChainHash();
                        for (int i = next.getAndIncrement(); i < results.length && i < firstBroken.get();
                             i = next.getAndIncrement()) {
                            results[i] = checkChain(s, chainHash, chains.get(i), i, firstBroken);
                            if (results[i].problem().isPresent()) {
                                firstBroken.accumulateAndGet(i, Math::min);
                            }
                        }
                        return null;
                    }
                });
            } catch (RuntimeException | Error e) {
                failed.compareAndSet(null, e);
                firstBroken.set(-1);
            }
        };
        int threads = Math.min(results.length, Runtime.getRuntime().availableProcessors());
        List<Thread> helpers = new ArrayList<>();
        for (int t = 1; t < threads; t++) {
            helpers.add(Thread.ofPlatform().name("event-log-verify-" + t).daemon(true).start(worker));
        }
        worker.run();
        helpers.forEach(EventLog::joinUninterruptibly);
        Throwable walkFailure = failed.get();
        if (walkFailure instanceof RuntimeException e) {
            throw e;
        } else if (walkFailure instanceof Error e) {
            throw e;
        }
        long entries = 0;
        int walked = 0;
        for (ChainCheck check : results) {
            if (check == null) {
                // Only chains after a broken one are skipped, and the loop returns at the broken one.
                throw new IllegalStateException("A chain was not verified");
            }
            walked++;
            entries += check.entries();
            if (check.problem().isPresent()) {
                return new VerifyReport(entries, walked, since(started), check.problem());
            }
        }
        return new VerifyReport(entries, walked, since(started), Optional.empty());
    }

    /** Walks one chain; gives up early (with a result nobody reads) once a chain before it is broken. */
    private static ChainCheck checkChain(PreparedStatement s, ChainHash chainHash, SessionId chain, int index,
                                         AtomicInteger firstBroken) throws SQLException {
        byte[] computed = new byte[ChainHash.BYTES];
        byte[] sessionBytes = chain.value().getBytes(StandardCharsets.UTF_8);
        byte[] lastHash = ChainHash.GENESIS;
        long expectedSeq = 1;
        long entries = 0;
        s.setString(1, chain.value());
        try (ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                long seq = rs.getLong(1);
                byte[] prevHash = rs.getBytes(6);
                byte[] hash = rs.getBytes(7);
                String problem = null;
                if (seq != expectedSeq) {
                    problem = "seq gap: expected " + expectedSeq + " found " + seq;
                } else if (!Arrays.equals(prevHash, lastHash)) {
                    problem = seq == 1 ? "prev_hash of seq 1 is not 32 zero bytes"
                            : "prev_hash does not match previous row";
                } else {
                    chainHash.hashInto(prevHash, sessionBytes, seq, rs.getLong(2), rs.getLong(3), rs.getBytes(4),
                            rs.getBytes(5), computed);
                    if (!Arrays.equals(computed, hash)) {
                        problem = "hash mismatch";
                    }
                }
                if (problem != null) {
                    return new ChainCheck(entries,
                            Optional.of(new VerifyReport.Break(chain, seq, rs.getLong(8), problem)));
                }
                entries++;
                expectedSeq = seq + 1;
                lastHash = hash;
                if ((entries & 0xFFF) == 0 && firstBroken.get() < index) {
                    break;
                }
            }
        }
        return new ChainCheck(entries, Optional.empty());
    }

    private static Duration since(long startedNanos) {
        return Duration.ofNanos(System.nanoTime() - startedNanos);
    }

    private <R> R withConnection(String what, SqlWork<R> work) {
        try {
            return db.jdbi().withHandle(h -> work.run(h.getConnection()));
        } catch (SQLException e) {
            throw new SwitchboardException("Could not " + what + " the event log in " + db.file() + ": "
                    + e.getMessage(), "", e);
        }
    }

    /**
     * Writes what is queued, stops the writer thread and releases the write connection. Throws like
     * {@link #flush()} when queued entries could not be written. Idempotent.
     */
    @Override
    public void close() {
        Thread stoppedWriter;
        Marker stop = null;
        lifecycle.writeLock().lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            stoppedWriter = currentWriter();
            if (stoppedWriter != null) {
                stop = new Marker(true);
                putUninterruptibly(stop);
            }
        } finally {
            lifecycle.writeLock().unlock();
        }
        try {
            if (stop != null) {
                stop.awaitWrittenBy(stoppedWriter);
                joinUninterruptibly(stoppedWriter);
            }
            reportFailure();
        } finally {
            releaseWriteConnection();
        }
    }

    // ---- writing

    private List<EventLogEntry> write(List<AppendRequest> batch) {
        for (int attempt = 1; ; attempt++) {
            try {
                return writeOnce(batch);
            } catch (SQLException e) {
                // After a failed or uncertain commit the in-memory tails may be wrong: reload them.
                for (AppendRequest r : batch) {
                    tails.remove(r.session());
                }
                if (attempt == 1 && isUniqueViolation(e)) {
                    LOG.warn("Another writer appended to the event log; reloading chain tails and retrying");
                    continue;
                }
                if (DiskFull.is(e, db.file())) {
                    throw new SwitchboardException("Could not append " + batch.size() + " entries to the event log: "
                            + DiskFull.describe(db.file()) + ".",
                            "Free some space; the entries of this write were not stored, everything before is kept.",
                            e);
                }
                if (DatabaseBusyException.isBusy(e)) {
                    throw DatabaseBusyException.of(db.file(), e);
                }
                throw new SwitchboardException("Could not append " + batch.size() + " entries to the event log in "
                        + db.file() + ": " + e.getMessage(),
                        "Check the free disk space. The entries of this write were not stored.", e);
            }
        }
    }

    private List<EventLogEntry> writeOnce(List<AppendRequest> batch) throws SQLException {
        // Never write into a file that is no longer the database (replaced by a restore elsewhere).
        db.requireSameFile();
        Connection c = writeConnection();
        int n = batch.size();
        long[] seqs = new long[n];
        long[] walls = new long[n];
        byte[][] prevs = new byte[n][];
        byte[][] hashes = new byte[n][];
        Map<SessionId, Tail> staged = new HashMap<>();
        long firstId;
        c.setAutoCommit(false);
        boolean committed = false;
        try {
            firstId = queryLong(maxId) + 1;
            int pending = 0;
            for (int i = 0; i < n; i++) {
                AppendRequest r = batch.get(i);
                Tail tail = staged.get(r.session());
                if (tail == null) {
                    Tail known = tails.get(r.session());
                    tail = known != null ? known.copy() : loadTail(r.session());
                    staged.put(r.session(), tail);
                }
                long seq = tail.seq + 1;
                long wall = wallClock.millis();
                byte[] hash = writeHash.hash(tail.hash, tail.sessionBytes, seq, r.simTimeMillis(), wall,
                        r.type().getBytes(StandardCharsets.UTF_8), r.payloadJson().getBytes(StandardCharsets.UTF_8));
                insert.setString(1, r.session().value());
                insert.setLong(2, seq);
                insert.setLong(3, r.simTimeMillis());
                insert.setLong(4, wall);
                insert.setString(5, r.type());
                insert.setString(6, r.payloadJson());
                insert.setBytes(7, tail.hash);
                insert.setBytes(8, hash);
                insert.addBatch();
                if (++pending == JDBC_BATCH) {
                    insert.executeBatch();
                    pending = 0;
                }
                seqs[i] = seq;
                walls[i] = wall;
                prevs[i] = tail.hash;
                hashes[i] = hash;
                tail.seq = seq;
                tail.hash = hash;
            }
            if (pending > 0) {
                insert.executeBatch();
            }
            long last = queryLong(lastId);
            if (last != firstId + n - 1) {
                // Rowids are max+1 inside our write transaction; anything else means the schema changed.
                throw new SQLException("Unexpected row ids: expected " + firstId + ".." + (firstId + n - 1)
                        + ", last was " + last);
            }
            // Commits. Unlike commit(), it does not open the next transaction, which in IMMEDIATE mode
            // would take the write lock again at once.
            c.setAutoCommit(true);
            committed = true;
        } finally {
            if (!committed) {
                insert.clearBatch();
                try {
                    c.rollback();
                } catch (SQLException e) {
                    LOG.warn("Could not roll back an event-log write: {}", e.getMessage());
                }
                c.setAutoCommit(true);
            }
        }
        tails.putAll(staged);
        List<EventLogEntry> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            AppendRequest r = batch.get(i);
            out.add(new EventLogEntry(firstId + i, r.session(), seqs[i], r.simTimeMillis(),
                    Instant.ofEpochMilli(walls[i]), r.type(), r.payloadJson(), prevs[i], hashes[i]));
        }
        return out;
    }

    private Tail loadTail(SessionId session) throws SQLException {
        tailQuery.setString(1, session.value());
        try (ResultSet rs = tailQuery.executeQuery()) {
            byte[] sessionBytes = session.value().getBytes(StandardCharsets.UTF_8);
            if (rs.next()) {
                return new Tail(sessionBytes, rs.getLong(1), rs.getBytes(2));
            }
            return new Tail(sessionBytes, 0, ChainHash.GENESIS);
        }
    }

    private static long queryLong(PreparedStatement s) throws SQLException {
        try (ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private Connection writeConnection() throws SQLException {
        if (writeHandle == null) {
            Handle handle = db.jdbi().open();
            try {
                Connection c = handle.getConnection();
                try (Statement s = c.createStatement()) {
                    // The architecture's rule: the event log commits with a full sync.
                    s.execute("PRAGMA synchronous=FULL");
                }
                insert = c.prepareStatement("INSERT INTO event_log (session_id, seq, sim_time_ms, wall_time_ms, "
                        + "type, payload, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
                tailQuery = c.prepareStatement(
                        "SELECT seq, hash FROM event_log WHERE session_id = ? ORDER BY seq DESC LIMIT 1");
                maxId = c.prepareStatement("SELECT coalesce(max(id), 0) FROM event_log");
                lastId = c.prepareStatement("SELECT last_insert_rowid()");
            } catch (SQLException | RuntimeException e) {
                handle.close();
                throw e;
            }
            writeHandle = handle;
        }
        return writeHandle.getConnection();
    }

    private void releaseWriteConnection() {
        writeLock.lock();
        try {
            if (writeHandle == null) {
                return;
            }
            try (Statement s = writeHandle.getConnection().createStatement()) {
                insert.close();
                tailQuery.close();
                maxId.close();
                lastId.close();
                // The connection goes back to the pool, where NORMAL is the rule.
                s.execute("PRAGMA synchronous=NORMAL");
            } catch (SQLException e) {
                LOG.debug("Could not reset the event-log connection: {}", e.getMessage());
            }
            try {
                writeHandle.close();
            } catch (RuntimeException e) {
                LOG.debug("Could not close the event-log connection (was the database closed first?)", e);
            }
            writeHandle = null;
        } finally {
            writeLock.unlock();
        }
    }

    private static boolean isUniqueViolation(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLiteException se && se.getResultCode() == SQLiteErrorCode.SQLITE_CONSTRAINT_UNIQUE) {
                return true;
            }
            if (t.getMessage() != null && t.getMessage().contains("UNIQUE constraint failed: event_log")) {
                return true;
            }
        }
        return false;
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("The event log is closed");
        }
    }

    // ---- the writer thread

    private synchronized Thread currentWriter() {
        return writer;
    }

    private synchronized void startWriter() {
        if (writer == null) {
            writer = Thread.ofPlatform().name("event-log-writer").daemon(true).start(this::runWriter);
        }
    }

    private void runWriter() {
        List<AppendRequest> batch = new ArrayList<>(MAX_BATCH);
        List<Marker> markers = new ArrayList<>();
        boolean stop = false;
        while (!stop) {
            try {
                Object item = queue.take();
                long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(LINGER_MILLIS);
                while (item != null) {
                    if (item instanceof AppendRequest request) {
                        batch.add(request);
                    } else {
                        Marker marker = (Marker) item;
                        markers.add(marker);
                        stop = marker.stop;
                        break;
                    }
                    if (batch.size() >= MAX_BATCH) {
                        break;
                    }
                    long left = deadline - System.nanoTime();
                    item = left > 0 ? queue.poll(left, TimeUnit.NANOSECONDS) : queue.poll();
                }
            } catch (InterruptedException e) {
                // Nobody should interrupt this thread; write what was gathered and carry on.
                LOG.warn("The event-log writer was interrupted; carrying on");
            }
            writeQueued(batch);
            batch.clear();
            markers.forEach(Marker::done);
            markers.clear();
        }
    }

    private void writeQueued(List<AppendRequest> batch) {
        if (batch.isEmpty()) {
            return;
        }
        writeLock.lock();
        try {
            write(batch);
        } catch (RuntimeException | Error e) {
            LOG.error("The event log could not write {} queued entries", batch.size(), e);
            lostEntries.addAndGet(batch.size());
            failure.compareAndSet(null, e instanceof RuntimeException re ? re : new IllegalStateException(e));
        } finally {
            writeLock.unlock();
        }
    }

    private void reportFailure() {
        RuntimeException failed = failure.getAndSet(null);
        if (failed != null) {
            throw failedWrites(failed, lostEntries.getAndSet(0));
        }
    }

    private SwitchboardException failedWrites(RuntimeException cause, long lost) {
        return new SwitchboardException("The event log could not store " + lost + " queued entries in " + db.file()
                + ": " + cause.getMessage(), "The session's record is incomplete. Check the free disk space.", cause);
    }

    private void putUninterruptibly(Object item) {
        boolean interrupted = false;
        while (true) {
            try {
                queue.put(item);
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static void joinUninterruptibly(Thread thread) {
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private record ChainCheck(long entries, Optional<VerifyReport.Break> problem) {
    }

    @FunctionalInterface
    private interface SqlWork<R> {
        R run(Connection c) throws SQLException;
    }

    /** The last seq and hash of a session's chain. */
    private static final class Tail {
        final byte[] sessionBytes;
        long seq;
        byte[] hash;

        Tail(byte[] sessionBytes, long seq, byte[] hash) {
            this.sessionBytes = sessionBytes;
            this.seq = seq;
            this.hash = hash;
        }

        Tail copy() {
            return new Tail(sessionBytes, seq, hash);
        }
    }

    /** Placed in the queue by flush (or close, with {@code stop}); done once everything before it is written. */
    private static final class Marker {
        final boolean stop;
        private final CountDownLatch latch = new CountDownLatch(1);

        Marker(boolean stop) {
            this.stop = stop;
        }

        void done() {
            latch.countDown();
        }

        void awaitWrittenBy(Thread writer) {
            boolean interrupted = false;
            try {
                while (true) {
                    try {
                        if (latch.await(1, TimeUnit.SECONDS)) {
                            return;
                        }
                        if (!writer.isAlive() && latch.getCount() > 0) {
                            throw new IllegalStateException("The event-log writer thread has died");
                        }
                    } catch (InterruptedException e) {
                        interrupted = true;
                    }
                }
            } finally {
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }
}
