package dev.switchboard.workflow.engine.temporal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.store.Database;
import dev.switchboard.workflow.engine.Expressions;
import dev.switchboard.workflow.engine.RunObserver;
import dev.switchboard.workflow.engine.RunStore;
import dev.switchboard.workflow.engine.TaskTypes;
import dev.switchboard.workflow.engine.WorkflowEngine;
import dev.switchboard.workflow.engine.WorkflowReader;
import dev.switchboard.workflow.model.RunState;
import dev.switchboard.workflow.model.RunSummary;
import dev.switchboard.workflow.model.WorkflowDefinition;
import java.util.Map;
import java.util.Objects;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes what a Temporal run reports into the workstation's store (rows of engine {@code temporal}), and tells the
 * run observer (Review) when a run starts, drives a session and ends. Every write is an upsert or happens once per
 * run, so a report the worker sends again after a restart changes nothing.
 */
public final class StoreRecorder implements RunRecorder {

    private static final Logger LOG = LoggerFactory.getLogger(StoreRecorder.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Database db;
    private final RunStore store;
    private final TaskTypes types;
    private final Expressions expressions;
    private final RunObserver observer;

    public StoreRecorder(Database db, TaskTypes types, Expressions expressions, RunObserver observer) {
        this.db = Objects.requireNonNull(db, "db");
        this.store = new RunStore(db);
        this.types = types;
        this.expressions = expressions;
        this.observer = observer == null ? RunObserver.NONE : observer;
    }

    /**
     * Writes a run's row and its definition; true when the row is new. The starter of a top-level run calls this
     * before Temporal has the run, so the run lists at once.
     */
    boolean insertRun(String runId, WorkflowDefinition def, Map<String, Object> inputs, Map<String, String> meta,
                      long at) {
        String hash = WorkflowEngine.hash(def.source());
        return db.jdbi().inTransaction(h -> {
            h.createUpdate("""
                    INSERT INTO workflow_definition (hash, workflow_id, version, name, source, file, stored_at)
                    VALUES (:hash, :id, :version, :name, :source, :file, :at) ON CONFLICT (hash) DO NOTHING""")
                    .bind("hash", hash).bind("id", def.id()).bind("version", def.version()).bind("name", def.name())
                    .bind("source", def.source()).bind("file", def.file()).bind("at", at).execute();
            int inserted = h.createUpdate("""
                    INSERT INTO workflow_run (id, workflow_id, definition_hash, version, name, state, phase, outcome,
                        paused, inputs, started_by, trainee, parent_run, parent_task, created_at, ended_at, error,
                        engine)
                    VALUES (:id, :workflow, :hash, :version, :name, 'Running', 'main', NULL, 0, :inputs, :by,
                        :trainee, :parentRun, :parentTask, :at, NULL, NULL, 'temporal')
                    ON CONFLICT (id) DO NOTHING""")
                    .bind("id", runId).bind("workflow", def.id()).bind("hash", hash).bind("version", def.version())
                    .bind("name", def.name()).bind("inputs", json(inputs))
                    .bind("by", meta.getOrDefault("startedBy", "temporal")).bind("trainee", meta.get("trainee"))
                    .bind("parentRun", meta.get("parentRun")).bind("parentTask", meta.get("parentTask"))
                    .bind("at", at).execute();
            if (inserted == 1) {
                history(h, runId, at, meta.getOrDefault("startedBy", "temporal"), "", "started by "
                        + meta.getOrDefault("startedBy", "temporal") + " (" + def.id() + " version " + def.version()
                        + ") on the Temporal service");
            }
            return inserted == 1;
        });
    }

    @Override
    public void started(String runId, String yaml, Map<String, Object> inputs, Map<String, String> meta, long at) {
        WorkflowDefinition def = new WorkflowReader(meta.getOrDefault("file", "temporal")).read(yaml, types,
                expressions).definition().orElse(null);
        if (def == null) {
            return;
        }
        if (insertRun(runId, def, inputs, meta, at)) {
            store.find(runId).ifPresent(s -> tell(() -> observer.started(store, s, def)));
        }
    }

    @Override
    public void task(String runId, Map<String, Object> row) {
        Object detail = row.get("detail");
        Object output = row.get("output");
        db.jdbi().useHandle(h -> h.createUpdate("""
                INSERT INTO workflow_task (run_id, task_key, task_id, state, attempts, started_at, ended_at, wake_at,
                    output, error, detail, finished_seq)
                VALUES (:run, :key, :task, :state, :attempts, :started, :ended, NULL, :output, :error, :detail, NULL)
                ON CONFLICT (run_id, task_key) DO UPDATE SET state = excluded.state, attempts = excluded.attempts,
                    started_at = coalesce(excluded.started_at, workflow_task.started_at), ended_at = excluded.ended_at,
                    output = excluded.output, error = excluded.error, detail = excluded.detail""")
                .bind("run", runId).bind("key", String.valueOf(row.get("key")))
                .bind("task", String.valueOf(row.getOrDefault("taskId", row.get("key"))))
                .bind("state", String.valueOf(row.get("state")))
                .bind("attempts", ((Number) row.getOrDefault("attempts", 1)).intValue())
                .bind("started", number(row.get("startedAt"))).bind("ended", number(row.get("endedAt")))
                .bind("output", output == null ? null : json(output))
                .bind("error", row.get("error") == null ? null : row.get("error").toString())
                .bind("detail", detail == null ? null : json(detail)).execute());
    }

    @Override
    public void history(String runId, long at, String actor, String taskKey, String what) {
        db.jdbi().useHandle(h -> history(h, runId, at, actor, taskKey, what));
    }

    @Override
    public void state(String runId, String state, String error, Long endedAt) {
        RunSummary before = store.find(runId).orElse(null);
        if (before == null || before.endedAt() != null) {
            return;
        }
        db.jdbi().useHandle(h -> h.createUpdate("""
                UPDATE workflow_run SET state = :state, error = :error, ended_at = :ended, phase = :phase,
                    outcome = :outcome WHERE id = :id AND ended_at IS NULL""")
                .bind("state", state).bind("error", error).bind("ended", endedAt)
                .bind("phase", endedAt == null ? "main" : "done").bind("outcome", endedAt == null ? null : state)
                .bind("id", runId).execute());
        if (endedAt != null) {
            String label = RunState.ofCode(state).map(RunState::label).orElse(state);
            history(runId, endedAt, "engine", "", "ended: " + label);
            store.find(runId).ifPresent(s -> tell(() -> observer.ended(store, s)));
        }
    }

    /** The run drove the session {@code sessionId}: the link row, and the observer told. */
    void link(String runId, String sessionId, String taskKey, long at) {
        db.jdbi().useHandle(h -> h.createUpdate("""
                INSERT INTO workflow_session_link (run_id, session_id, task_key, linked_at)
                VALUES (:run, :session, :task, :at) ON CONFLICT (run_id, session_id) DO NOTHING""")
                .bind("run", runId).bind("session", sessionId).bind("task", taskKey).bind("at", at).execute());
        store.find(runId).ifPresent(s -> tell(() -> observer.linked(store, s, sessionId)));
    }

    /** A decision at a gate, as the embedded engine keeps it. */
    void decision(String runId, String taskKey, String by, String role, String decision, Map<String, Object> inputs,
                  String comment, long at) {
        db.jdbi().useHandle(h -> h.createUpdate("""
                INSERT INTO workflow_decision (run_id, task_key, decided_by, role, decision, inputs, comment,
                    decided_at) VALUES (:run, :task, :by, :role, :decision, :inputs, :comment, :at)""")
                .bind("run", runId).bind("task", taskKey).bind("by", by).bind("role", role)
                .bind("decision", decision).bind("inputs", json(inputs)).bind("comment", comment == null ? ""
                        : comment).bind("at", at).execute());
    }

    RunStore store() {
        return store;
    }

    private static void history(Handle h, String runId, long at, String actor, String taskKey, String what) {
        h.createUpdate("INSERT INTO workflow_history (run_id, at, actor, task_key, what) VALUES (:r, :at, :a, :t, :w)")
                .bind("r", runId).bind("at", at).bind("a", actor).bind("t", taskKey == null ? "" : taskKey)
                .bind("w", what).execute();
    }

    private static Long number(Object v) {
        return v instanceof Number n ? n.longValue() : null;
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Not JSON-like: " + e.getOriginalMessage(), e);
        }
    }

    /** A JSON object as a map; empty for null or blank. */
    static Map<String, Object> map(String json) {
        if (json == null || json.isBlank()) {
            return new java.util.LinkedHashMap<>();
        }
        try {
            return JSON.readValue(json, new com.fasterxml.jackson.core.type.TypeReference<
                    java.util.LinkedHashMap<String, Object>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored JSON cannot be read: " + e.getOriginalMessage(), e);
        }
    }

    private static void tell(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            LOG.warn("A workflow observer failed on a Temporal run", e);
        }
    }
}
