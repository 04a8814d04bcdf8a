package dev.switchboard.app.cli;

import dev.switchboard.ai.WorkerCapability;
import dev.switchboard.ai.engine.worker.ApiFlavour;
import dev.switchboard.ai.engine.worker.Worker;
import dev.switchboard.ai.engine.worker.WorkerHealth;
import dev.switchboard.ai.engine.worker.WorkerKind;
import dev.switchboard.app.Workstation;
import dev.switchboard.core.error.InputException;
import java.io.PrintWriter;
import java.net.URI;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code switchboard workers list|add|remove|check}: the registry of remote GPU workers. */
@Command(name = "workers", description = "Remote GPU workers (image generation, chat): list, add, remove, check.",
        mixinStandardHelpOptions = true)
public final class WorkersCommand extends DataDirCommand {

    @Command(name = "list", description = "List the workers with their last known health.")
    int list() {
        PrintWriter out = spec.commandLine().getOut();
        try (Workstation ws = openWorkstation()) {
            List<Worker> workers = ws.workers().list();
            if (workers.isEmpty()) {
                out.println("No GPU workers configured. Everything that works offline still works; add one with "
                        + "'switchboard workers add NAME --url URL --flavour A1111_TXT2IMG'.");
            }
            workers.forEach(w -> out.println(describe(w) + "  " + ws.workers().health(w.name()).summary()));
            return 0;
        }
    }

    @Command(name = "add", description = "Register a worker. An API key is never stored: give the environment "
            + "variable that holds it (--key-env).")
    int add(@Parameters(paramLabel = "NAME") String name,
            @Option(names = "--url", required = true) URI url,
            @Option(names = "--kind", defaultValue = "IMAGE", description = "${COMPLETION-CANDIDATES}") WorkerKind kind,
            @Option(names = "--flavour", required = true, description = "${COMPLETION-CANDIDATES}") ApiFlavour flavour,
            @Option(names = "--key-env", paramLabel = "VAR") String keyEnv,
            @Option(names = "--capacity", defaultValue = "1", description = "Jobs at once.") int capacity,
            @Option(names = "--can", paramLabel = "LIST", description = "What it makes, comma-separated: image, "
                    + "image-to-image, video (default: the flavour's usual for the kind).") String can,
            @Option(names = "--standby", description = "Registered switched off, for the auto-scaler to switch on.")
            boolean standby,
            @Option(names = "--note", description = "Words shown beside the worker.") String note) {
        Set<WorkerCapability> capabilities = EnumSet.noneOf(WorkerCapability.class);
        if (can != null) {
            for (String label : can.split(",")) {
                capabilities.add(WorkerCapability.fromLabel(label).orElseThrow(() -> InputException.field("--can",
                        "'" + label.strip() + "' is not one of image, image-to-image, video")));
            }
        }
        try (Workstation ws = openWorkstation()) {
            Worker worker = ws.workers().add(new Worker(name, url, kind, flavour, keyEnv == null ? "" : "env:" + keyEnv,
                    capacity, !standby, capabilities, standby, note));
            spec.commandLine().getOut().println("Added " + describe(worker));
            spec.commandLine().getOut().println("Health: " + ws.workers().check(worker.name()).summary());
            return 0;
        }
    }

    @Command(name = "remove", description = "Remove a worker; its queued jobs go to the others.")
    int remove(@Parameters(paramLabel = "NAME") String name) {
        try (Workstation ws = openWorkstation()) {
            if (ws.workers().find(name).isEmpty()) {
                throw InputException.field("NAME", "no worker named '" + name + "'.");
            }
            ws.workers().remove(name);
            spec.commandLine().getOut().println("Removed " + name + ".");
            return 0;
        }
    }

    @Command(name = "check", description = "Check one worker, or all, now. Exit 1 when any is unhealthy.")
    int check(@Parameters(paramLabel = "NAME", arity = "0..1") String name) {
        PrintWriter out = spec.commandLine().getOut();
        try (Workstation ws = openWorkstation()) {
            List<Worker> targets = name == null ? ws.workers().list() : List.of(ws.workers().find(name)
                    .orElseThrow(() -> InputException.field("NAME", "no worker named '" + name + "'.")));
            if (targets.isEmpty()) {
                out.println("No GPU workers configured.");
            }
            boolean allHealthy = true;
            for (Worker w : targets) {
                WorkerHealth health = ws.workers().check(w.name());
                allHealthy &= health.isHealthy();
                out.println(w.name() + ": " + health.summary());
            }
            return allHealthy ? 0 : 1;
        }
    }

    static String describe(Worker w) {
        return String.format(Locale.ROOT, "%-12s %-6s %-14s %-32s capacity %d, makes %s%s%s", w.name(), w.kind(),
                w.flavour(), w.baseUrl(), w.capacity(), WorkerCapability.join(w.capabilities()),
                w.enabled() ? "" : "  (disabled)", w.standby() ? "  (standby)" : "");
    }
}
