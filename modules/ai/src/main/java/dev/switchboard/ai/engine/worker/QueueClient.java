package dev.switchboard.ai.engine.worker;

import dev.switchboard.ai.GeneratedMedia;
import dev.switchboard.ai.GpuFleet;
import dev.switchboard.ai.ImageJob;
import dev.switchboard.ai.ImageRequest;
import dev.switchboard.ai.ImageResult;
import dev.switchboard.ai.ImageService;
import dev.switchboard.ai.JobState;
import dev.switchboard.ai.Provenance;
import dev.switchboard.ai.QueueView;
import dev.switchboard.ai.WorkerCapability;
import dev.switchboard.core.event.Subscription;
import dev.switchboard.core.id.Ids;
import dev.switchboard.store.Database;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The queue as a short command sees it: it queues, reads and cancels jobs in the database but dispatches nothing,
 * so {@code switchboard studio generate} can queue work for the window (which picks it up within a dispatch
 * interval) without starting a dispatcher of its own. A running job cancelled here is marked cancelled; the
 * process running it drops its result (it cannot reach that process's worker call). Thread-safe.
 */
public final class QueueClient implements ImageService, GpuFleet {

    private static final Logger LOG = LoggerFactory.getLogger(QueueClient.class);

    private final JobStore jobs;
    private final ImageFiles files;
    private final WorkerRegistry registry;
    private final Clock clock;

    public QueueClient(Database db, WorkerRegistry registry, Path imagesDir, Clock clock) {
        this.jobs = new JobStore(db.jdbi());
        this.files = new ImageFiles(imagesDir);
        this.registry = registry;
        this.clock = clock;
    }

    @Override
    public ImageJob submit(ImageRequest request) {
        Instant now = clock.instant();
        String id = Ids.next(now.toEpochMilli());
        jobs.insert(id, request, WorkerPool.waitingMessage(request.needs(), registry.generators(), registry.health()),
                now);
        LOG.info("Queued job {} for {} from the command line", id, request.requestedBy());
        return jobs.find(id).orElseThrow();
    }

    @Override
    public Optional<ImageJob> job(String id) {
        return id == null ? Optional.empty() : jobs.find(id);
    }

    @Override
    public List<ImageJob> jobs(int limit) {
        return jobs.newest(limit);
    }

    @Override
    public boolean cancel(String id) {
        Instant now = clock.instant();
        if (jobs.finish(id, JobState.QUEUED, JobState.CANCELLED, "cancelled", now)) {
            return true;
        }
        return jobs.finish(id, JobState.RUNNING, JobState.CANCELLED, "cancelled from the command line; the "
                + "running attempt's result is dropped", now);
    }

    @Override
    public Optional<ImageResult> result(String id) {
        return jobs.result(id).filter(r -> r.mediaType().equals("image/png")).map(r -> new ImageResult(
                files.read(r.image()), new Provenance(Provenance.Source.ONLINE, r.worker(), r.model(), r.latency(), 0,
                0, 0, "")));
    }

    @Override
    public Optional<GeneratedMedia> media(String id) {
        return jobs.result(id).map(r -> new GeneratedMedia(id, files.verified(r.image()), r.mediaType(),
                r.image().sha256(), r.seed(), r.worker(), r.model(), r.latency(),
                r.poster() == null ? null : files.resolve(r.poster()), r.finishedAt()));
    }

    @Override
    public Subscription onUpdate(Consumer<ImageJob> listener) {
        return () -> { };
    }

    @Override
    public Availability availability() {
        List<Worker> workers = registry.generators();
        Map<String, WorkerHealth> health = registry.health();
        int healthy = (int) workers.stream().filter(w -> WorkerPool.isHealthy(w, health)).count();
        return new Availability(workers.size(), healthy, workers.stream().anyMatch(w -> w.capabilities()
                .contains(WorkerCapability.IMAGE_TO_IMAGE)), workers.stream().anyMatch(w -> w.capabilities()
                .contains(WorkerCapability.VIDEO)), WorkerPool.unchecked(workers, health));
    }

    /** Places in the line (the queue's own order); no estimates, since nothing here knows the workers' pace. */
    @Override
    public QueueView queue() {
        FairQueue q = new FairQueue();
        jobs.queued().forEach(q::add);
        Instant now = clock.instant();
        List<QueueView.Entry> entries = new ArrayList<>();
        Map<WorkerCapability, Integer> depth = new EnumMap<>(WorkerCapability.class);
        Map<String, int[]> users = new TreeMap<>();
        int position = 0;
        for (FairQueue.Candidate c : q.order()) {
            position++;
            depth.merge(c.needs().contains(WorkerCapability.VIDEO) ? WorkerCapability.VIDEO : WorkerCapability.IMAGE,
                    1, Integer::sum);
            int[] u = users.computeIfAbsent(c.user(), k -> new int[2]);
            u[0]++;
            if (u[1] == 0) {
                u[1] = position;
            }
            Duration waited = Duration.between(c.queuedAt(), now);
            entries.add(new QueueView.Entry(c.id(), c.user(), c.priority(), position, c.needs(), null, null,
                    waited.isNegative() ? Duration.ZERO : waited));
        }
        Map<String, Integer> served = jobs.servedSince(now.minus(Duration.ofHours(1)));
        List<QueueView.UserShare> shares = new ArrayList<>();
        users.forEach((user, u) -> shares.add(new QueueView.UserShare(user, u[0], 0, u[1],
                served.getOrDefault(user, 0))));
        return new QueueView(entries, shares, depth, 0, now);
    }

    /** The workers with their last health as checked in this process, and the jobs running on them anywhere. */
    @Override
    public List<WorkerStatus> workers() {
        Instant now = clock.instant();
        Map<String, JobStore.WorkerWork> work = jobs.workSince(now.minus(Duration.ofHours(1)));
        Map<String, Integer> running = jobs.runningPerWorker();
        Map<String, WorkerHealth> health = registry.health();
        List<WorkerStatus> out = new ArrayList<>();
        for (Worker w : registry.list()) {
            if (w.kind() == WorkerKind.CHAT) {
                continue;
            }
            WorkerHealth h = health.getOrDefault(w.name(), WorkerHealth.unknown(w.name(), "not checked yet"));
            JobStore.WorkerWork done = work.get(WorkerPool.key(w));
            out.add(new WorkerStatus(w.name(), w.baseUrl().toString(), w.flavour().label(), w.capabilities(),
                    w.enabled(), w.standby(), w.note(), Health.valueOf(h.status().name()), h.summary(), h.latency(),
                    running.getOrDefault(WorkerPool.key(w), 0), w.capacity(), done == null ? 0 : done.jobs(), 0,
                    done == null ? Duration.ZERO : done.mean()));
        }
        return out;
    }

    @Override
    public void setEnabled(String name, boolean enabled) {
        Worker w = registry.find(name).orElseThrow(() -> dev.switchboard.core.error.InputException.field("name",
                "no worker named '" + name + "'"));
        registry.update(w.withEnabled(enabled));
    }

    @Override
    public Subscription onChange(Runnable listener) {
        return registry.onAnyChange(listener);
    }
}
