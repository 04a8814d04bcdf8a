package dev.switchboard.workflow.engine;

import dev.switchboard.store.Database;
import dev.switchboard.workflow.model.HistoryEntry;
import dev.switchboard.workflow.model.PendingApproval;
import java.util.ArrayList;
import java.util.Map;
import dev.switchboard.workflow.model.RunState;
import dev.switchboard.workflow.model.RunSummary;
import dev.switchboard.workflow.model.TaskRun;
import dev.switchboard.workflow.model.TaskState;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

/** Reads runs, tasks, history and decisions back from the store; the writing is the {@link Checkpointer}'s. */
public final class RunStore {

    private static final String RUN_COLUMNS = "id, workflow_id, version, name, state, started_by, trainee, created_at,"
            + " ended_at, error, parent_run";
    private static final String TASK_COLUMNS = "task_key, task_id, state, attempts, started_at, ended_at, wake_at,"
            + " output, error, detail";

    private final Jdbi jdbi;

    public RunStore(Database db) {
        this.jdbi = db.jdbi();
    }

    /** The engine column of a run the embedded engine runs. */
    public static final String EMBEDDED = "embedded";
    /** The engine column of a run on a Temporal service. */
    public static final String TEMPORAL = "temporal";

    /** A stored run row with what resuming needs beyond its summary. */
    record StoredRun(RunSummary summary, String hash, String phase, String outcome, boolean paused, String inputs,
                     String parentTask, String engine) {
    }

    /** The newest {@code limit} runs, newest first. */
    public List<RunSummary> recent(int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + RUN_COLUMNS
                        + " FROM workflow_run ORDER BY created_at DESC, id DESC LIMIT :limit")
                .bind("limit", limit).map(RunStore::summary).list());
    }

    public Optional<RunSummary> find(String runId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + RUN_COLUMNS + " FROM workflow_run WHERE id = :id")
                .bind("id", runId).map(RunStore::summary).findOne());
    }

    /** Runs that have not ended, oldest first. */
    List<StoredRun> unfinished() {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + RUN_COLUMNS + ", definition_hash, phase, outcome, paused,"
                        + " inputs, parent_task, engine FROM workflow_run"
                        + " WHERE ended_at IS NULL AND engine = 'embedded'"
                        + " ORDER BY created_at, id")
                .map(RunStore::storedRow)
                .list());
    }

    Optional<StoredRun> stored(String runId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + RUN_COLUMNS + ", definition_hash, phase, outcome, paused,"
                        + " inputs, parent_task, engine FROM workflow_run WHERE id = :id")
                .bind("id", runId)
                .map(RunStore::storedRow)
                .findOne());
    }

    private static StoredRun storedRow(ResultSet rs, StatementContext ctx) throws SQLException {
        return new StoredRun(summary(rs, ctx), rs.getString("definition_hash"), rs.getString("phase"),
                rs.getString("outcome"), rs.getInt("paused") == 1, rs.getString("inputs"), rs.getString("parent_task"),
                rs.getString("engine"));
    }

    /** Which engine runs {@code runId}: {@link #EMBEDDED} or {@link #TEMPORAL}; empty when there is no such run. */
    public Optional<String> engineOf(String runId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT engine FROM workflow_run WHERE id = :id").bind("id", runId)
                .mapTo(String.class).findOne());
    }

    /** The inputs a run started with, as stored (JSON). */
    public Optional<String> inputsJson(String runId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT inputs FROM workflow_run WHERE id = :id").bind("id", runId)
                .mapTo(String.class).findOne());
    }

    /** The definition text a run started with. */
    Optional<String[]> definition(String hash) {
        return jdbi.withHandle(h -> h.createQuery("SELECT source, file FROM workflow_definition WHERE hash = :h")
                .bind("h", hash).map((rs, ctx) -> new String[] {rs.getString(1), rs.getString(2)}).findOne());
    }

    public List<TaskRun> tasks(String runId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + TASK_COLUMNS + ", finished_seq FROM workflow_task"
                        + " WHERE run_id = :r ORDER BY rowid")
                .bind("r", runId).map(RunStore::task).list());
    }

    /** Task rows of many runs at once, for resuming. */
    List<Object[]> tasksWithSeq(String runId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + TASK_COLUMNS + ", finished_seq FROM workflow_task"
                        + " WHERE run_id = :r ORDER BY rowid")
                .bind("r", runId).map((rs, ctx) -> {
                    long seq = rs.getLong("finished_seq");
                    return new Object[] {task(rs, ctx), rs.wasNull() ? null : seq};
                }).list());
    }

    public List<HistoryEntry> history(String runId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT at, actor, task_key, what FROM workflow_history"
                        + " WHERE run_id = :r ORDER BY id")
                .bind("r", runId)
                .map((rs, ctx) -> new HistoryEntry(Instant.ofEpochMilli(rs.getLong(1)), rs.getString(2),
                        rs.getString(3), rs.getString(4)))
                .list());
    }

    /** Tasks waiting at a gate in any run, oldest first, as raw rows: run id, task key, detail JSON, run name. */
    List<String[]> waitingGates() {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT t.run_id, t.task_key, t.detail, r.name, t.started_at FROM workflow_task t
                        JOIN workflow_run r ON r.id = t.run_id
                        WHERE t.state = 'WaitingForApproval' ORDER BY t.started_at, t.run_id""")
                .map((rs, ctx) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        Long.toString(rs.getLong(5))})
                .list());
    }

    /** Gates that wait for someone with {@code role} (null: anyone), oldest first, of runs on either engine. */
    public List<PendingApproval> gates(String role) {
        List<PendingApproval> out = new ArrayList<>();
        for (String[] row : waitingGates()) {
            Map<String, Object> detail = WorkflowEngine.parseMap(row[2]);
            @SuppressWarnings("unchecked")
            Map<String, Object> gate = (Map<String, Object>) detail.get("gate");
            if (gate == null) {
                continue;
            }
            @SuppressWarnings("unchecked")
            List<String> roles = (List<String>) gate.getOrDefault("roles", List.of());
            if (role != null && !roles.contains(role)) {
                continue;
            }
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> form = (List<Map<String, Object>>) gate.getOrDefault("form", List.of());
            Object deadline = gate.get("deadline");
            Object since = gate.get("since");
            out.add(new PendingApproval(row[0], row[3], row[1], String.valueOf(gate.getOrDefault("title", row[1])),
                    String.valueOf(gate.getOrDefault("message", "")), form.stream().map(Gates::field).toList(), roles,
                    since instanceof Number n ? Instant.ofEpochMilli(n.longValue()) : Instant.ofEpochMilli(
                            Long.parseLong(row[4])),
                    deadline instanceof Number d ? Instant.ofEpochMilli(d.longValue()) : null,
                    String.valueOf(gate.getOrDefault("onDeadline", "escalate"))));
        }
        return out;
    }

    /** The sessions an exercise run drove. */
    public List<String> linkedSessions(String runId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT session_id FROM workflow_session_link WHERE run_id = :r"
                        + " ORDER BY linked_at")
                .bind("r", runId).mapTo(String.class).list());
    }

    /** How many runs the store holds in each state, for the benchmark and checks. */
    public java.util.Map<String, Integer> countByState() {
        java.util.Map<String, Integer> out = new java.util.TreeMap<>();
        jdbi.useHandle(h -> h.createQuery("SELECT state, count(*) FROM workflow_run GROUP BY state")
                .map((rs, ctx) -> new Object[] {rs.getString(1), rs.getInt(2)})
                .forEach(r -> out.put((String) r[0], (Integer) r[1])));
        return out;
    }

    private static RunSummary summary(ResultSet rs, StatementContext ctx) throws SQLException {
        long ended = rs.getLong("ended_at");
        Instant endedAt = rs.wasNull() ? null : Instant.ofEpochMilli(ended);
        return new RunSummary(rs.getString("id"), rs.getString("workflow_id"), rs.getInt("version"),
                rs.getString("name"), RunState.ofCode(rs.getString("state")).orElse(RunState.FAILED),
                rs.getString("started_by"), rs.getString("trainee"), Instant.ofEpochMilli(rs.getLong("created_at")),
                endedAt, rs.getString("error"), rs.getString("parent_run"));
    }

    private static TaskRun task(ResultSet rs, StatementContext ctx) throws SQLException {
        return new TaskRun(rs.getString("task_key"), rs.getString("task_id"),
                TaskState.ofCode(rs.getString("state")).orElse(TaskState.FAILED), rs.getInt("attempts"),
                instant(rs, "started_at"), instant(rs, "ended_at"), instant(rs, "wake_at"), rs.getString("output"),
                rs.getString("error"), rs.getString("detail"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(v);
    }
}
