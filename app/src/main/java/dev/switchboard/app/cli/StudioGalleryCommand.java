package dev.switchboard.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.app.Workstation;
import dev.switchboard.studio.engine.generation.Gallery;
import dev.switchboard.studio.engine.generation.GalleryQuery;
import dev.switchboard.studio.engine.generation.GenerationService;
import dev.switchboard.studio.model.generation.GalleryItem;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code switchboard studio gallery}: the generated results with what made them. */
@Command(name = "gallery", mixinStandardHelpOptions = true, description = "The gallery: every result with its "
        + "prompt, settings, seed, worker, model, time and SHA-256.")
final class StudioGalleryCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParentCommand
    StudioCommand parent;

    @Spec
    CommandSpec spec;

    @Option(names = "--search", paramLabel = "WORDS", description = "Words that must all appear.")
    String search = "";

    @Option(names = "--limit", defaultValue = "50")
    int limit;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (Workstation ws = parent.openWorkstation()) {
            Gallery gallery = new Gallery(ws.database().jdbi());
            new GenerationService(ws.queueClient(), gallery, ws.bus(), Clock.systemUTC()).reconcile();
            List<GalleryItem> items = gallery.search(new GalleryQuery(search, null, null, null, null, null,
                    Math.max(1, limit)));
            ArrayNode array = JSON.createArrayNode();
            for (GalleryItem i : items) {
                ObjectNode n = array.addObject();
                n.put("job", i.jobId());
                n.put("kind", i.kind() == GalleryItem.Kind.CLIP ? "clip" : "image");
                n.put("prompt", i.prompt());
                n.put("negativePrompt", i.negativePrompt());
                n.put("style", i.style());
                n.put("width", i.width());
                n.put("height", i.height());
                n.put("steps", i.steps());
                n.put("guidance", i.guidance());
                n.put("seed", i.seed());
                n.put("worker", i.worker());
                n.put("model", i.model());
                n.put("mediaType", i.mediaType());
                n.put("file", i.file().toString());
                n.put("sha256", i.sha256());
                n.put("createdAt", i.createdAt().toString());
                if (!json) {
                    out.printf(Locale.ROOT, "%s  %-5s %-12s seed %-8d %s%n    %s%n", i.jobId(),
                            n.get("kind").asText(), i.worker(), i.seed(), i.prompt(), i.file());
                }
            }
            if (json) {
                out.println(array.toString());
            } else if (items.isEmpty()) {
                out.println("The gallery is empty.");
            }
            return 0;
        }
    }
}
