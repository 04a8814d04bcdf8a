package dev.switchboard.workflow.engine;

import dev.switchboard.store.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the engine's checkpoints to SQLite with group commit: one writer thread takes every checkpoint waiting in
 * its queue (from all runs), writes them in one transaction on a connection at {@code synchronous=FULL}, and only
 * then tells each run it may take its next step. A run's checkpoints are committed in the order it submitted them.
 * When a group fails (say a task's store effect throws) each of its checkpoints is tried alone, so only the bad one
 * fails.
 */
final class Checkpointer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Checkpointer.class);
    private static final int MAX_GROUP = 2048;

    /** One row or effect to write. */
    sealed interface Write permits DefinitionRow, RunRow, TaskRow, HistoryRow, DecisionRow, LinkRow, Effect {
    }

    record DefinitionRow(String hash, String workflowId, int version, String name, String source, String file,
                         long at) implements Write {
    }

    record RunRow(String id, String workflowId, String hash, int version, String name, String state, String phase,
                  String outcome, boolean paused, String inputs, String startedBy, String trainee, String parentRun,
                  String parentTask, long createdAt, Long endedAt, String error) implements Write {
    }

    record TaskRow(String runId, String key, String taskId, String state, int attempts, Long startedAt, Long endedAt,
                   Long wakeAt, String output, String error, String detail, Long finishedSeq) implements Write {
    }

    record HistoryRow(String runId, long at, String actor, String taskKey, String what) implements Write {
    }

    record DecisionRow(String runId, String taskKey, String decidedBy, String role, String decision, String inputs,
                       String comment, long at) implements Write {
    }

    record LinkRow(String runId, String sessionId, String taskKey, long at) implements Write {
    }

    record Effect(Consumer<Handle> effect) implements Write {
    }

    /** Writes and what to do once they are durable (or could not be written). */
    record Checkpoint(List<Write> writes, Runnable onDurable, Consumer<Throwable> onFailure) {
        Checkpoint {
            writes = List.copyOf(writes);
            Objects.requireNonNull(onDurable, "onDurable");
            Objects.requireNonNull(onFailure, "onFailure");
        }
    }

    private final Handle handle;
    private final Connection connection;
    private final LinkedBlockingQueue<Object> queue = new LinkedBlockingQueue<>();
    private final Thread writer;
    private final PreparedStatement definition;
    private final PreparedStatement run;
    private final PreparedStatement task;
    private final PreparedStatement history;
    private final PreparedStatement decision;
    private final PreparedStatement link;
    /** Whether the store is a PostgreSQL server, whose commits are durable without SQLite's synchronous pragma. */
    private final boolean server;
    private volatile boolean closed;
    private long groups;
    private long checkpoints;

    Checkpointer(Database db) {
        this.handle = db.jdbi().open();
        this.connection = handle.getConnection();
        this.server = db.isServer();
        try (Statement s = connection.createStatement()) {
            if (!server) {
                s.execute("PRAGMA synchronous=FULL");
            }
            definition = connection.prepareStatement("""
                    INSERT INTO workflow_definition (hash, workflow_id, version, name, source, file, stored_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (hash) DO NOTHING""");
            run = connection.prepareStatement("""
                    INSERT INTO workflow_run (id, workflow_id, definition_hash, version, name, state, phase, outcome,
                        paused, inputs, started_by, trainee, parent_run, parent_task, created_at, ended_at, error)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (id) DO UPDATE SET definition_hash = excluded.definition_hash,
                        version = excluded.version, state = excluded.state, phase = excluded.phase,
                        outcome = excluded.outcome, paused = excluded.paused, ended_at = excluded.ended_at,
                        error = excluded.error""");
            task = connection.prepareStatement("""
                    INSERT INTO workflow_task (run_id, task_key, task_id, state, attempts, started_at, ended_at,
                        wake_at, output, error, detail, finished_seq)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (run_id, task_key) DO UPDATE SET state = excluded.state,
                        attempts = excluded.attempts, started_at = excluded.started_at, ended_at = excluded.ended_at,
                        wake_at = excluded.wake_at, output = excluded.output, error = excluded.error,
                        detail = excluded.detail, finished_seq = excluded.finished_seq""");
            history = connection.prepareStatement(
                    "INSERT INTO workflow_history (run_id, at, actor, task_key, what) VALUES (?, ?, ?, ?, ?)");
            decision = connection.prepareStatement("""
                    INSERT INTO workflow_decision (run_id, task_key, decided_by, role, decision, inputs, comment,
                        decided_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""");
            link = connection.prepareStatement("""
                    INSERT INTO workflow_session_link (run_id, session_id, task_key, linked_at) VALUES (?, ?, ?, ?)
                    ON CONFLICT (run_id, session_id) DO NOTHING""");
        } catch (SQLException e) {
            handle.close();
            throw new IllegalStateException("Cannot prepare the workflow store: " + e.getMessage(), e);
        }
        this.writer = Thread.ofPlatform().name("workflow-checkpoints").daemon(true).start(this::loop);
    }

    /** Queues a checkpoint; never blocks. */
    void submit(Checkpoint checkpoint) {
        if (closed) {
            checkpoint.onFailure().accept(new IllegalStateException("The workflow engine is closed"));
            return;
        }
        queue.add(checkpoint);
    }

    /** Group commits so far and checkpoints in them, for the benchmark. */
    synchronized long[] counts() {
        return new long[] {groups, checkpoints};
    }

    private void loop() {
        List<Checkpoint> group = new ArrayList<>();
        while (true) {
            Object first;
            try {
                first = queue.poll(200, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                first = null;
            }
            if (first == STOP) {
                break;
            }
            if (first == null) {
                if (closed && queue.isEmpty()) {
                    break;
                }
                continue;
            }
            group.add((Checkpoint) first);
            boolean stop = false;
            while (group.size() < MAX_GROUP) {
                Object next = queue.poll();
                if (next == null) {
                    break;
                }
                if (next == STOP) {
                    stop = true;
                    break;
                }
                group.add((Checkpoint) next);
            }
            commit(group);
            group.clear();
            if (stop) {
                break;
            }
        }
    }

    private void commit(List<Checkpoint> group) {
        try {
            write(group);
            synchronized (this) {
                groups++;
                checkpoints += group.size();
            }
        } catch (SQLException | RuntimeException e) {
            rollbackQuietly();
            if (group.size() == 1) {
                LOG.error("A workflow checkpoint could not be written", e);
                fail(group.get(0), e);
                return;
            }
            LOG.warn("A group of {} workflow checkpoints failed ({}); writing them one at a time", group.size(),
                    e.getMessage());
            for (Checkpoint c : group) {
                commit(List.of(c));
            }
            return;
        }
        for (Checkpoint c : group) {
            try {
                c.onDurable().run();
            } catch (RuntimeException e) {
                LOG.error("A workflow step after a checkpoint failed", e);
            }
        }
    }

    private void fail(Checkpoint c, Throwable e) {
        try {
            c.onFailure().accept(e);
        } catch (RuntimeException inner) {
            LOG.error("Handling a failed checkpoint failed", inner);
        }
    }

    private void write(List<Checkpoint> group) throws SQLException {
        // sqlite-jdbc begins the next transaction as soon as one commits while auto-commit is off, and with
        // IMMEDIATE transactions that holds the write lock: switch it off only for the length of one group.
        connection.setAutoCommit(false);
        boolean[] used = new boolean[6];
        List<Effect> effects = new ArrayList<>();
        for (Checkpoint c : group) {
            for (Write w : c.writes()) {
                switch (w) {
                    case DefinitionRow d -> {
                        definition.setString(1, d.hash());
                        definition.setString(2, d.workflowId());
                        definition.setInt(3, d.version());
                        definition.setString(4, d.name());
                        definition.setString(5, d.source());
                        definition.setString(6, d.file());
                        definition.setLong(7, d.at());
                        definition.addBatch();
                        used[0] = true;
                    }
                    case RunRow r -> {
                        run.setString(1, r.id());
                        run.setString(2, r.workflowId());
                        run.setString(3, r.hash());
                        run.setInt(4, r.version());
                        run.setString(5, r.name());
                        run.setString(6, r.state());
                        run.setString(7, r.phase());
                        run.setString(8, r.outcome());
                        run.setInt(9, r.paused() ? 1 : 0);
                        run.setString(10, r.inputs());
                        run.setString(11, r.startedBy());
                        run.setString(12, r.trainee());
                        run.setString(13, r.parentRun());
                        run.setString(14, r.parentTask());
                        run.setLong(15, r.createdAt());
                        setLong(run, 16, r.endedAt());
                        run.setString(17, r.error());
                        run.addBatch();
                        used[1] = true;
                    }
                    case TaskRow t -> {
                        task.setString(1, t.runId());
                        task.setString(2, t.key());
                        task.setString(3, t.taskId());
                        task.setString(4, t.state());
                        task.setInt(5, t.attempts());
                        setLong(task, 6, t.startedAt());
                        setLong(task, 7, t.endedAt());
                        setLong(task, 8, t.wakeAt());
                        task.setString(9, t.output());
                        task.setString(10, t.error());
                        task.setString(11, t.detail());
                        setLong(task, 12, t.finishedSeq());
                        task.addBatch();
                        used[2] = true;
                    }
                    case HistoryRow h -> {
                        history.setString(1, h.runId());
                        history.setLong(2, h.at());
                        history.setString(3, h.actor());
                        history.setString(4, h.taskKey());
                        history.setString(5, h.what());
                        history.addBatch();
                        used[3] = true;
                    }
                    case DecisionRow d -> {
                        decision.setString(1, d.runId());
                        decision.setString(2, d.taskKey());
                        decision.setString(3, d.decidedBy());
                        decision.setString(4, d.role());
                        decision.setString(5, d.decision());
                        decision.setString(6, d.inputs());
                        decision.setString(7, d.comment());
                        decision.setLong(8, d.at());
                        decision.addBatch();
                        used[4] = true;
                    }
                    case LinkRow l -> {
                        link.setString(1, l.runId());
                        link.setString(2, l.sessionId());
                        link.setString(3, l.taskKey());
                        link.setLong(4, l.at());
                        link.addBatch();
                        used[5] = true;
                    }
                    case Effect e -> effects.add(e);
                }
            }
        }
        PreparedStatement[] statements = {definition, run, task, history, decision, link};
        for (int i = 0; i < statements.length; i++) {
            if (used[i]) {
                statements[i].executeBatch();
            }
        }
        for (Effect e : effects) {
            e.effect().accept(handle);
        }
        connection.commit();
        connection.setAutoCommit(true);
    }

    private static void setLong(PreparedStatement s, int index, Long value) throws SQLException {
        if (value == null) {
            s.setNull(index, Types.BIGINT);
        } else {
            s.setLong(index, value);
        }
    }

    private void rollbackQuietly() {
        try {
            for (PreparedStatement s : new PreparedStatement[] {definition, run, task, history, decision, link}) {
                s.clearBatch();
            }
            if (!connection.getAutoCommit()) {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            LOG.warn("Rolling back a workflow checkpoint failed: {}", e.getMessage());
        }
    }

    private static final Object STOP = new Object();

    /** Writes what is queued, then closes the connection. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        queue.add(STOP);
        try {
            writer.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!server) {
            try (Statement s = connection.createStatement()) {
                s.execute("PRAGMA synchronous=NORMAL");
            } catch (SQLException e) {
                LOG.debug("Could not reset the checkpoint connection: {}", e.getMessage());
            }
        }
        try {
            handle.close();
        } catch (RuntimeException e) {
            LOG.debug("Closing the checkpoint connection failed", e);
        }
    }
}
