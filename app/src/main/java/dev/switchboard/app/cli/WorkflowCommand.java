package dev.switchboard.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.app.Workstation;
import dev.switchboard.core.account.Account;
import dev.switchboard.core.error.InputException;
import dev.switchboard.core.error.SwitchboardException;
import dev.switchboard.workflow.engine.EngineLease;
import dev.switchboard.workflow.engine.Expressions;
import dev.switchboard.workflow.engine.ProgressHub;
import dev.switchboard.workflow.engine.RunCommands;
import dev.switchboard.workflow.engine.RunStore;
import dev.switchboard.workflow.engine.TaskTypes;
import dev.switchboard.workflow.engine.WorkflowEngine;
import dev.switchboard.workflow.engine.WorkflowReader;
import dev.switchboard.workflow.engine.Workflows;
import dev.switchboard.workflow.model.HistoryEntry;
import dev.switchboard.workflow.model.Problem;
import dev.switchboard.workflow.model.Progress;
import dev.switchboard.workflow.model.RunDetail;
import dev.switchboard.workflow.model.RunState;
import dev.switchboard.workflow.model.RunSummary;
import dev.switchboard.workflow.model.TaskRun;
import dev.switchboard.workflow.model.TaskState;
import dev.switchboard.workflow.model.WorkflowDefinition;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ScopeType;

/**
 * {@code switchboard workflow ...}: check, run and operate workflows without the window. One process per data dir
 * runs the workflows; while a window has them, commands that change runs are handed to it (queued in the store,
 * carried out there as the caller, the result waited for) rather than refused.
 */
@Command(name = "workflow", mixinStandardHelpOptions = true, description = "Workflows: validate, run, list, show, "
        + "approve, resume, retry, pause, cancel and skip.")
public final class WorkflowCommand extends DataDirCommand {

    /** How long an open window may take to pick up a command before it is withdrawn. */
    private static final Duration FORWARD_WAIT = Duration.ofSeconds(10);

    @Option(names = "--temporal", scope = ScopeType.INHERIT, paramLabel = "HOST:PORT|off",
            description = "Run new workflows on the Temporal service at HOST:PORT, or 'off' for this workstation's "
                    + "own engine (default: SWITCHBOARD_TEMPORAL, else Settings).")
    String temporal;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT)
            .withZone(ZoneId.systemDefault());

    /** Checks files without running anything; exit 1 when any has a problem. */
    @Command(name = "validate", description = "Check workflow files: every problem as file:line: field: message.")
    int validate(@Parameters(paramLabel = "FILE", arity = "1..*") List<Path> files) {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        TaskTypes types = TaskTypes.standard(List.of());
        Expressions expressions = new Expressions();
        int bad = 0;
        for (Path file : files) {
            List<Problem> problems = new ArrayList<>();
            WorkflowReader.Result r = read(file, types, expressions, problems);
            problems.forEach(p -> err.println(p));
            if (r == null || r.definition().isEmpty()) {
                bad++;
            } else {
                WorkflowDefinition d = r.definition().get();
                out.printf(Locale.ROOT, "%s: ok, %s version %d, %d tasks%n", file, d.id(), d.version(),
                        d.allTasks().count());
            }
        }
        return bad == 0 ? 0 : 1;
    }

    /** Starts a run and returns when it ends or waits for a person or an event. */
    @Command(name = "run", description = "Run a workflow FILE (or the id of one in the library); returns when the "
            + "run ends or waits (approval, event), printing its state.")
    int run(@Parameters(paramLabel = "FILE|ID") String what,
            @Option(names = "--input", paramLabel = "K=V", description = "An input, e.g. --input ward=shibuya")
            List<String> inputs,
            @Option(names = "--trainee", paramLabel = "USER", description = "The trainee whose shift an exercise "
                    + "runs on (default: the input 'trainee')") String trainee,
            @Option(names = "--json", description = "Print the run as JSON (as 'workflow show --json').") boolean json,
            @Option(names = "--follow", description = "Stream the run's progress while it goes.") boolean follow)
            throws InterruptedException {
        try (Workstation ws = open()) {
            Workflows wf = ws.workflows();
            Map<String, Object> args = new LinkedHashMap<>();
            Path file = Path.of(what);
            if (Files.isRegularFile(file)) {
                WorkflowDefinition def = definition(wf, what);
                args.put("yaml", def.source());
                args.put("file", file.toString());
            } else {
                definition(wf, what);
                args.put("workflow", what);
            }
            Map<String, String> given = pairs(inputs);
            args.put("inputs", given);
            String who = trainee != null ? trainee : given.get("trainee");
            if (who != null) {
                args.put("trainee", who);
            }
            ProgressHub.Watcher watcher = follow && wf.runsEngine() && !wf.temporalTarget().set()
                    ? wf.engine().progress().watch(p -> true) : null;
            String id = perform(ws, new RunCommands.Command(RunCommands.RUN, "", null, actor(), args)).run();
            return finish(ws, id, watcher, follow, json);
        }
    }

    @Command(name = "list", description = "The workflows of the library and the newest runs.")
    int list(@Option(names = "--json", description = "Print JSON: {workflows: [...], runs: [...]}.") boolean json,
             @Option(names = "--limit", defaultValue = "50") int limit) {
        PrintWriter out = spec.commandLine().getOut();
        try (Workstation ws = open()) {
            Workflows wf = ws.workflows();
            List<RunSummary> runs = wf.store().recent(Math.max(1, limit));
            if (json) {
                ObjectNode root = JSON.createObjectNode();
                ArrayNode defs = root.putArray("workflows");
                for (WorkflowDefinition d : wf.library().workflows()) {
                    defs.addObject().put("id", d.id()).put("name", d.name()).put("version", d.version())
                            .put("kind", d.kind()).put("file", d.file());
                }
                ArrayNode array = root.putArray("runs");
                runs.forEach(r -> array.add(json(r)));
                ArrayNode problems = root.putArray("problems");
                wf.library().problems().forEach(p -> problems.add(p.toString()));
                out.println(root.toPrettyString());
                return 0;
            }
            out.println("Workflows:");
            for (WorkflowDefinition d : wf.library().workflows()) {
                out.printf(Locale.ROOT, "  %-28s v%-3d %-10s %s%n", d.id(), d.version(), d.kind(), d.name());
            }
            wf.library().problems().forEach(p -> out.println("  problem: " + p));
            out.println("Runs:");
            out.printf(Locale.ROOT, "  %-26s %-26s %-20s %-19s %s%n", "RUN", "WORKFLOW", "STATE", "STARTED", "BY");
            for (RunSummary r : runs) {
                out.printf(Locale.ROOT, "  %-26s %-26s %-20s %-19s %s%n", r.id(), r.workflowId() + " v" + r.version(),
                        r.state().label(), WHEN.format(r.createdAt()), r.startedBy());
            }
            return 0;
        }
    }

    @Command(name = "show", description = "One run: its state and every task (JSON: {run, state, tasks: [{id, "
            + "state, attempts, startedAt, endedAt, output}]}).")
    int show(@Parameters(paramLabel = "RUN") String runId,
             @Option(names = "--json", description = "Print JSON.") boolean json) {
        try (Workstation ws = open()) {
            RunDetail d = detail(ws.workflows(), runId);
            print(d, json);
            return 0;
        }
    }

    @Command(name = "approve", description = "Decide a gate as a signed-in user (supervisor or instructor, as the "
            + "gate names); a role that may not decide is refused and audited.")
    int approve(@Parameters(paramLabel = "RUN") String runId, @Parameters(paramLabel = "TASK") String task,
                @Mixin ReviewCommand.SignInMixin signIn,
                @Option(names = "--input", paramLabel = "K=V", description = "A field of the gate's form")
                List<String> inputs,
                @Option(names = "--reject", description = "Reject instead of approving.") boolean reject,
                @Option(names = "--comment", paramLabel = "TEXT") String comment) throws InterruptedException {
        try (Workstation ws = open()) {
            Account account = signIn(ws, signIn);
            Map<String, Object> args = new LinkedHashMap<>();
            args.put("decision", reject ? "reject" : "approve");
            args.put("inputs", pairs(inputs));
            args.put("comment", comment == null ? "" : comment);
            perform(ws, new RunCommands.Command(RunCommands.DECIDE, runId, task, new WorkflowEngine.Actor(
                    account.username(), account.role().name()), args));
            awaitGateLeft(ws.workflows().store(), runId, task);
            return finish(ws, runId, null, false, false);
        }
    }

    @Command(name = "resume", description = "Carry on an unfinished run (or --all): a paused one is unpaused; "
            + "returns when each ends or waits.")
    int resume(@Parameters(paramLabel = "RUN", arity = "0..1") String runId,
               @Option(names = "--all", description = "Every unfinished run.") boolean all)
            throws InterruptedException {
        if ((runId == null) == !all) {
            throw InputException.field("RUN", "give a run id or --all");
        }
        try (Workstation ws = open()) {
            Workflows wf = ws.workflows();
            List<String> ids = new ArrayList<>();
            if (all) {
                perform(ws, new RunCommands.Command(RunCommands.RESUME_ALL, "", null, actor(), Map.of()));
                wf.store().recent(10_000).stream().filter(r -> r.endedAt() == null && !wf.onTemporal(r.id()))
                        .forEach(r -> ids.add(r.id()));
            } else {
                perform(ws, new RunCommands.Command(RunCommands.RESUME, runId, null, actor(), Map.of()));
                ids.add(runId);
            }
            int code = 0;
            for (String id : ids) {
                code = Math.max(code, finish(ws, id, null, false, false));
            }
            if (ids.isEmpty()) {
                spec.commandLine().getOut().println("No unfinished runs.");
            }
            return code;
        }
    }

    @Command(name = "retry", description = "Retry a run: an interrupted task by --from TASK while it has not ended; "
            + "an ended run from its failed tasks, from TASK, or --from-start with the library's newest definition.")
    int retry(@Parameters(paramLabel = "RUN") String runId,
              @Option(names = "--from", paramLabel = "TASK") String from,
              @Option(names = "--from-start", description = "A new run of the newest definition with the same inputs.")
              boolean fromStart) throws InterruptedException {
        try (Workstation ws = open()) {
            if (fromStart) {
                String id = perform(ws, new RunCommands.Command(RunCommands.RERUN, runId, null, actor(), Map.of()))
                        .run();
                spec.commandLine().getOut().println("Started " + id);
                return finish(ws, id, null, false, false);
            }
            perform(ws, new RunCommands.Command(RunCommands.RETRY, runId, from, actor(), Map.of()));
            return finish(ws, runId, null, false, false);
        }
    }

    @Command(name = "pause", description = "Pause a run: nothing more starts until it is resumed.")
    int pause(@Parameters(paramLabel = "RUN") String runId) {
        return operate(RunCommands.PAUSE, runId, null, "Paused");
    }

    @Command(name = "cancel", description = "Cancel a run: running and waiting tasks stop; its final tasks run.")
    int cancel(@Parameters(paramLabel = "RUN") String runId) {
        return operate(RunCommands.CANCEL, runId, null, "Cancelled");
    }

    @Command(name = "skip", description = "Skip a task of a run (interrupted, failed, waiting or not started).")
    int skip(@Parameters(paramLabel = "RUN") String runId, @Parameters(paramLabel = "TASK") String task) {
        return operate(RunCommands.SKIP, runId, task, "Skipped " + task + " of");
    }

    private int operate(String op, String runId, String task, String done) {
        try (Workstation ws = open()) {
            perform(ws, new RunCommands.Command(op, runId, task, actor(), Map.of()));
            RunState state = settle(ws, runId, null, false);
            spec.commandLine().getOut().println(done + " " + runId + "; it is now " + state.label().toLowerCase(
                    Locale.ROOT));
            return 0;
        }
    }

    // ---- helpers

    private Workstation open() {
        Workstation ws = openWorkstation();
        if (temporal != null) {
            ws.useTemporal(temporal);
        }
        return ws;
    }

    /**
     * Carries out {@code c} here when this process runs the workflows of the data dir; otherwise hands it to the
     * process that does (an open window) and waits for its result.
     *
     * @throws SwitchboardException as that process refused it, or when nobody took it (then nothing changed)
     */
    private RunCommands.Result perform(Workstation ws, RunCommands.Command c) {
        Workflows wf = ws.workflows();
        if (wf.runsEngine()) {
            return wf.commands().execute(c).orThrow();
        }
        if (temporal != null && RunCommands.RUN.equals(c.op())) {
            spec.commandLine().getErr().println("switchboard: --temporal is not applied: the window that runs the "
                    + "workflows of this data folder starts the run where its own setting says (Settings, Workflows).");
        }
        RunCommands.Result r = wf.commands().forward(c, FORWARD_WAIT).orThrow();
        String holder = EngineLease.holder(ws.database()).map(EngineLease.Holder::describe).orElse("another process");
        spec.commandLine().getErr().println("switchboard: carried out by the window that runs the workflows of this "
                + (ws.database().isServer() ? "database" : "data folder") + " (" + holder + ")");
        return r;
    }

    private int finish(Workstation ws, String id, ProgressHub.Watcher watcher, boolean follow, boolean json)
            throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        RunState state = settle(ws, id, watcher, follow);
        if (json) {
            print(detail(ws.workflows(), id), true);
        } else {
            out.println("Run " + id + ": " + state.label() + waitingFor(ws.workflows(), id, state));
        }
        out.flush();
        return state == RunState.SUCCEEDED || state.waiting() ? 0 : 1;
    }

    /**
     * Waits until the run ends or waits for a person or an event: through the engine when the run is this process's
     * (with the engine's live progress for {@code --follow}), else by reading the store, where the window or the
     * Temporal worker keeps it (with the run's history for {@code --follow}).
     */
    private RunState settle(Workstation ws, String id, ProgressHub.Watcher watcher, boolean follow) {
        PrintWriter out = spec.commandLine().getOut();
        Workflows wf = ws.workflows();
        try {
            if (wf.runsEngine()) {
                CompletableFuture<RunState> settled = wf.settled(id);
                if (watcher != null) {
                    while (!settled.isDone()) {
                        Progress p = watcher.next(100);
                        if (p != null) {
                            printProgress(out, p);
                        }
                    }
                    watcher.drain().forEach(p -> printProgress(out, p));
                    watcher.close();
                } else if (follow) {
                    followHistory(wf.store(), id, settled::isDone);
                }
                return settled.get();
            }
            CompletableFuture<RunState> settled = new CompletableFuture<>();
            Thread poll = Thread.ofVirtual().start(() -> {
                while (!settled.isDone()) {
                    wf.store().find(id).map(RunSummary::state).filter(s -> s.terminal() || s.waiting())
                            .ifPresent(settled::complete);
                    sleepQuietly(100);
                }
            });
            if (follow) {
                followHistory(wf.store(), id, settled::isDone);
            }
            RunState s = settled.get();
            poll.join();
            return s;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SwitchboardException("Interrupted while waiting for run " + id + ".", "");
        } catch (ExecutionException e) {
            throw new SwitchboardException("Run " + id + " could not be followed: " + e.getCause().getMessage(), "");
        }
    }

    /** Prints the run's history as it grows until {@code done}. */
    private void followHistory(RunStore store, String id, java.util.function.BooleanSupplier done) {
        PrintWriter out = spec.commandLine().getOut();
        int seen = 0;
        boolean last = false;
        while (!last) {
            last = done.getAsBoolean();
            List<HistoryEntry> history = store.history(id);
            for (HistoryEntry h : history.subList(Math.min(seen, history.size()), history.size())) {
                out.printf(Locale.ROOT, "%s %s %s%n", WHEN.format(h.at()).substring(11), h.taskKey().isEmpty() ? "-"
                        : h.taskKey(), h.what());
            }
            seen = history.size();
            out.flush();
            sleepQuietly(200);
        }
    }

    /** After a decision: waits (a while) until the gate has moved on in the store, where another process runs it. */
    private static void awaitGateLeft(RunStore store, String runId, String task) {
        for (int i = 0; i < 300; i++) {
            boolean waiting = store.tasks(runId).stream().anyMatch(t -> t.key().equals(task)
                    && t.state() == TaskState.WAITING_FOR_APPROVAL);
            if (!waiting) {
                return;
            }
            sleepQuietly(100);
        }
    }

    private static void sleepQuietly(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String waitingFor(Workflows wf, String id, RunState state) {
        if (state == RunState.WAITING_FOR_APPROVAL) {
            return wf.store().gates(null).stream().filter(p -> p.runId().equals(id)).findFirst()
                    .map(p -> " (gate '" + p.taskKey() + "': " + p.title() + "; roles " + String.join(", ", p.roles())
                            + ")").orElse("");
        }
        if (state == RunState.WAITING_FOR_DECISION) {
            return " (an interrupted task waits: workflow retry " + id + " --from TASK, or workflow skip)";
        }
        return "";
    }

    private static void printProgress(PrintWriter out, Progress p) {
        String what = switch (p.kind()) {
            case TASK_STARTED -> "started" + (p.text().isEmpty() ? "" : " (" + p.text() + ")");
            case TASK_FINISHED -> p.text();
            case LOG -> "| " + p.text();
            case PROGRESS -> String.format(Locale.ROOT, "%.0f %%", p.fraction() * 100);
            case RUN_STATE -> "run: " + p.text();
        };
        out.printf(Locale.ROOT, "%s %s %s%n", WHEN.format(p.at()).substring(11), p.taskKey().isEmpty() ? "-"
                : p.taskKey(), what);
        out.flush();
    }

    private void print(RunDetail d, boolean json) {
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            ObjectNode root = JSON.createObjectNode();
            root.put("run", d.run().id());
            root.put("workflow", d.run().workflowId());
            root.put("version", d.run().version());
            root.put("state", d.run().state().code());
            if (d.run().error() != null) {
                root.put("error", d.run().error());
            }
            ArrayNode tasks = root.putArray("tasks");
            for (TaskRun t : d.tasks()) {
                ObjectNode n = tasks.addObject();
                n.put("id", t.key());
                n.put("state", t.state().code());
                n.put("attempts", t.attempts());
                putInstant(n, "startedAt", t.startedAt());
                putInstant(n, "endedAt", t.endedAt());
                try {
                    n.set("output", t.outputJson() == null ? null : JSON.readTree(t.outputJson()));
                } catch (IOException e) {
                    n.put("output", t.outputJson());
                }
                if (t.error() != null) {
                    n.put("error", t.error());
                }
            }
            out.println(root.toPrettyString());
            return;
        }
        out.printf(Locale.ROOT, "Run %s: %s v%d, %s%s%n", d.run().id(), d.run().workflowId(), d.run().version(),
                d.run().state().label(), d.run().error() == null ? "" : " (" + d.run().error() + ")");
        out.printf(Locale.ROOT, "  %-24s %-22s %8s  %-8s %-8s %s%n", "TASK", "STATE", "ATTEMPTS", "STARTED", "ENDED",
                "OUTPUT");
        for (TaskRun t : d.tasks()) {
            String output = t.outputJson() == null ? (t.error() == null ? "" : t.error()) : t.outputJson();
            out.printf(Locale.ROOT, "  %-24s %-22s %8d  %-8s %-8s %s%n", t.key(), t.state().label(), t.attempts(),
                    t.startedAt() == null ? "" : WHEN.format(t.startedAt()).substring(11),
                    t.endedAt() == null ? "" : WHEN.format(t.endedAt()).substring(11),
                    output.length() > 80 ? output.substring(0, 80) + "…" : output);
        }
        out.println("History:");
        d.history().forEach(h -> out.printf(Locale.ROOT, "  %s %-10s %s%s%n", WHEN.format(h.at()).substring(11),
                h.actor(), h.taskKey().isEmpty() ? "" : h.taskKey() + ": ", h.what()));
    }

    private static void putInstant(ObjectNode n, String field, java.time.Instant at) {
        if (at == null) {
            n.putNull(field);
        } else {
            n.put(field, at.toString());
        }
    }

    private static ObjectNode json(RunSummary r) {
        ObjectNode n = JSON.createObjectNode();
        n.put("run", r.id());
        n.put("workflow", r.workflowId());
        n.put("version", r.version());
        n.put("state", r.state().code());
        n.put("startedBy", r.startedBy());
        n.put("createdAt", r.createdAt().toString());
        putInstant(n, "endedAt", r.endedAt());
        return n;
    }

    private static RunDetail detail(Workflows wf, String runId) {
        return wf.runsEngine() ? wf.engine().detail(runId).orElseThrow(() -> noRun(runId))
                : readOnlyDetail(wf, runId);
    }

    private static RunDetail readOnlyDetail(Workflows wf, String runId) {
        RunSummary s = wf.store().find(runId).orElseThrow(() -> noRun(runId));
        return new RunDetail(s, null, Map.of(), wf.store().tasks(runId), wf.store().history(runId));
    }

    private static InputException noRun(String runId) {
        return InputException.field("RUN", "no workflow run '" + runId + "' (see 'switchboard workflow list')");
    }

    private WorkflowDefinition definition(Workflows wf, String what) {
        Path file = Path.of(what);
        if (Files.isRegularFile(file)) {
            List<Problem> problems = new ArrayList<>();
            WorkflowReader.Result r = read(file, wf.types(), wf.expressions(), problems);
            if (r == null || r.definition().isEmpty()) {
                Problem first = problems.get(0);
                throw new InputException(file, first.line(), first.field(), first.message()
                        + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more: workflow validate "
                        + file + ")" : ""));
            }
            return r.definition().get();
        }
        return wf.find(what).orElseThrow(() -> InputException.field("FILE|ID", "'" + what + "' is neither a file "
                + "nor a workflow of the library (see 'switchboard workflow list')"));
    }

    private static WorkflowReader.Result read(Path file, TaskTypes types, Expressions expressions,
                                              List<Problem> problems) {
        String yaml;
        try {
            if (Files.size(file) > 512 * 1024) {
                problems.add(new Problem(file.toString(), 1, "", "the file is " + Files.size(file) / 1024
                        + " KB; a workflow definition may be at most 512 KB (split it into subflows)"));
                return null;
            }
            yaml = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            problems.add(new Problem(file.toString(), 0, "", "cannot be read: " + e.getMessage()));
            return null;
        }
        WorkflowReader.Result r = new WorkflowReader(file.toString()).read(yaml, types, expressions);
        problems.addAll(r.problems());
        return r;
    }

    private static Map<String, String> pairs(List<String> given) {
        Map<String, String> out = new LinkedHashMap<>();
        if (given == null) {
            return out;
        }
        for (String pair : given) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw InputException.field("--input", "'" + pair + "' must be NAME=VALUE");
            }
            out.put(pair.substring(0, eq).strip(), pair.substring(eq + 1));
        }
        return out;
    }

    private static WorkflowEngine.Actor actor() {
        // An operator at the workstation's shell, recorded by name (cli:USER) in the run's history and the audit.
        return new WorkflowEngine.Actor(cliActor(), "INSTRUCTOR");
    }

    private static Account signIn(Workstation ws, ReviewCommand.SignInMixin signIn) {
        return Passwords.signIn(ws, signIn.username, signIn.passwordFile, "--password-file");
    }
}
