package dev.switchboard.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.ai.AiUsage;
import dev.switchboard.ai.GpuFleet;
import dev.switchboard.ai.engine.worker.QueueClient;
import dev.switchboard.ai.engine.worker.Worker;
import dev.switchboard.app.Workstation;
import dev.switchboard.studio.engine.ops.AutoScaler;
import dev.switchboard.studio.engine.ops.OpsMonitor;
import dev.switchboard.studio.engine.ops.ScalingAction;
import dev.switchboard.studio.model.ops.OpsSnapshot;
import dev.switchboard.studio.model.ops.ScalingDecision;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code switchboard studio ops}: the operations snapshot: every worker checked now, the queue, AI usage today,
 * the workstation, and what the auto-scaling policy would decide (it never acts from here).
 */
@Command(name = "ops", mixinStandardHelpOptions = true, description = "Workers (checked now), queue, AI usage, "
        + "the workstation, and what the auto-scaling policy would decide.")
final class StudioOpsCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParentCommand
    StudioCommand parent;

    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        try (Workstation ws = parent.openWorkstation()) {
            for (Worker w : ws.workers().list()) {
                if (w.enabled() && w.generates()) {
                    ws.workers().check(w.name());
                }
            }
            QueueClient queue = ws.queueClient();
            // The policy is evaluated as it stands but switched off: a command must not scale a pool.
            AutoScaler scaler = new AutoScaler(() -> ws.policies().get().withEnabled(false),
                    ScalingAction.Factory.standard(queue), null, Clock.systemUTC());
            try (OpsMonitor monitor = new OpsMonitor(queue, queue, ws.ai().usage(), ws.eventLog(), ws.bus(),
                    ws.settings(), scaler, Clock.systemUTC(), Duration.ofHours(1))) {
                OpsSnapshot s = monitor.sample();
                ScalingDecision d = monitor.lastDecision().orElseThrow();
                if (json) {
                    ObjectNode n = JSON.createObjectNode();
                    n.put("at", s.at().toString());
                    var workers = n.putArray("workers");
                    for (GpuFleet.WorkerStatus w : s.workers()) {
                        workers.addObject().put("name", w.name()).put("flavour", w.flavour())
                                .put("enabled", w.enabled()).put("standby", w.standby())
                                .put("health", w.health().name().toLowerCase(Locale.ROOT))
                                .put("summary", w.healthSummary()).put("running", w.inFlight())
                                .put("capacity", w.capacity()).put("jobsLastHour", w.jobsLastHour())
                                .put("note", w.note());
                    }
                    n.putObject("queue").put("images", s.imagesQueued()).put("clips", s.clipsQueued())
                            .put("running", s.running()).put("oldestWaitSeconds", s.oldestWait().toSeconds());
                    var usage = n.putArray("usage");
                    for (AiUsage.Day u : s.usage()) {
                        usage.addObject().put("day", u.day().toString()).put("provider", u.provider())
                                .put("use", u.use().name().toLowerCase(Locale.ROOT)).put("calls", u.calls())
                                .put("tokens", u.tokensIn() + u.tokensOut()).put("costUsd", u.costUsd());
                    }
                    n.putObject("workstation").put("heapUsedBytes", s.heapUsedBytes())
                            .put("heapMaxBytes", s.heapMaxBytes()).put("threads", s.threads())
                            .put("eventLogBacklog", s.eventLogBacklog());
                    n.putObject("scaling").put("decision", d.direction().name().toLowerCase(Locale.ROOT))
                            .put("reason", d.reason()).put("outcome", d.outcome());
                    out.println(n.toString());
                    return 0;
                }
                out.println("GPU workers:");
                if (s.workers().isEmpty()) {
                    out.println("  none registered ('switchboard workers add' adds one)");
                }
                for (GpuFleet.WorkerStatus w : s.workers()) {
                    out.printf(Locale.ROOT, "  %-14s %-14s %s  running %d/%d, %d jobs last hour%s%s%n", w.name(),
                            w.flavour(), w.enabled() ? w.healthSummary() : "switched off", w.inFlight(), w.capacity(),
                            w.jobsLastHour(), w.standby() ? ", standby" : "", w.note().isEmpty() ? ""
                                    : "  (" + w.note() + ")");
                }
                out.printf(Locale.ROOT, "Queue: %d pictures, %d clips queued, %d running, oldest waited %d s%n",
                        s.imagesQueued(), s.clipsQueued(), s.running(), s.oldestWait().toSeconds());
                long tokens = s.usage().stream().filter(u -> u.day().equals(java.time.LocalDate.now()))
                        .mapToLong(u -> u.tokensIn() + u.tokensOut()).sum();
                double cost = s.usage().stream().filter(u -> u.day().equals(java.time.LocalDate.now()))
                        .mapToDouble(AiUsage.Day::costUsd).sum();
                out.printf(Locale.ROOT, "AI usage today: %,d tokens, %.4f USD%n", tokens, cost);
                out.printf(Locale.ROOT, "Workstation: heap %d MiB, %d threads, event-log backlog %d%n",
                        s.heapUsedBytes() >> 20, s.threads(), s.eventLogBacklog());
                out.println("Auto-scaling (" + (ws.policies().get().enabled() ? "on in the window" : "off")
                        + "): " + d.reason() + " -> " + d.outcome());
                return 0;
            }
        }
    }
}
