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
import java.util.TreeMap;
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
 * <p><b>Many writers on a server.</b> On a PostgreSQL server ({@link Database#isServer()}) several seats append
 * at once: each write transaction takes a transaction-scoped advisory lock per chain it touches (in chain order,
 * so two writers never wait for each other in a circle) and reads the chain's tail afresh under that lock, so
 * sequences stay gap-free and every entry's {@code prev_hash} is the hash of the entry before it. Nothing is
 * cached between writes there; the lock is released by the commit or by the server when a seat dies.
 *
 * <p>Use one instance per {@link Database} and close it before the database.
 */
public final class EventLog implements AutoCloseable {

    /** The most entries the writer thread commits in one transaction. */
    public static final int MAX_BATCH = 4096;
    /** How long the writer thread waits for more entries before committing a partial batch. */
    public static final long LINGER_MILLIS = 20;

    private static final Logger LOG = LoggerFactory.getLogger(EventLog.class);
    /** How long the outbox sender waits after the server first fails to answer; doubled up to the maximum. */
    private static final long DRAIN_FIRST_WAIT_MILLIS = 500;
    private static final long DRAIN_MAX_WAIT_MILLIS = 5_000;
    /** How long a write with an outbox waits for the server's answer before keeping its entries locally. */
    private static final int SERVER_ANSWER_MILLIS = 15_000;
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
    private PreparedStatement chainLock;

    // Queued writing.
    private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
    private final ReadWriteLock lifecycle = new ReentrantReadWriteLock();
    private final AtomicReference<RuntimeException> failure = new AtomicReference<>();
    private final AtomicLong lostEntries = new AtomicLong();
    private Thread writer;
    private boolean closed;

    // Keeping entries locally while the server does not answer (server only; null when not wanted).
    private final Outbox outbox;
    private final Object drainSignal = new Object();
    private final java.util.concurrent.CopyOnWriteArrayList<java.util.function.LongConsumer> keptListeners =
            new java.util.concurrent.CopyOnWriteArrayList<>();
    /** The chains that had entries in the outbox when this log opened. */
    private final List<SessionId> keptAtStart;
    /** Entries waiting in the outbox for this server; under writeLock, read by {@link #keptLocally()}. */
    private volatile long keptLocally;
    /** Sends the outbox on; under writeLock, null when the outbox is empty. */
    private Thread drainer;
    private volatile boolean drainStopped;
    /** Run once the outbox is empty; under writeLock. */
    private final List<Runnable> afterSent = new ArrayList<>();
    /** For tests: runs after the server inserted a drain's rows and before its commit. */
    volatile Runnable beforeDrainCommit = () -> { };
    /** For tests: runs after the server committed a drain's rows and before they leave the outbox. */
    volatile Runnable afterDrainCommit = () -> { };

    public EventLog(Database db, Clock wallClock) {
        this.db = Objects.requireNonNull(db, "db");
        this.wallClock = Objects.requireNonNull(wallClock, "wallClock");
        this.outbox = null;
        this.keptAtStart = List.of();
    }

    /**
     * A log on a server {@code db} that keeps entries in {@code outbox} whenever the server stops answering, so
     * an append never fails for that reason: the entries wait there in order and a background thread sends them on
     * (oldest first, each exactly once) as soon as the server answers again, and at once when the outbox already
     * holds entries from an earlier run. While anything waits locally, new entries queue up behind it, so no chain
     * is reordered. The caller closes {@code outbox} after this log.
     *
     * @throws IllegalArgumentException when {@code db} is the seat's own SQLite file, which never goes away
     */
    public EventLog(Database db, Clock wallClock, Outbox outbox) {
        this.db = Objects.requireNonNull(db, "db");
        this.wallClock = Objects.requireNonNull(wallClock, "wallClock");
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        if (!db.isServer()) {
            throw new IllegalArgumentException("Only a server database needs an outbox");
        }
        try {
            keptLocally = outbox.pending();
            keptAtStart = List.copyOf(outbox.chains());
            long elsewhere = outbox.pendingForOtherServers();
            if (elsewhere > 0) {
                LOG.warn("The outbox {} keeps {} entries meant for another database server; they stay there until "
                        + "this seat works on that server again", outbox.file(), elsewhere);
            }
        } catch (SQLException e) {
            throw new SwitchboardException("Cannot read this seat's outbox " + outbox.file() + ": " + e.getMessage(),
                    "Check the free disk space and that the data folder is writable.", e);
        }
        if (keptLocally > 0) {
            LOG.info("{} event-log entries kept on this seat wait to be sent to {}", keptLocally, db.location());
            writeLock.lock();
            try {
                startDrainer();
            } finally {
                writeLock.unlock();
            }
        }
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
     * Entries kept on this seat because the server did not answer, not yet sent on; 0 without an outbox. While it is
     * above 0 the server lacks the newest entries, and reads (which go to the server) do not show them.
     */
    public long keptLocally() {
        return keptLocally;
    }

    /**
     * Runs {@code action} once every entry kept locally is on the server: at once, on this thread, when nothing waits
     * (or the log has no outbox); else on the thread that sends the outbox, right after the last entry went. For
     * work that belongs after the entries, such as a session catalogue update while the server was away. Not kept
     * across a restart: an action still waiting when the log closes is dropped (and logged).
     */
    public void whenKeptSent(Runnable action) {
        Objects.requireNonNull(action, "action");
        writeLock.lock();
        try {
            if (outbox != null && keptLocally > 0) {
                afterSent.add(action);
                return;
            }
        } finally {
            writeLock.unlock();
        }
        action.run();
    }

    /**
     * The chains (sessions) that had entries waiting in the outbox when this log opened: left by an earlier run that
     * closed while the server was away. Empty without an outbox.
     */
    public List<SessionId> keptAtStart() {
        return keptAtStart;
    }

    /** Waits up to {@code timeout} for every entry kept locally to reach the server; true when none waits. */
    public boolean awaitKeptSent(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (keptLocally > 0 && System.nanoTime() < deadline && !drainStopped) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return keptLocally == 0;
    }

    /**
     * Tells {@code listener} the number of {@linkplain #keptLocally() entries kept locally} whenever it changes
     * between 0 and more, and when the outbox is empty again; called on the thread that wrote or sent, never while
     * holding the write lock for long. Returns a handle that removes the listener.
     */
    public AutoCloseable watchKeptLocally(java.util.function.LongConsumer listener) {
        Objects.requireNonNull(listener, "listener");
        keptListeners.add(listener);
        return () -> keptListeners.remove(listener);
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
            throw new SwitchboardException("Could not " + what + " the event log in " + db.location() + ": "
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
            stopDrainer();
            releaseWriteConnection();
        }
    }

    /** Stops the outbox sender; what it has not sent stays in the outbox for the next start. */
    private void stopDrainer() {
        Thread stopped;
        writeLock.lock();
        try {
            drainStopped = true;
            stopped = drainer;
            drainer = null;
        } finally {
            writeLock.unlock();
        }
        synchronized (drainSignal) {
            drainSignal.notifyAll();
        }
        if (stopped != null) {
            joinUninterruptibly(stopped);
        }
        writeLock.lock();
        try {
            if (!afterSent.isEmpty()) {
                LOG.warn("{} updates waiting for the server were not made; the entries they follow stay in the outbox "
                        + "and are sent at the next start", afterSent.size());
                afterSent.clear();
            }
        } finally {
            writeLock.unlock();
        }
    }

    // ---- writing

    private List<EventLogEntry> write(List<AppendRequest> batch) {
        if (outbox != null && keptLocally > 0) {
            // Behind what waits locally, so that no chain is reordered.
            return keepLocally(batch, null);
        }
        Staged staged = new Staged(batch.size());
        for (int attempt = 1; ; attempt++) {
            try {
                return writeOnce(batch, staged);
            } catch (org.jdbi.v3.core.JdbiException e) {
                if (outbox != null && ServerLink.isLost(e)) {
                    return keptAfterLoss(batch, staged, e);
                }
                throw e;
            } catch (SQLException e) {
                if (outbox != null && ServerLink.isLost(e)) {
                    return keptAfterLoss(batch, staged, e);
                }
                // After a failed or uncertain commit the in-memory tails may be wrong: reload them.
                for (AppendRequest r : batch) {
                    tails.remove(r.session());
                }
                if (attempt == 1 && isUniqueViolation(e)) {
                    LOG.warn("Another writer appended to the event log; reloading chain tails and retrying");
                    continue;
                }
                if (!db.isServer() && DiskFull.is(e, db.file())) {
                    throw new SwitchboardException("Could not append " + batch.size() + " entries to the event log: "
                            + DiskFull.describe(db.file()) + ".",
                            "Free some space; the entries of this write were not stored, everything before is kept.",
                            e);
                }
                if (!db.isServer() && DatabaseBusyException.isBusy(e)) {
                    throw DatabaseBusyException.of(db.file(), e);
                }
                throw new SwitchboardException("Could not append " + batch.size() + " entries to the event log in "
                        + db.location() + ": " + e.getMessage(),
                        "Check the free disk space. The entries of this write were not stored.", e);
            }
        }
    }

    private List<EventLogEntry> writeOnce(List<AppendRequest> batch, Staged attempt) throws SQLException {
        if (db.isServer()) {
            return writeOnServer(batch, attempt);
        }
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

    /**
     * One transaction on the server: locks the chains of the batch, reads their tails under the locks, inserts and
     * commits. Ids come from the server's identity column, so they are increasing but not contiguous across seats.
     */
    private List<EventLogEntry> writeOnServer(List<AppendRequest> batch, Staged attempt) throws SQLException {
        attempt.committing = false;
        Connection c = writeConnection();
        int n = batch.size();
        long[] seqs = attempt.seqs;
        long[] walls = attempt.walls;
        long[] ids = new long[n];
        byte[][] prevs = new byte[n][];
        byte[][] hashes = attempt.hashes;
        c.setAutoCommit(false);
        boolean committed = false;
        try {
            TreeMap<String, Tail> staged = new TreeMap<>();
            for (AppendRequest r : batch) {
                staged.put(r.session().value(), null);
            }
            for (String chain : staged.keySet()) {
                chainLock.setString(1, chain);
                try (ResultSet rs = chainLock.executeQuery()) {
                    rs.next();
                }
                staged.put(chain, loadTail(new SessionId(chain)));
            }
            ServerRows rows = new ServerRows(n);
            for (int i = 0; i < n; i++) {
                AppendRequest r = batch.get(i);
                Tail tail = staged.get(r.session().value());
                long seq = tail.seq + 1;
                long wall = wallClock.millis();
                byte[] hash = writeHash.hash(tail.hash, tail.sessionBytes, seq, r.simTimeMillis(), wall,
                        r.type().getBytes(StandardCharsets.UTF_8), r.payloadJson().getBytes(StandardCharsets.UTF_8));
                rows.add(r.session().value(), seq, r.simTimeMillis(), wall, r.type(), r.payloadJson(), tail.hash, hash);
                seqs[i] = seq;
                walls[i] = wall;
                prevs[i] = tail.hash;
                hashes[i] = hash;
                tail.seq = seq;
                tail.hash = hash;
            }
            long[] inserted = rows.insert(c);
            System.arraycopy(inserted, 0, ids, 0, n);
            // From here on the server may hold the batch even if the commit's answer never arrives.
            attempt.committing = true;
            c.commit();
            committed = true;
        } finally {
            if (!committed) {
                insert.clearBatch();
                try {
                    c.rollback();
                } catch (SQLException e) {
                    LOG.warn("Could not roll back an event-log write: {}", e.getMessage());
                }
            }
            resetAutoCommit(c, committed);
        }
        List<EventLogEntry> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            AppendRequest r = batch.get(i);
            out.add(new EventLogEntry(ids[i], r.session(), seqs[i], r.simTimeMillis(),
                    Instant.ofEpochMilli(walls[i]), r.type(), r.payloadJson(), prevs[i], hashes[i]));
        }
        return out;
    }


    /** Back to auto-commit; on a connection that just failed, a second failure must not hide the first. */
    private static void resetAutoCommit(Connection c, boolean committed) throws SQLException {
        try {
            c.setAutoCommit(true);
        } catch (SQLException e) {
            if (committed) {
                throw e;
            }
            LOG.debug("Could not reset a failed event-log connection: {}", e.getMessage());
        }
    }

    // ---- keeping entries locally while the server does not answer

    /** The server stopped answering during a direct write: drop the broken connection and keep the batch here. */
    private List<EventLogEntry> keptAfterLoss(List<AppendRequest> batch, Staged staged, Exception cause) {
        LOG.warn("The database server {} stopped answering; keeping {} event-log entries on this seat until it is "
                + "back", db.location(), batch.size(), cause);
        dropWriteConnection();
        return keepLocally(batch, staged.committing ? staged : null);
    }

    /**
     * Stores {@code batch} in the outbox, in order. {@code tried} is the write the server may have committed before
     * it stopped answering: its seqs and hashes become the rows' claims, so the batch is not sent twice.
     */
    private List<EventLogEntry> keepLocally(List<AppendRequest> batch, Staged tried) {
        int n = batch.size();
        List<Outbox.Kept> rows = new ArrayList<>(n);
        List<EventLogEntry> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            AppendRequest r = batch.get(i);
            long wall = tried != null ? tried.walls[i] : wallClock.millis();
            rows.add(new Outbox.Kept(0, r.session(), r.simTimeMillis(), wall, r.type(), r.payloadJson(),
                    tried != null ? tried.seqs[i] : 0, tried != null ? tried.hashes[i] : null));
            // Not on the server yet: no id, seq or hash to give.
            out.add(new EventLogEntry(0, r.session(), 0, r.simTimeMillis(), Instant.ofEpochMilli(wall), r.type(),
                    r.payloadJson(), new byte[0], new byte[0]));
        }
        try {
            outbox.keep(rows);
        } catch (SQLException e) {
            throw new SwitchboardException("The database server " + db.location() + " does not answer, and the "
                    + n + " entries could not be kept on this seat either (" + outbox.file() + "): " + e.getMessage(),
                    "Free some disk space on this seat; the entries of this write were not stored.", e);
        }
        boolean first = keptLocally == 0;
        keptLocally += n;
        if (first) {
            tellKept();
        }
        startDrainer();
        return out;
    }

    /** Under writeLock. */
    private void startDrainer() {
        if (drainer == null && !drainStopped) {
            drainer = Thread.ofPlatform().name("event-log-outbox").daemon(true).start(this::runDrainer);
        }
    }

    private void runDrainer() {
        long waitMillis = 0;
        while (!drainStopped) {
            if (waitMillis > 0) {
                synchronized (drainSignal) {
                    try {
                        drainSignal.wait(waitMillis);
                    } catch (InterruptedException e) {
                        LOG.debug("The outbox sender was interrupted; carrying on");
                    }
                }
                if (drainStopped) {
                    break;
                }
            }
            try {
                if (!drainOnce()) {
                    return;
                }
                waitMillis = 0;
            } catch (SQLException | RuntimeException e) {
                waitMillis = waitMillis == 0 ? DRAIN_FIRST_WAIT_MILLIS
                        : Math.min(waitMillis * 2, DRAIN_MAX_WAIT_MILLIS);
                if (ServerLink.isLost(e)) {
                    LOG.debug("The database server {} still does not answer; next try in {} ms: {}", db.location(),
                            waitMillis, e.getMessage());
                } else {
                    LOG.warn("Could not send the entries kept on this seat to {}; next try in {} ms", db.location(),
                            waitMillis, e);
                }
            }
        }
    }

    /**
     * Sends the oldest kept entries in one server transaction: locks their chains, removes from the outbox what an
     * earlier, unacknowledged send already committed (its claimed hash is on the server at its claimed seq), claims
     * seqs and hashes for the rest, inserts them with their original wall time, commits, then removes them here.
     *
     * @return false when the outbox is empty and the sender may stop
     */
    private boolean drainOnce() throws SQLException {
        boolean emptied;
        List<Runnable> actions = List.of();
        writeLock.lock();
        try {
            if (drainStopped) {
                return false;
            }
            List<Outbox.Kept> rows = outbox.oldest(MAX_BATCH);
            if (rows.isEmpty()) {
                keptLocally = 0;
                drainer = null;
                emptied = true;
            } else {
                sendKept(rows);
                outbox.remove(rows);
                keptLocally = Math.max(0, keptLocally - rows.size());
                if (keptLocally == 0) {
                    keptLocally = outbox.pending();
                }
                emptied = keptLocally == 0;
                if (emptied) {
                    drainer = null;
                    LOG.info("Every event-log entry kept on this seat is now on {}", db.location());
                }
            }
            if (emptied) {
                actions = List.copyOf(afterSent);
                afterSent.clear();
            }
        } catch (org.jdbi.v3.core.JdbiException | SQLException e) {
            dropWriteConnectionLocked();
            throw e;
        } finally {
            writeLock.unlock();
        }
        if (emptied) {
            for (Runnable action : actions) {
                try {
                    action.run();
                } catch (RuntimeException e) {
                    LOG.warn("Work waiting for the kept entries to be sent failed", e);
                }
            }
            tellKept();
            return false;
        }
        return true;
    }

    /** Under writeLock: one server transaction for {@code rows}; commits or throws. */
    private void sendKept(List<Outbox.Kept> batch) throws SQLException {
        List<Outbox.Kept> rows = batch;
        Connection c = writeConnection();
        // Idle pooled connections opened before the outage are dead: skip them instead of failing once per each.
        for (int tries = 0; tries < 8 && !c.isValid(2); tries++) {
            dropWriteConnectionLocked();
            c = writeConnection();
        }
        c.setAutoCommit(false);
        boolean committed = false;
        try {
            TreeMap<String, Tail> chains = new TreeMap<>();
            for (Outbox.Kept k : rows) {
                chains.put(k.session().value(), null);
            }
            for (String chain : chains.keySet()) {
                chainLock.setString(1, chain);
                try (ResultSet rs = chainLock.executeQuery()) {
                    rs.next();
                }
            }
            // Under the chain locks an earlier send's outcome is final: it committed or it never will. The rows are
            // read again here: another process on this data dir may have claimed or sent some of them meanwhile.
            rows = outbox.current(rows);
            List<Outbox.Kept> toSend = new ArrayList<>(rows.size());
            try (PreparedStatement hashAt = c.prepareStatement(
                    "SELECT hash FROM event_log WHERE session_id = ? AND seq = ?")) {
                for (Outbox.Kept k : rows) {
                    if (k.claimHash() != null && k.claimSeq() > 0) {
                        hashAt.setString(1, k.session().value());
                        hashAt.setLong(2, k.claimSeq());
                        try (ResultSet rs = hashAt.executeQuery()) {
                            if (rs.next() && Arrays.equals(rs.getBytes(1), k.claimHash())) {
                                continue;
                            }
                        }
                    }
                    toSend.add(k);
                }
            }
            if (toSend.size() < rows.size()) {
                LOG.info("{} kept entries were already on {} from a send whose answer was lost; not sent again",
                        rows.size() - toSend.size(), db.location());
            }
            for (String chain : chains.keySet()) {
                chains.put(chain, loadTail(new SessionId(chain)));
            }
            List<Outbox.Kept> claims = new ArrayList<>(toSend.size());
            List<byte[]> prevs = new ArrayList<>(toSend.size());
            for (Outbox.Kept k : toSend) {
                Tail tail = chains.get(k.session().value());
                long seq = tail.seq + 1;
                byte[] hash = writeHash.hash(tail.hash, tail.sessionBytes, seq, k.simTimeMillis(), k.wallTimeMillis(),
                        k.type().getBytes(StandardCharsets.UTF_8), k.payload().getBytes(StandardCharsets.UTF_8));
                claims.add(new Outbox.Kept(k.n(), k.session(), k.simTimeMillis(), k.wallTimeMillis(), k.type(),
                        k.payload(), seq, hash));
                prevs.add(tail.hash);
                tail.seq = seq;
                tail.hash = hash;
            }
            if (!claims.isEmpty()) {
                // Claimed here, durably, before the server can commit them.
                outbox.claim(claims);
                ServerRows inserts = new ServerRows(claims.size());
                for (int i = 0; i < claims.size(); i++) {
                    Outbox.Kept k = claims.get(i);
                    inserts.add(k.session().value(), k.claimSeq(), k.simTimeMillis(), k.wallTimeMillis(), k.type(),
                            k.payload(), prevs.get(i), k.claimHash());
                }
                inserts.insert(c);
            }
            beforeDrainCommit.run();
            c.commit();
            committed = true;
        } finally {
            if (!committed) {
                insert.clearBatch();
                try {
                    c.rollback();
                } catch (SQLException e) {
                    LOG.debug("Could not roll back an outbox send: {}", e.getMessage());
                }
            }
            resetAutoCommit(c, committed);
        }
        afterDrainCommit.run();
    }

    private void tellKept() {
        long now = keptLocally;
        for (java.util.function.LongConsumer l : keptListeners) {
            try {
                l.accept(now);
            } catch (RuntimeException e) {
                LOG.warn("A listener of the outbox failed", e);
            }
        }
    }

    /** Drops the write connection after the server stopped answering; the next write opens a new one. */
    private void dropWriteConnection() {
        writeLock.lock();
        try {
            dropWriteConnectionLocked();
        } finally {
            writeLock.unlock();
        }
    }

    private void dropWriteConnectionLocked() {
        if (writeHandle == null) {
            return;
        }
        try {
            // A broken connection is closed first, so the pool does not hand it out again.
            writeHandle.getConnection().close();
        } catch (SQLException | RuntimeException e) {
            LOG.debug("Could not close a broken event-log connection: {}", e.getMessage());
        }
        releaseWriteConnection();
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
                String insertSql = "INSERT INTO event_log (session_id, seq, sim_time_ms, wall_time_ms, "
                        + "type, payload, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
                tailQuery = c.prepareStatement(
                        "SELECT seq, hash FROM event_log WHERE session_id = ? ORDER BY seq DESC LIMIT 1");
                if (db.isServer()) {
                    if (outbox != null) {
                        // A server that stops answering must not hold the call for long: its entries go to the outbox.
                        c.setNetworkTimeout(Runnable::run, SERVER_ANSWER_MILLIS);
                    }
                    // PostgreSQL commits durably by default (synchronous_commit is the DBA's setting).
                    insert = c.prepareStatement(insertSql, new String[] {"id"});
                    chainLock = c.prepareStatement("SELECT pg_advisory_xact_lock(hashtextextended(?, 0))");
                } else {
                    try (Statement s = c.createStatement()) {
                        // The architecture's rule: the event log commits with a full sync.
                        s.execute("PRAGMA synchronous=FULL");
                    }
                    insert = c.prepareStatement(insertSql);
                    maxId = c.prepareStatement("SELECT coalesce(max(id), 0) FROM event_log");
                    lastId = c.prepareStatement("SELECT last_insert_rowid()");
                }
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
                if (db.isServer()) {
                    chainLock.close();
                    if (outbox != null && !writeHandle.getConnection().isClosed()) {
                        writeHandle.getConnection().setNetworkTimeout(Runnable::run, 0);
                    }
                } else {
                    maxId.close();
                    lastId.close();
                    // The connection goes back to the pool, where NORMAL is the rule.
                    s.execute("PRAGMA synchronous=NORMAL");
                }
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
            if (t instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
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
        return new SwitchboardException("The event log could not store " + lost + " queued entries in " + db.location()
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

    /** What a server write computed, kept for when its commit's answer never arrives. */
    private static final class Staged {
        final long[] seqs;
        final long[] walls;
        final byte[][] hashes;
        /** Set just before the commit: the server may hold the batch from here on. */
        boolean committing;

        Staged(int n) {
            seqs = new long[n];
            walls = new long[n];
            hashes = new byte[n][];
        }
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
