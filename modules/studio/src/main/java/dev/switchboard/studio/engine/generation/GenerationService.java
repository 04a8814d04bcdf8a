package dev.switchboard.studio.engine.generation;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.ai.GeneratedMedia;
import dev.switchboard.ai.ImageJob;
import dev.switchboard.ai.ImageRequest;
import dev.switchboard.ai.ImageService;
import dev.switchboard.ai.JobState;
import dev.switchboard.core.error.InputException;
import dev.switchboard.core.error.SwitchboardException;
import dev.switchboard.core.event.EventBus;
import dev.switchboard.core.event.Subscription;
import dev.switchboard.core.id.Ids;
import dev.switchboard.studio.model.generation.GalleryItem;
import dev.switchboard.studio.model.generation.GalleryItemUsed;
import dev.switchboard.studio.model.generation.GalleryUse;
import dev.switchboard.studio.model.generation.GenerationSettings;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The studio's side of generation, built once by the composition root: submits what the panel or the CLI asks
 * for to the shared queue ({@link ImageService}), keeps every result in the {@link Gallery} as it finishes (and,
 * at start, any that finished while the studio was not listening), exports results and offers them to other
 * workspaces through {@link GalleryItemUsed} on the bus. Thread-safe; every method may touch the database.
 */
public final class GenerationService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(GenerationService.class);
    /** How many of the newest jobs a start-up looks through for results missing from the gallery. */
    private static final int RECONCILE_DEPTH = 500;

    private final ImageService images;
    private final Gallery gallery;
    private final EventBus bus;
    private final Clock clock;
    private final List<Consumer<GalleryItem>> listeners = new CopyOnWriteArrayList<>();
    private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .registerModule(new com.fasterxml.jackson.datatype.jsr310.JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private Subscription updates;

    public GenerationService(ImageService images, Gallery gallery, EventBus bus, Clock clock) {
        this.images = Objects.requireNonNull(images, "images");
        this.gallery = Objects.requireNonNull(gallery, "gallery");
        this.bus = Objects.requireNonNull(bus, "bus");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public ImageService images() {
        return images;
    }

    public Gallery gallery() {
        return gallery;
    }

    /** Starts recording results as they finish, after adding those that finished meanwhile. Idempotent. */
    public synchronized void start() {
        if (updates != null) {
            return;
        }
        updates = images.onUpdate(job -> {
            if (job.state() == JobState.SUCCEEDED) {
                try {
                    record(job);
                } catch (RuntimeException e) {
                    LOG.warn("Result of job {} not added to the gallery", job.id(), e);
                }
            }
        });
        int added = reconcile();
        if (added > 0) {
            LOG.info("Added {} finished result(s) to the gallery", added);
        }
    }

    /** Adds succeeded jobs among the newest that the gallery lacks; returns how many. */
    public int reconcile() {
        int added = 0;
        for (ImageJob job : images.jobs(RECONCILE_DEPTH)) {
            if (job.state() == JobState.SUCCEEDED && !gallery.contains(job.id()) && record(job).isPresent()) {
                added++;
            }
        }
        return added;
    }

    /**
     * Queues the results {@code s} asks for (one job per result of the batch).
     *
     * @throws InputException naming the field at fault
     */
    public List<ImageJob> generate(GenerationSettings s) {
        List<ImageRequest> requests = GenerationPlanner.plan(s);
        String batch = Ids.next(clock.millis());
        String style = StyleCatalog.find(s.style()).map(p -> p.id()).orElse(StyleCatalog.NONE);
        List<ImageJob> queued = new ArrayList<>();
        for (ImageRequest r : requests) {
            ImageJob job = images.submit(r);
            gallery.rememberStyle(job.id(), style, batch, clock.instant());
            queued.add(job);
        }
        return queued;
    }

    /** Calls {@code listener} with each item added to the gallery, on a background thread. */
    public Subscription onGalleryChange(Consumer<GalleryItem> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** Adds a succeeded job's result to the gallery; empty when it has no file (or is there already). */
    public Optional<GalleryItem> record(ImageJob job) {
        if (gallery.contains(job.id())) {
            return gallery.find(job.id());
        }
        Optional<GeneratedMedia> media;
        try {
            media = images.media(job.id());
        } catch (SwitchboardException e) {
            LOG.warn("Result of job {} is not readable: {}", job.id(), e.getMessage());
            return Optional.empty();
        }
        if (media.isEmpty()) {
            return Optional.empty();
        }
        GeneratedMedia m = media.get();
        ImageRequest r = job.request();
        GalleryItem item = new GalleryItem(job.id(), m.isClip() ? GalleryItem.Kind.CLIP : GalleryItem.Kind.IMAGE,
                r.prompt(), r.negativePrompt(), gallery.styleOf(job.id()).orElse(StyleCatalog.NONE), r.width(),
                r.height(), r.steps(), r.guidance(), m.seed() >= 0 ? m.seed() : r.seed(),
                r.makesVideo() ? r.video().seconds() : 0, r.makesVideo() ? r.video().fps() : 0, r.imageToImage(),
                r.requestedBy(), m.worker(), m.model(), m.mediaType(), m.file(), m.poster(), m.sha256(),
                m.latency().toMillis(), m.finishedAt());
        if (gallery.add(item)) {
            LOG.info("Gallery: added {} {} from {}", item.kind() == GalleryItem.Kind.CLIP ? "clip" : "picture",
                    item.jobId(), item.worker());
            for (Consumer<GalleryItem> l : listeners) {
                try {
                    l.accept(item);
                } catch (RuntimeException e) {
                    LOG.warn("A gallery listener failed", e);
                }
            }
        }
        return Optional.of(item);
    }

    /**
     * Offers an item to the workspace that owns {@code use}: records the use and posts {@link GalleryItemUsed}.
     *
     * @param target the incident's reference for an attachment; may be empty for the other uses
     * @throws InputException naming {@code job} when the gallery has no such item, or {@code target} when an
     *                        attachment names no incident
     * @throws SwitchboardException when the file changed since it was generated
     */
    public GalleryItemUsed useAs(String jobId, GalleryUse use, String target, String by) {
        GalleryItem item = gallery.find(jobId).orElseThrow(() -> InputException.field("job", "no gallery item '"
                + jobId + "'"));
        String t = target == null ? "" : target.strip();
        if (use == GalleryUse.INCIDENT_ATTACHMENT && t.isEmpty()) {
            throw InputException.field("target", "name the incident to attach to (its reference)");
        }
        Path file = item.still() != null ? item.still() : item.file();
        if (file.equals(item.file()) && !sha256(file).equals(item.sha256())) {
            throw new SwitchboardException("The file " + file + " has changed since it was generated.",
                    "Generate it again; the gallery keeps the original checksum.");
        }
        String type = file.equals(item.file()) ? item.mediaType() : "image/png";
        GalleryItemUsed event = new GalleryItemUsed(use, jobId, t, file, type, sha256(file), item.prompt(), by,
                clock.instant());
        gallery.recordUse(jobId, use, t, by, event.at());
        bus.publish(event);
        LOG.info("Gallery item {} offered as {} {}", jobId, use.code(), t);
        return event;
    }

    /**
     * Copies items into {@code folder} with a JSON sidecar each (prompt, settings, seed, worker, model, SHA-256);
     * never replaces a file that is there: a name already taken gets a number.
     *
     * @return the files written
     */
    public List<Path> export(List<String> jobIds, Path folder) throws IOException {
        Files.createDirectories(folder);
        List<Path> written = new ArrayList<>();
        for (String id : jobIds) {
            GalleryItem item = gallery.find(id).orElseThrow(() -> InputException.field("job", "no gallery item '"
                    + id + "'"));
            String name = item.file().getFileName().toString();
            Path copy = free(folder, name);
            Files.copy(item.file(), copy);
            written.add(copy);
            ObjectNode meta = json.valueToTree(item);
            meta.put("file", copy.getFileName().toString());
            meta.remove("poster");
            Path sidecar = free(folder, stem(copy.getFileName().toString()) + ".json");
            Files.writeString(sidecar, json.writeValueAsString(meta));
            written.add(sidecar);
        }
        return written;
    }

    /** How two items differ, setting by setting, for the side-by-side view; empty when made alike. */
    public static List<Difference> compare(GalleryItem a, GalleryItem b) {
        List<Difference> out = new ArrayList<>();
        diff(out, "prompt", a.prompt(), b.prompt());
        diff(out, "negative prompt", a.negativePrompt(), b.negativePrompt());
        diff(out, "style", a.style(), b.style());
        diff(out, "size", a.width() + "×" + a.height(), b.width() + "×" + b.height());
        diff(out, "steps", a.steps(), b.steps());
        diff(out, "guidance", a.guidance(), b.guidance());
        diff(out, "seed", a.seed(), b.seed());
        diff(out, "worker", a.worker(), b.worker());
        diff(out, "model", a.model(), b.model());
        diff(out, "kind", a.kind(), b.kind());
        diff(out, "time", a.latencyMs() + " ms", b.latencyMs() + " ms");
        return out;
    }

    @Override
    public synchronized void close() {
        if (updates != null) {
            updates.close();
            updates = null;
        }
        listeners.clear();
    }

    private static void diff(List<Difference> out, String what, Object a, Object b) {
        if (!Objects.equals(a, b)) {
            out.add(new Difference(what, String.valueOf(a), String.valueOf(b)));
        }
    }

    private static Path free(Path folder, String name) {
        Path p = folder.resolve(name);
        int n = 2;
        while (Files.exists(p)) {
            String stem = stem(name);
            String ext = name.substring(stem.length());
            p = folder.resolve(stem + "-" + n++ + ext);
        }
        return p;
    }

    private static String stem(String name) {
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    static String sha256(Path file) {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest())
                    .toLowerCase(Locale.ROOT);
        } catch (IOException e) {
            throw new SwitchboardException("Cannot read " + file + " (" + e.getMessage() + ").",
                    "It was moved or deleted outside Switchboard; generate it again.", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One setting that differs between two items. */
    public record Difference(String setting, String left, String right) {
    }
}
