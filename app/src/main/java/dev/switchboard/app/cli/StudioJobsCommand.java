package dev.switchboard.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.ai.ImageJob;
import dev.switchboard.ai.QueueView;
import dev.switchboard.ai.engine.worker.QueueClient;
import dev.switchboard.app.Workstation;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code switchboard studio jobs}: the newest generation jobs with their place in the line. */
@Command(name = "jobs", mixinStandardHelpOptions = true, description = "The newest generation jobs, with state, "
        + "place in the queue, worker and message.")
final class StudioJobsCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParentCommand
    StudioCommand parent;

    @Spec
    CommandSpec spec;

    @Option(names = "--limit", defaultValue = "30")
    int limit;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (Workstation ws = parent.openWorkstation()) {
            QueueClient queue = ws.queueClient();
            QueueView view = queue.queue();
            ArrayNode array = JSON.createArrayNode();
            for (ImageJob j : queue.jobs(Math.max(1, limit))) {
                Optional<QueueView.Entry> e = view.entry(j.id());
                ObjectNode n = array.addObject();
                n.put("id", j.id());
                n.put("state", j.state().name().toLowerCase(Locale.ROOT));
                n.put("kind", j.request().makesVideo() ? "clip" : "image");
                n.put("user", j.request().requestedBy());
                n.put("priority", j.request().priority());
                n.put("position", e.map(QueueView.Entry::position).orElse(0));
                n.put("progress", j.progress());
                n.put("worker", j.workerName());
                n.put("attempts", j.attempts());
                n.put("message", j.message());
                n.put("prompt", j.request().prompt());
                if (!json) {
                    out.printf(Locale.ROOT, "%s  %-9s %-5s %-12s p%d %5s %3.0f%%  %-12s %s%n", j.id(),
                            j.state().name().toLowerCase(Locale.ROOT), n.get("kind").asText(),
                            j.request().requestedBy(),
                            j.request().priority(), e.map(x -> "#" + x.position()).orElse(""), j.progress() * 100,
                            j.workerName(), j.message());
                }
            }
            if (json) {
                out.println(array.toString());
            } else if (array.isEmpty()) {
                out.println("No generation jobs yet.");
            }
            return 0;
        }
    }
}
