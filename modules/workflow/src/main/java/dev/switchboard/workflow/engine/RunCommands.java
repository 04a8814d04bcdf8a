package dev.switchboard.workflow.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.core.error.InputException;
import dev.switchboard.core.error.SwitchboardException;
import dev.switchboard.store.Database;
import dev.switchboard.workflow.model.Problem;
import dev.switchboard.workflow.model.RunState;
import dev.switchboard.workflow.model.RunSummary;
import dev.switchboard.workflow.model.WorkflowDefinition;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Operations on runs (start, decide, pause, resume, cancel, skip, retry, rerun) as commands, so the CLI beside an
 * open window need not be refused: a process that does not run the workflows of the data dir queues its command in
 * {@code workflow_command}; the process that runs them (the window) takes it within a quarter of a second, carries it
 * out as the caller (who is recorded in the run's history and on the audit chain, as for an operation in the
 * window), and writes the result the caller waits for. The process that runs the workflows carries out its own
 * commands the same way, directly. A command nobody takes within its wait is withdrawn, and one older than
 * {@link #STALE} is never carried out, so a command cannot act long after its caller gave up.
 */
public final class RunCommands implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RunCommands.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** A queued command older than this is dropped, not carried out. */
    static final Duration STALE = Duration.ofSeconds(30);
    private static final String CLAIMED = "{\"claimed\":true}";

    /** The operations. */
    public static final String RUN = "run";
    public static final String DECIDE = "decide";
    public static final String PAUSE = "pause";
    public static final String RESUME = "resume";
    public static final String RESUME_ALL = "resume-all";
    public static final String CANCEL = "cancel";
    public static final String SKIP = "skip";
    public static final String RETRY = "retry";
    public static final String RERUN = "rerun";

    /**
     * One operation by one person.
     *
     * @param runId the run, or empty for {@link #RUN} and {@link #RESUME_ALL}
     * @param task  the task it concerns (a gate, the task to skip or retry from), or null
     * @param args  what else it needs: for {@code run} {@code yaml}, {@code file}, {@code inputs}, {@code trainee};
     *              for {@code decide} {@code decision}, {@code inputs}, {@code comment}
     */
    public record Command(String op, String runId, String task, WorkflowEngine.Actor actor, Map<String, Object> args) {
        public Command {
            Objects.requireNonNull(op, "op");
            runId = runId == null ? "" : runId;
            Objects.requireNonNull(actor, "actor");
            args = args == null ? Map.of() : Map.copyOf(args);
        }
    }

    /**
     * What came of a command.
     *
     * @param run     the run it concerned or started
     * @param error   what went wrong, null when it was carried out
     * @param hint    the way out of {@code error}
     */
    public record Result(String run, String message, String error, String hint) {
        public boolean ok() {
            return error == null;
        }

        /** The result, or the failure as the exception it was. */
        public Result orThrow() {
            if (error != null) {
                throw new SwitchboardException(error, hint == null ? "" : hint);
            }
            return this;
        }
    }

    private final Workflows workflows;
    private final Database db;
    private ScheduledExecutorService inbox;

    RunCommands(Workflows workflows, Database db) {
        this.workflows = workflows;
        this.db = db;
    }

    // ---- carrying out (the process that runs the workflows)

    /**
     * Carries out {@code c} here; then waits (briefly) until the store shows what it did. Never throws for a refusal:
     * the result says it.
     */
    public Result execute(Command c) {
        try {
            Result r = perform(c);
            if (workflows.runsEngine()) {
                workflows.engine().sync(Duration.ofSeconds(5));
            }
            return r;
        } catch (SwitchboardException e) {
            return new Result(c.runId(), null, e.getMessage(), e.hint());
        } catch (RuntimeException e) {
            LOG.error("A workflow command {} failed", c.op(), e);
            return new Result(c.runId(), null, e.getClass().getSimpleName() + ": " + e.getMessage(),
                    "See the log of the process that runs the workflows.");
        }
    }

    @SuppressWarnings("unchecked")
    private Result perform(Command c) {
        WorkflowEngine.Actor actor = c.actor();
        String runId = c.runId();
        Map<String, String> inputs = c.args().get("inputs") instanceof Map<?, ?> m
                ? texts((Map<String, Object>) m) : Map.of();
        switch (c.op()) {
            case RUN -> {
                WorkflowDefinition def = definition(c);
                Object trainee = c.args().get("trainee");
                String id = workflows.start(def, inputs, actor.username(), trainee == null ? null : trainee.toString());
                return new Result(id, "started " + def.id() + " version " + def.version(), null, null);
            }
            case DECIDE -> {
                Object comment = c.args().get("comment");
                workflows.decide(runId, c.task(), actor, inputs, String.valueOf(c.args().get("decision")),
                        comment == null ? null : comment.toString());
                return new Result(runId, "decided", null, null);
            }
            case CANCEL -> {
                workflows.cancel(runId, actor);
                return new Result(runId, "cancelled", null, null);
            }
            case PAUSE -> {
                WorkflowEngine e = workflows.engine();
                e.resume(runId);
                e.pause(runId, actor);
                return new Result(runId, "paused", null, null);
            }
            case RESUME -> {
                WorkflowEngine e = workflows.engine();
                e.resume(runId);
                if (workflows.store().find(runId).map(r -> r.state() == RunState.PAUSED).orElse(false)) {
                    e.resume(runId, actor);
                }
                return new Result(runId, "resumed", null, null);
            }
            case RESUME_ALL -> {
                int n = workflows.engine().resumeAll();
                return new Result("", n + " resumed", null, null);
            }
            case SKIP -> {
                WorkflowEngine e = workflows.engine();
                e.resume(runId);
                e.skip(runId, c.task(), actor);
                return new Result(runId, "skipped " + c.task(), null, null);
            }
            case RETRY -> {
                WorkflowEngine e = workflows.engine();
                if (workflows.store().find(runId).map(r -> !r.state().terminal()).orElse(false)) {
                    e.resume(runId);
                }
                e.retry(runId, c.task(), actor);
                return new Result(runId, "retried", null, null);
            }
            case RERUN -> {
                WorkflowEngine e = workflows.engine();
                RunSummary old = workflows.store().find(runId).orElseThrow(() -> InputException.field("RUN",
                        "no workflow run '" + runId + "'"));
                WorkflowDefinition newest = workflows.find(old.workflowId()).orElseGet(() -> e.detail(runId)
                        .orElseThrow().definition());
                String id = e.rerun(runId, newest, actor);
                return new Result(id, "started " + id + " (version " + newest.version() + ")", null, null);
            }
            default -> throw InputException.field("op", "'" + c.op() + "' is not a workflow operation");
        }
    }

    private WorkflowDefinition definition(Command c) {
        Object yaml = c.args().get("yaml");
        if (yaml == null) {
            String id = String.valueOf(c.args().get("workflow"));
            return workflows.find(id).orElseThrow(() -> InputException.field("FILE|ID", "'" + id + "' is neither a "
                    + "file nor a workflow of the library (see 'switchboard workflow list')"));
        }
        String file = String.valueOf(c.args().getOrDefault("file", "workflow"));
        WorkflowReader.Result r = workflows.read(file, yaml.toString());
        if (r.definition().isEmpty()) {
            Problem first = r.problems().get(0);
            throw new InputException(java.nio.file.Path.of(file), first.line(), first.field(), first.message());
        }
        return r.definition().get();
    }

    private static Map<String, String> texts(Map<String, Object> m) {
        Map<String, String> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(k, v == null ? "" : v.toString()));
        return out;
    }

    /** Starts taking queued commands every quarter second; only in the process that runs the workflows. */
    synchronized void serve() {
        if (inbox != null) {
            return;
        }
        inbox = Executors.newSingleThreadScheduledExecutor(r -> Thread.ofPlatform().name("workflow-commands")
                .daemon(true).unstarted(r));
        inbox.scheduleWithFixedDelay(this::takeQueued, 250, 250, TimeUnit.MILLISECONDS);
    }

    private void takeQueued() {
        try {
            long now = System.currentTimeMillis();
            List<long[]> pending = db.jdbi().withHandle(h -> h.createQuery(
                            "SELECT id, created_at FROM workflow_command WHERE result IS NULL ORDER BY id")
                    .map((rs, ctx) -> new long[] {rs.getLong(1), rs.getLong(2)}).list());
            for (long[] p : pending) {
                if (now - p[1] > STALE.toMillis()) {
                    finish(p[0], new Result("", null, "the command waited too long and was dropped", ""));
                    continue;
                }
                if (!claim(p[0])) {
                    continue;
                }
                Command c = read(p[0]);
                LOG.info("Carrying out {} on run {} for {} (queued by another process)", c.op(), c.runId(),
                        c.actor().username());
                finish(p[0], execute(c));
            }
        } catch (RuntimeException e) {
            LOG.warn("Taking queued workflow commands failed", e);
        }
    }

    private boolean claim(long id) {
        return db.jdbi().withHandle(h -> h.createUpdate(
                        "UPDATE workflow_command SET result = :c WHERE id = :id AND result IS NULL")
                .bind("c", CLAIMED).bind("id", id).execute()) == 1;
    }

    private Command read(long id) {
        return db.jdbi().withHandle(h -> h.createQuery(
                        "SELECT op, run_id, task_key, actor, args FROM workflow_command WHERE id = :id")
                .bind("id", id).map((rs, ctx) -> {
                    Map<String, Object> args = map(rs.getString(5));
                    String role = String.valueOf(args.remove("role"));
                    return new Command(rs.getString(1), rs.getString(2), rs.getString(3),
                            new WorkflowEngine.Actor(rs.getString(4), role), args);
                }).one());
    }

    private void finish(long id, Result r) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("run", r.run());
        out.put("message", r.message());
        out.put("error", r.error());
        out.put("hint", r.hint());
        db.jdbi().useHandle(h -> h.createUpdate(
                        "UPDATE workflow_command SET done_at = :at, result = :r WHERE id = :id")
                .bind("at", System.currentTimeMillis()).bind("r", json(out)).bind("id", id).execute());
    }

    // ---- queueing (a process that does not run the workflows)

    /**
     * Queues {@code c} for the process that runs the workflows and waits for its result.
     *
     * @param take how long that process may take to pick it up before the command is withdrawn
     * @throws SwitchboardException when nobody picked it up (it is withdrawn; nothing changed) or nothing came
     */
    public Result forward(Command c, Duration take) {
        Map<String, Object> args = new LinkedHashMap<>(c.args());
        args.put("role", c.actor().role());
        long id = db.jdbi().withHandle(h -> h.createUpdate("""
                        INSERT INTO workflow_command (run_id, task_key, op, actor, args, created_at)
                        VALUES (:run, :task, :op, :actor, :args, :at)""")
                .bind("run", c.runId()).bind("task", c.task()).bind("op", c.op()).bind("actor", c.actor().username())
                .bind("args", json(args)).bind("at", System.currentTimeMillis())
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
        Instant giveUp = Instant.now().plus(take);
        Instant hardStop = Instant.now().plus(take).plus(Duration.ofSeconds(60));
        while (true) {
            Optional<String[]> row = db.jdbi().withHandle(h -> h.createQuery(
                            "SELECT result, done_at FROM workflow_command WHERE id = :id").bind("id", id)
                    .map((rs, ctx) -> new String[] {rs.getString(1), rs.getString(2)}).findOne());
            String result = row.map(r -> r[0]).orElse(null);
            boolean done = row.map(r -> r[1] != null).orElse(false);
            if (done) {
                Map<String, Object> m = map(result);
                return new Result(str(m.get("run")), str(m.get("message")), str(m.get("error")), str(m.get("hint")));
            }
            if (result == null && Instant.now().isAfter(giveUp) && withdraw(id)) {
                throw new SwitchboardException("The process that runs the workflows of this data folder did not take "
                        + "the command within " + take.toSeconds() + " s; nothing was changed.",
                        "Check that the Switchboard window is open and responding, or close it and run the command "
                                + "again.");
            }
            if (Instant.now().isAfter(hardStop)) {
                throw new SwitchboardException("The window took the command but gave no result within a minute.",
                        "See the run in the window (workflow show RUN) and its log.");
            }
            sleep(100);
        }
    }

    private boolean withdraw(long id) {
        return db.jdbi().withHandle(h -> h.createUpdate("""
                        UPDATE workflow_command SET done_at = :at, result = :r WHERE id = :id AND result IS NULL""")
                .bind("at", System.currentTimeMillis()).bind("r", "{\"error\":\"withdrawn: nobody took it\"}")
                .bind("id", id).execute()) == 1;
    }

    private static String str(Object o) {
        return o == null ? null : o.toString();
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static Map<String, Object> map(String json) {
        if (json == null || json.isBlank()) {
            return new LinkedHashMap<>();
        }
        try {
            return JSON.readValue(json, new TypeReference<LinkedHashMap<String, Object>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A workflow command cannot be read: " + e.getOriginalMessage(), e);
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SwitchboardException("Interrupted while waiting for the window.", "");
        }
    }

    @Override
    public synchronized void close() {
        if (inbox != null) {
            inbox.shutdownNow();
            inbox = null;
        }
    }
}
