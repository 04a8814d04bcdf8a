package dev.switchboard.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.ai.GeneratedMedia;
import dev.switchboard.ai.ImageJob;
import dev.switchboard.ai.ImageService;
import dev.switchboard.ai.JobState;
import dev.switchboard.ai.VideoSpec;
import dev.switchboard.app.Workstation;
import dev.switchboard.core.error.InputException;
import dev.switchboard.studio.engine.generation.Gallery;
import dev.switchboard.studio.engine.generation.GenerationService;
import dev.switchboard.studio.model.generation.GenerationSettings;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code switchboard studio generate "PROMPT"}: queues pictures or a clip. Without {@code --wait} the jobs are
 * only queued (a running window picks them up); with it, this command runs the queue itself until they finish.
 */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Queue a picture (or a clip with --video) on the GPU workers; --wait runs the queue here until "
                + "it is done.")
final class StudioGenerateCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParentCommand
    StudioCommand parent;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "PROMPT", description = "What to draw.")
    String prompt;

    @Option(names = "--style", description = "A style preset: photographic, hdr, pbr, illustration, sketch, cctv, "
            + "isometric, cinematic.")
    String style = "";

    @Option(names = "--negative", paramLabel = "TEXT", description = "What to leave out.")
    String negative = "";

    @Option(names = "--size", paramLabel = "WxH", description = "Pixels, e.g. 768x512 (default: the style's).")
    String size;

    @Option(names = "--steps", description = "Sampling steps (default: the style's).")
    int steps;

    @Option(names = "--guidance", description = "Guidance scale 1..30 (default: the style's or the worker's).")
    double guidance;

    @Option(names = "--seed", description = "The seed; -1 for random.", defaultValue = "-1")
    long seed;

    @Option(names = "--batch", description = "How many results, 1..8.", defaultValue = "1")
    int batch;

    @Option(names = "--priority", description = "0..9; higher goes first.", defaultValue = "5")
    int priority;

    @Option(names = "--video", description = "Make a clip.")
    boolean video;

    @Option(names = "--seconds", description = "The clip's length.", defaultValue = "3")
    double seconds;

    @Option(names = "--fps", description = "The clip's frame rate.", defaultValue = "12")
    int fps;

    @Option(names = "--wait", description = "Run the queue in this process until the jobs end, then print where the "
            + "results are.")
    boolean waitForIt;

    @Option(names = "--timeout", description = "With --wait: give up after this many seconds.", defaultValue = "900")
    long timeoutSeconds;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        int width = 0;
        int height = 0;
        if (size != null) {
            String[] wh = size.toLowerCase(Locale.ROOT).split("x");
            try {
                width = Integer.parseInt(wh[0].strip());
                height = Integer.parseInt(wh[1].strip());
            } catch (RuntimeException e) {
                throw InputException.field("--size", "must be WIDTHxHEIGHT, e.g. 768x512, was '" + size + "'");
            }
        }
        GenerationSettings s = new GenerationSettings(prompt, negative, style, width, height, steps, guidance, seed,
                batch, null, video ? new VideoSpec(seconds, fps) : null, priority, DataDirCommand.cliActor());
        PrintWriter out = spec.commandLine().getOut();
        try (Workstation ws = parent.openWorkstation()) {
            ImageService queue = waitForIt ? ws.images() : ws.queueClient();
            GenerationService generation = waitForIt ? ws.generation()
                    : new GenerationService(queue, new Gallery(ws.database().jdbi()), ws.bus(), Clock.systemUTC());
            if (waitForIt) {
                generation.start();
            }
            List<ImageJob> jobs = generation.generate(s);
            if (!waitForIt) {
                print(out, jobs, List.of(), queue);
                if (!json) {
                    out.println("Queued. A running Switchboard window picks these up; or run again with --wait.");
                }
                return 0;
            }
            List<ImageJob> done = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(timeoutSeconds).toNanos();
            for (ImageJob j : jobs) {
                ImageJob now = j;
                while (!now.state().isFinal()) {
                    if (System.nanoTime() > deadline) {
                        out.println("Gave up waiting after " + timeoutSeconds + " s; job " + j.id() + " is "
                                + now.state().name().toLowerCase(Locale.ROOT) + ": " + now.message());
                        return 1;
                    }
                    Thread.sleep(200);
                    now = queue.job(j.id()).orElseThrow();
                }
                done.add(now);
            }
            generation.reconcile();
            print(out, done, done, queue);
            return done.stream().allMatch(j -> j.state() == JobState.SUCCEEDED) ? 0 : 1;
        }
    }

    private void print(PrintWriter out, List<ImageJob> jobs, List<ImageJob> finished, ImageService queue) {
        ArrayNode array = JSON.createArrayNode();
        for (ImageJob j : jobs) {
            ObjectNode n = array.addObject();
            n.put("id", j.id());
            n.put("state", j.state().name().toLowerCase(Locale.ROOT));
            n.put("prompt", j.request().prompt());
            n.put("seed", j.request().seed());
            n.put("message", j.message());
            if (finished.contains(j)) {
                queue.media(j.id()).ifPresent(m -> media(n, m));
            }
            if (!json) {
                out.printf(Locale.ROOT, "%s  %-9s %s%n", j.id(), j.state().name().toLowerCase(Locale.ROOT),
                        n.has("file") ? n.get("file").asText() + " (sha256 " + n.get("sha256").asText() + ")"
                                : j.message());
            }
        }
        if (json) {
            out.println(array.toString());
        }
    }

    static void media(ObjectNode n, GeneratedMedia m) {
        n.put("file", m.file().toString());
        n.put("mediaType", m.mediaType());
        n.put("sha256", m.sha256());
        n.put("seedUsed", m.seed());
        n.put("worker", m.worker());
        n.put("model", m.model());
        n.put("latencyMs", m.latency().toMillis());
        if (m.poster() != null) {
            n.put("poster", m.poster().toString());
        }
    }
}
