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
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The generation job queue over the registry's image and video workers: {@link ImageService} and
 * {@link GpuFleet} as the rest of the program sees them. Jobs live in the {@code gpu_job} table and results as
 * files under the folder given to the constructor.
 *
 * <p>One dispatcher thread picks jobs ({@link FairQueue}: priority, then users in turn, then age; only onto
 * workers with every capability the job needs) and sends each to the least loaded healthy worker that fits;
 * each attempt runs on its own virtual thread. When a worker fails an attempt (connection refused or dropped,
 * timeout, HTTP 5xx, 401/403/404, nonsense answer) it is marked unhealthy and the job is queued again, to run
 * on another healthy worker, until {@link WorkerConfig#maxAttempts()} attempts have been made; then it fails
 * with the last reason. A request the worker refuses as invalid (HTTP 400/422) fails at once.
 *
 * <p><b>Restart.</b> Jobs found {@code RUNNING} at construction (left by {@link #close()} or a crash) are
 * reattached when their worker gave them an id it can be asked about (ComfyUI's prompt id): the new attempt
 * follows the same prompt to its end, and nothing is drawn twice. Jobs on workers without such an id
 * (Automatic1111 and OpenAI are synchronous HTTP) are queued again with the message "requeued after restart"
 * and run from the start; the interrupted attempt counts as one (a job already on its last attempt fails
 * instead). Queued jobs simply resume. Only jobs whose queue is gone are taken back: each job names the queue that
 * took it ({@code gpu_job.owner}, see {@link QueueOwner}), so a seat starting on a database that other seats share
 * leaves their running jobs to them, and two seats starting at once never both take one back.
 *
 * <p>Thread-safe. Close before the registry.
 */
public final class WorkerPool implements ImageService, GpuFleet, AutoCloseable {

    /** The message of a job waiting because no generation worker is registered and enabled. */
    public static final String NO_WORKERS = "waiting for a healthy image worker (none configured)";
    /** The message of a job found running at start-up, queued again. */
    public static final String REQUEUED_AFTER_RESTART = "requeued after restart";

    private static final Logger LOG = LoggerFactory.getLogger(WorkerPool.class);
    private static final long PREVIEW_PUBLISH_NANOS = TimeUnit.MILLISECONDS.toNanos(200);
    private static final Duration QUEUE_VIEW_FRESH = Duration.ofMillis(250);
    private static final Duration MEANS_FRESH = Duration.ofSeconds(10);
    /** Another process's queued or cancelled jobs are seen within this, or the dispatch interval if shorter. */
    private static final Duration RESYNC_AT_MOST_EVERY = Duration.ofMillis(500);
    /** Until some jobs have finished, the estimated duration of an image and of a clip. */
    private static final Duration DEFAULT_IMAGE_TIME = Duration.ofSeconds(20);
    private static final Duration DEFAULT_CLIP_TIME = Duration.ofMinutes(2);
    private static final List<Set<WorkerCapability>> NEED_SETS = List.of(
            Set.of(WorkerCapability.IMAGE), Set.of(WorkerCapability.IMAGE, WorkerCapability.IMAGE_TO_IMAGE),
            Set.of(WorkerCapability.VIDEO), Set.of(WorkerCapability.VIDEO, WorkerCapability.IMAGE_TO_IMAGE));

    private final WorkerRegistry registry;
    private final WorkerConfig config;
    private final JobStore jobs;
    private final ImageFiles files;
    private final Clock clock;
    private final Object lock = new Object();
    /** Attempts in flight by job id; guarded by lock. */
    private final Map<String, Attempt> running = new HashMap<>();
    /** The queued jobs; guarded by lock. */
    private final FairQueue queue = new FairQueue();
    /** When each worker (lower-case name) was last given a job; guarded by lock. */
    private final Map<String, Long> lastUsed = new HashMap<>();
    private long sequence;
    /** Changes of this process under way whose database write the queue index does not show yet; under lock. */
    private int localChanges;
    /** How often at most the dispatcher looks for another process's changes to the queue. */
    private final long resyncEveryNanos;
    private long lastResyncNanos;
    /** Failed attempts per worker (lower-case name), newest last; guarded by itself. */
    private final Map<String, Deque<Instant>> failures = new HashMap<>();
    private final Map<String, byte[]> previews = new ConcurrentHashMap<>();
    private final Map<String, Long> previewPublished = new ConcurrentHashMap<>();
    /** The waiting message last written per kind of job; dispatcher thread only. */
    private final Map<Set<WorkerCapability>, String> waiting = new HashMap<>();
    private final List<Consumer<ImageJob>> listeners = new CopyOnWriteArrayList<>();
    private final Semaphore wake = new Semaphore(0);
    private final ExecutorService attemptThreads;
    private final Subscription registryHook;
    private final Thread dispatcher;
    private volatile QueueView lastView;
    private volatile Means means;
    private volatile boolean closed;
    /** This queue as the owner of the jobs it takes; released at {@link #close()}. */
    private final QueueOwner owner;

    /** A pool over {@code db} that keeps results in {@code imagesDir}, on the system clock. */
    public WorkerPool(Database db, WorkerRegistry registry, Path imagesDir) {
        this(db, registry, imagesDir, Clock.systemUTC());
    }

    /**
     * Reattaches or requeues jobs left running by a previous run, starts the registry's health checks and the
     * dispatcher.
     *
     * @param imagesDir where results are kept; created when missing
     */
    public WorkerPool(Database db, WorkerRegistry registry, Path imagesDir, Clock clock) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.config = registry.config();
        this.jobs = new JobStore(Objects.requireNonNull(db, "db").jdbi());
        this.files = new ImageFiles(Objects.requireNonNull(imagesDir, "imagesDir"));
        this.clock = Objects.requireNonNull(clock, "clock");
        this.resyncEveryNanos = Math.min(config.dispatchInterval().toNanos(), RESYNC_AT_MOST_EVERY.toNanos());
        this.lastResyncNanos = System.nanoTime();
        this.owner = QueueOwner.open(db);
        List<Attempt> resumed = recoverAfterRestart();
        jobs.queued().forEach(queue::add);
        this.attemptThreads = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("gpu-job-", 0).factory());
        this.registryHook = registry.onAnyChange(this::wake);
        registry.startHealthChecks();
        for (Attempt attempt : resumed) {
            synchronized (lock) {
                running.put(attempt.jobId(), attempt);
            }
            launch(attempt);
        }
        this.dispatcher = Thread.ofPlatform().name("gpu-dispatcher").daemon(true).unstarted(this::dispatchLoop);
        dispatcher.start();
    }

    // ImageService.

    @Override
    public ImageJob submit(ImageRequest request) {
        Objects.requireNonNull(request, "request");
        if (closed) {
            throw new IllegalStateException("The generation queue is closed");
        }
        Instant now = clock.instant();
        String id = Ids.next(now.toEpochMilli());
        String waitingFor = waitingMessage(request.needs(), registry.generators(), registry.health());
        ImageJob job;
        beginLocalChange();
        try {
            jobs.insert(id, request, waitingFor, now);
            // Read and announce the job as queued before a worker thread can see it: otherwise a fast worker
            // marks it running first and listeners receive "running" before "queued".
            job = jobs.find(id).orElseThrow();
            LOG.info("Queued {} job {} for {} (priority {})", request.makesVideo() ? "clip" : "image", id,
                    request.requestedBy(), request.priority());
            publish(job);
            jobs.queued(id).ifPresent(c -> {
                synchronized (lock) {
                    queue.add(c);
                }
            });
        } finally {
            endLocalChange();
        }
        wake();
        return job;
    }

    @Override
    public Optional<ImageJob> job(String id) {
        return id == null ? Optional.empty() : jobs.find(id);
    }

    @Override
    public List<ImageJob> jobs(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, was " + limit);
        }
        return jobs.newest(limit);
    }

    @Override
    public boolean cancel(String id) {
        if (id == null) {
            return false;
        }
        Attempt attempt;
        synchronized (lock) {
            attempt = running.get(id);
            if (attempt == null) {
                if (!jobs.finish(id, JobState.QUEUED, JobState.CANCELLED, "cancelled", clock.instant())) {
                    return false;
                }
                queue.remove(id);
            } else {
                attempt.cancel();
            }
        }
        if (attempt == null) {
            LOG.info("Cancelled queued job {}", id);
            publish(id);
            return true;
        }
        Worker worker = attempt.worker();
        registry.calls().images(worker.flavour()).cancel(attempt);
        attempt.abort();
        boolean done = jobs.finish(id, JobState.RUNNING, JobState.CANCELLED, "cancelled while running on "
                + worker.name(), clock.instant());
        if (done) {
            LOG.info("Cancelled job {} running on {}", id, worker.name());
            previews.remove(id);
            publish(id);
        }
        return done;
    }

    @Override
    public Optional<ImageResult> result(String id) {
        if (id == null) {
            return Optional.empty();
        }
        return jobs.result(id).flatMap(r -> {
            Provenance provenance = new Provenance(Provenance.Source.ONLINE, r.worker(), r.model(), r.latency(), 0, 0,
                    0, "");
            if (r.mediaType().equals("image/png")) {
                return Optional.of(new ImageResult(files.read(r.image()), provenance));
            }
            if (r.poster() == null) {
                return Optional.empty();
            }
            try {
                return Optional.of(new ImageResult(Files.readAllBytes(files.resolve(r.poster())), provenance));
            } catch (IOException e) {
                LOG.warn("The poster of job {} cannot be read: {}", id, e.toString());
                return Optional.empty();
            }
        });
    }

    @Override
    public Optional<GeneratedMedia> media(String id) {
        if (id == null) {
            return Optional.empty();
        }
        return jobs.result(id).map(r -> new GeneratedMedia(id, files.verified(r.image()), r.mediaType(),
                r.image().sha256(), r.seed(), r.worker(), r.model(), r.latency(),
                r.poster() == null ? null : files.resolve(r.poster()), r.finishedAt()));
    }

    @Override
    public Optional<byte[]> preview(String id) {
        return id == null ? Optional.empty() : Optional.ofNullable(previews.get(id)).map(byte[]::clone);
    }

    @Override
    public Subscription onUpdate(Consumer<ImageJob> listener) {
        Objects.requireNonNull(listener, "listener");
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    @Override
    public Availability availability() {
        List<Worker> workers = registry.generators();
        Map<String, WorkerHealth> health = registry.health();
        int healthy = (int) workers.stream().filter(w -> isHealthy(w, health)).count();
        boolean imageToImage = workers.stream().anyMatch(w -> w.capabilities()
                .contains(WorkerCapability.IMAGE_TO_IMAGE));
        boolean video = workers.stream().anyMatch(w -> w.capabilities().contains(WorkerCapability.VIDEO));
        return new Availability(workers.size(), healthy, imageToImage, video, unchecked(workers, health));
    }

    @Override
    public QueueView queue() {
        QueueView view = lastView;
        Instant now = clock.instant();
        if (view != null && Duration.between(view.at(), now).compareTo(QUEUE_VIEW_FRESH) < 0
                && !now.isBefore(view.at())) {
            return view;
        }
        view = QueueEstimate.of(this, now);
        lastView = view;
        return view;
    }

    // GpuFleet.

    @Override
    public List<WorkerStatus> workers() {
        Instant now = clock.instant();
        Map<String, JobStore.WorkerWork> work = jobs.workSince(now.minus(Duration.ofHours(1)));
        Map<String, WorkerHealth> health = registry.health();
        List<WorkerStatus> out = new ArrayList<>();
        for (Worker w : registry.list()) {
            if (w.kind() == WorkerKind.CHAT) {
                continue;
            }
            WorkerHealth h = health.getOrDefault(w.name(), WorkerHealth.unknown(w.name(), "not checked yet"));
            JobStore.WorkerWork done = work.get(key(w));
            int inFlight;
            synchronized (lock) {
                inFlight = inFlight(w);
            }
            out.add(new WorkerStatus(w.name(), w.baseUrl().toString(), w.flavour().label(), w.capabilities(),
                    w.enabled(), w.standby(), w.note(), Health.valueOf(h.status().name()), h.summary(), h.latency(),
                    inFlight, w.capacity(), done == null ? 0 : done.jobs(), failuresSince(w, now.minusSeconds(3600)),
                    done == null ? Duration.ZERO : done.mean()));
        }
        return out;
    }

    @Override
    public void setEnabled(String name, boolean enabled) {
        Worker w = registry.find(name).orElseThrow(() -> dev.switchboard.core.error.InputException.field("name",
                "no worker named '" + name + "'"));
        if (w.enabled() != enabled) {
            registry.update(w.withEnabled(enabled));
            LOG.info("Worker {} switched {}", w.name(), enabled ? "on" : "off");
        }
    }

    @Override
    public Subscription onChange(Runnable listener) {
        return registry.onAnyChange(listener);
    }

    /**
     * Stops the dispatcher and abandons attempts in flight: their jobs stay {@code RUNNING} in the database
     * and are reattached or queued again by the next pool built over it. Idempotent.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        registryHook.close();
        wake();
        try {
            dispatcher.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<Attempt> inFlight;
        synchronized (lock) {
            inFlight = new ArrayList<>(running.values());
        }
        inFlight.forEach(Attempt::abandon);
        attemptThreads.shutdown();
        try {
            if (!attemptThreads.awaitTermination(5, TimeUnit.SECONDS)) {
                attemptThreads.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            attemptThreads.shutdownNow();
        }
        listeners.clear();
        owner.close();
        LOG.info("Closed the generation queue; {} running job(s) will be reattached or queued again at the next "
                + "start", inFlight.size());
    }

    // What QueueEstimate reads, under the pool's lock.

    /** The queue in serving order, the attempts running, and when each started. */
    Snapshot snapshot() {
        synchronized (lock) {
            List<RunningJob> now = new ArrayList<>();
            for (Attempt a : running.values()) {
                now.add(new RunningJob(a.worker(), a.request().requestedBy(), a.request().makesVideo(),
                        a.startedAt()));
            }
            return new Snapshot(queue.order(), now);
        }
    }

    List<Worker> healthyGenerators() {
        Map<String, WorkerHealth> health = registry.health();
        return registry.generators().stream().filter(w -> isHealthy(w, health)).toList();
    }

    Map<String, Integer> servedSince(Instant since) {
        return jobs.servedSince(since);
    }

    /** Mean durations of recent images and clips, re-read at most every ten seconds. */
    Means means(Instant now) {
        Means m = means;
        if (m == null || Duration.between(m.at(), now).compareTo(MEANS_FRESH) > 0 || now.isBefore(m.at())) {
            m = new Means(jobs.recentMeanLatency(false).orElse(DEFAULT_IMAGE_TIME),
                    jobs.recentMeanLatency(true).orElse(DEFAULT_CLIP_TIME), now);
            means = m;
        }
        return m;
    }

    record Snapshot(List<FairQueue.Candidate> order, List<RunningJob> running) {
    }

    record RunningJob(Worker worker, String user, boolean video, Instant startedAt) {
    }

    /** Mean durations of a job of each kind. */
    record Means(Duration image, Duration clip, Instant at) {

        Duration of(boolean video) {
            return video ? clip : image;
        }
    }

    // The dispatcher.

    private void dispatchLoop() {
        while (!closed) {
            try {
                dispatchRound();
            } catch (RuntimeException e) {
                if (!closed) {
                    LOG.warn("Dispatching generation jobs failed; trying again shortly", e);
                }
            }
            try {
                if (wake.tryAcquire(config.dispatchInterval().toMillis(), TimeUnit.MILLISECONDS)) {
                    wake.drainPermits();
                }
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void dispatchRound() {
        resyncIfChangedElsewhere();
        List<Worker> workers = registry.generators();
        Map<String, WorkerHealth> health = registry.health();
        refreshWaiting(workers, health);
        List<Worker> healthy = workers.stream().filter(w -> isHealthy(w, health)).toList();
        if (healthy.isEmpty()) {
            return;
        }
        while (true) {
            Attempt attempt;
            synchronized (lock) {
                if (closed) {
                    return;
                }
                List<FairQueue.Slot> slots = new ArrayList<>(healthy.size());
                for (Worker w : healthy) {
                    slots.add(new FairQueue.Slot(w, inFlight(w), lastUsed.getOrDefault(key(w), 0L)));
                }
                Optional<FairQueue.Assignment> next = queue.next(slots);
                if (next.isEmpty()) {
                    return;
                }
                queue.remove(next.get().job().id());
                attempt = claim(next.get());
            }
            if (attempt != null) {
                launch(attempt);
            }
        }
    }

    /**
     * Reloads the queue index when the database holds a different queue than it: another process (a
     * {@code switchboard studio generate} beside the window) queued or cancelled jobs. One indexed COUNT per round.
     */
    private void resyncIfChangedElsewhere() {
        long now = System.nanoTime();
        if (now - lastResyncNanos < resyncEveryNanos) {
            return;
        }
        int reloaded;
        synchronized (lock) {
            // Read and compare under the lock, and only when no change of this process is half done (a job
            // inserted but not yet in the index): then a mismatch is another process's doing, never a race with
            // our own submit, and the index is not reloaded for nothing (a full reload of 10,000 jobs allocates
            // megabytes and used to make the queue's slowest dispatches).
            if (localChanges > 0) {
                return;
            }
            lastResyncNanos = now;
            long[] db = jobs.queuedFingerprint();
            if (db[0] == queue.size() && db[1] == queue.seqSum()) {
                return;
            }
            List<FairQueue.Candidate> fresh = jobs.queued();
            java.util.Set<String> ids = new java.util.HashSet<>();
            for (FairQueue.Candidate c : fresh) {
                ids.add(c.id());
                if (queue.get(c.id()).isEmpty()) {
                    queue.add(c);
                }
            }
            for (FairQueue.Candidate c : List.copyOf(queue.all())) {
                if (!ids.contains(c.id())) {
                    queue.remove(c.id());
                }
            }
            reloaded = fresh.size();
        }
        LOG.debug("Queue index reloaded: {} queued", reloaded);
    }

    /** Marks the job running on the worker; null when it was cancelled meanwhile. Called holding lock. */
    private Attempt claim(FairQueue.Assignment assignment) {
        String id = assignment.job().id();
        Worker worker = assignment.worker();
        if (!jobs.claim(id, worker.name(), owner.name(), "running on " + worker.name(), clock.instant())) {
            return null;
        }
        ImageJob job = jobs.find(id).orElseThrow();
        long seq = ++sequence;
        queue.served(assignment.job().user());
        lastUsed.put(key(worker), seq);
        Attempt attempt = newAttempt(id, worker, job.request(), job.attempts(), null);
        running.put(id, attempt);
        return attempt;
    }

    private Attempt newAttempt(String id, Worker worker, ImageRequest request, int number, String resumeId) {
        return new Attempt(id, worker, request, number, p -> progressed(id, p),
                new Attempt.Sinks(remote -> jobs.remoteId(id, remote), image -> previewed(id, image)), resumeId,
                clock.instant());
    }

    private void launch(Attempt attempt) {
        LOG.info("Job {} attempt {} on {}{}", attempt.jobId(), attempt.number(), attempt.worker().name(),
                attempt.resumeId() == null ? "" : " (reattached to " + attempt.resumeId() + ")");
        publish(attempt.jobId());
        try {
            attemptThreads.execute(() -> run(attempt));
        } catch (RejectedExecutionException e) {
            // Closing: the job stays RUNNING and is picked up again at the next start.
            synchronized (lock) {
                running.remove(attempt.jobId());
            }
        }
    }

    // One attempt, on its own virtual thread.

    private void run(Attempt attempt) {
        String id = attempt.jobId();
        Worker worker = attempt.worker();
        long start = System.nanoTime();
        try {
            ImageClient.Generated result = registry.calls().images(worker.flavour()).generate(attempt);
            Duration latency = Duration.ofNanos(System.nanoTime() - start);
            if (!attempt.isCancelled() && !attempt.isAbandoned()) {
                keep(attempt, result, latency);
            }
        } catch (WorkerFailure f) {
            if (!attempt.isCancelled() && !attempt.isAbandoned()) {
                failed(attempt, f);
            }
        } catch (IOException | RuntimeException e) {
            if (!attempt.isAbandoned()) {
                LOG.error("Job {} could not be finished", id, e);
                quietly(() -> jobs.finish(id, JobState.RUNNING, JobState.FAILED, "could not keep the result: "
                        + WorkerFailure.describe(e), clock.instant()));
            }
        } finally {
            synchronized (lock) {
                running.remove(id);
            }
            previews.remove(id);
            previewPublished.remove(id);
            if (!attempt.isAbandoned()) {
                publish(id);
                wake();
            }
        }
    }

    private void keep(Attempt attempt, ImageClient.Generated result, Duration latency) throws IOException {
        String id = attempt.jobId();
        JobStore.StoredImage file = files.writeFile(id + extension(result.mediaType()), result.media());
        JobStore.StoredImage poster = result.poster() == null ? null
                : files.writeFile(id + ".poster.png", result.poster());
        // Shown under the job in Studio's queue: seconds, as a person says it ("in 16.1 s", not "in 16135 ms").
        String message = "done on " + attempt.worker().name() + " in "
                + String.format(java.util.Locale.ROOT, "%.1f s", latency.toMillis() / 1000.0);
        if (jobs.succeed(id, file, result.mediaType(), poster == null ? null : poster.file(), result.seed(),
                result.model(), latency, message, clock.instant())) {
            LOG.info("Job {} {} ({} bytes, {})", id, message, result.media().length, result.mediaType());
        } else {
            files.delete(file); // cancelled while the result was on its way
            if (poster != null) {
                files.delete(poster);
            }
        }
    }

    private void failed(Attempt attempt, WorkerFailure failure) {
        String id = attempt.jobId();
        Worker worker = attempt.worker();
        Instant now = clock.instant();
        switch (failure.blame()) {
            case REQUEST -> {
                LOG.warn("Job {} refused by {}: {}", id, worker.name(), failure.reason());
                jobs.finish(id, JobState.RUNNING, JobState.FAILED, "refused by " + worker.name() + ": "
                        + failure.reason(), now);
                return;
            }
            case WORKER -> {
                countFailure(worker, now);
                registry.reportFailure(worker, failure.reason());
            }
            case BUSY -> countFailure(worker, now);
            case CANCELLED -> {
                // Not the worker's doing: just try again.
            }
        }
        if (attempt.number() >= config.maxAttempts()) {
            LOG.warn("Job {} failed after {} attempts: {} on {}", id, attempt.number(), failure.reason(),
                    worker.name());
            jobs.finish(id, JobState.RUNNING, JobState.FAILED, "failed after " + attempt.number()
                    + " attempts; last: " + worker.name() + ": " + failure.reason(), now);
        } else {
            LOG.info("Job {} goes back to the queue: {} failed ({})", id, worker.name(), failure.reason());
            beginLocalChange();
            try {
                if (jobs.requeue(id, "retrying after " + worker.name() + " failed: " + failure.reason(), now)) {
                    jobs.queued(id).ifPresent(c -> {
                        synchronized (lock) {
                            queue.add(c);
                        }
                    });
                }
            } finally {
                endLocalChange();
            }
        }
    }

    private void progressed(String id, double progress) {
        if (jobs.progress(id, progress, clock.instant())) {
            publish(id);
        }
    }

    private void previewed(String id, byte[] image) {
        previews.put(id, image);
        long now = System.nanoTime();
        Long last = previewPublished.get(id);
        if (last == null || now - last >= PREVIEW_PUBLISH_NANOS) {
            previewPublished.put(id, now);
            publish(id);
        }
    }

    // Start-up, messages, listeners.

    /**
     * Requeues or fails the running jobs whose queue is gone (closed, killed, or never recorded), and returns
     * attempts that follow the ones their worker kept. Jobs of a queue still running, this seat's or another's on
     * the same database, are left to it. Each job is first taken over with a conditional write, so two seats
     * starting at once never both resume it.
     */
    private List<Attempt> recoverAfterRestart() {
        Instant now = clock.instant();
        Map<String, JobStore.RemoteAttempt> remote = new HashMap<>();
        jobs.runningWithRemoteId().forEach(r -> remote.put(r.id(), r));
        Map<String, String> owners = jobs.runningOwners();
        Map<String, Boolean> gone = new HashMap<>();
        List<Attempt> resumed = new ArrayList<>();
        for (ImageJob job : jobs.inState(JobState.RUNNING)) {
            String previous = owners.get(job.id());
            if (!gone.computeIfAbsent(String.valueOf(previous), p -> owner.isGone(previous))) {
                LOG.debug("Job {} is running for a queue still open; left to it", job.id());
                continue;
            }
            JobStore.RemoteAttempt r = remote.get(job.id());
            Optional<Worker> worker = r == null ? Optional.empty() : registry.find(r.worker())
                    .filter(w -> w.kind() != WorkerKind.CHAT && registry.calls().images(w.flavour()).canResume());
            String message = worker.map(w -> "reattached to " + w.name() + " after restart")
                    .orElse(REQUEUED_AFTER_RESTART);
            if (!jobs.takeOver(job.id(), previous, owner.name(), message, now)) {
                continue;
            }
            if (worker.isPresent()) {
                resumed.add(newAttempt(job.id(), worker.get(), job.request(), job.attempts(), r.remoteId()));
                LOG.info("Job {} was running on {} at the last exit; following its prompt {} again", job.id(),
                        worker.get().name(), r.remoteId());
            } else if (job.attempts() >= config.maxAttempts()) {
                jobs.finish(job.id(), JobState.RUNNING, JobState.FAILED, "interrupted by a restart on its last "
                        + "attempt (" + job.attempts() + " of " + config.maxAttempts() + ")", now);
                LOG.warn("Job {} was running at the last exit on its last attempt; failed", job.id());
            } else {
                jobs.requeue(job.id(), REQUEUED_AFTER_RESTART, now);
                LOG.info("Job {} was running on {} at the last exit; queued again", job.id(), job.workerName());
            }
        }
        return resumed;
    }

    /** Rewrites the waiting message of queued jobs of a kind when what they wait for changed. */
    private void refreshWaiting(List<Worker> workers, Map<String, WorkerHealth> health) {
        Instant now = clock.instant();
        for (Set<WorkerCapability> needs : NEED_SETS) {
            String message = waitingMessage(needs, workers, health);
            if (message.equals(waiting.get(needs))) {
                continue;
            }
            waiting.put(needs, message);
            for (String id : jobs.refreshWaiting(needs, message, now)) {
                publish(id);
            }
        }
    }

    /** What a queued job is waiting for, given the enabled generation workers and their health. */
    static String waitingMessage(Set<WorkerCapability> needs, List<Worker> workers, Map<String, WorkerHealth> health) {
        if (workers.isEmpty()) {
            return NO_WORKERS;
        }
        List<Worker> fit = workers.stream().filter(w -> w.can(needs)).toList();
        boolean clip = needs.contains(WorkerCapability.VIDEO);
        if (fit.isEmpty()) {
            if (clip) {
                return "waiting for a worker that can make clips"
                        + (needs.contains(WorkerCapability.IMAGE_TO_IMAGE) ? " from a starting image" : "")
                        + " (none configured)";
            }
            return "waiting for an image worker that can do image-to-image (none configured)";
        }
        long healthy = fit.stream().filter(w -> isHealthy(w, health)).count();
        if (healthy == 0) {
            return "waiting for a healthy " + (clip ? "video" : "image") + " worker (0 of " + fit.size()
                    + " healthy)";
        }
        return "queued";
    }

    private void publish(String id) {
        if (!listeners.isEmpty()) {
            jobs.find(id).ifPresent(this::publish);
        }
    }

    private void publish(ImageJob job) {
        for (Consumer<ImageJob> l : listeners) {
            try {
                l.accept(job);
            } catch (RuntimeException e) {
                LOG.warn("A generation job listener failed", e);
            }
        }
    }

    private void wake() {
        wake.release();
    }

    /** A change of the queued jobs in the database that the index follows only at {@link #endLocalChange()}. */
    private void beginLocalChange() {
        synchronized (lock) {
            localChanges++;
        }
    }

    private void endLocalChange() {
        synchronized (lock) {
            localChanges--;
        }
    }

    /** Jobs running on {@code worker}; called holding lock. */
    private int inFlight(Worker worker) {
        int n = 0;
        for (Attempt a : running.values()) {
            if (a.worker().name().equalsIgnoreCase(worker.name())) {
                n++;
            }
        }
        return n;
    }

    private void countFailure(Worker worker, Instant at) {
        synchronized (failures) {
            Deque<Instant> list = failures.computeIfAbsent(key(worker), k -> new ArrayDeque<>());
            list.addLast(at);
            while (list.size() > 1000) {
                list.removeFirst();
            }
        }
    }

    private int failuresSince(Worker worker, Instant since) {
        synchronized (failures) {
            Deque<Instant> list = failures.get(key(worker));
            if (list == null) {
                return 0;
            }
            list.removeIf(t -> t.isBefore(since));
            return list.size();
        }
    }

    private static String extension(String mediaType) {
        return switch (mediaType) {
            case "video/mp4" -> ".mp4";
            case "video/webm" -> ".webm";
            case "video/quicktime" -> ".mov";
            case "video/x-matroska" -> ".mkv";
            case "image/gif" -> ".gif";
            case "image/webp" -> ".webp";
            case "image/jpeg" -> ".jpg";
            default -> ".png";
        };
    }

    /** How many of {@code workers} have not been checked since start-up. */
    static int unchecked(List<Worker> workers, Map<String, WorkerHealth> health) {
        return (int) workers.stream().filter(w -> health.get(w.name()) == null
                || health.get(w.name()).status() == WorkerHealth.Status.UNKNOWN).count();
    }

    static boolean isHealthy(Worker w, Map<String, WorkerHealth> health) {
        WorkerHealth h = health.get(w.name());
        return h != null && h.isHealthy();
    }

    static String key(Worker w) {
        return w.name().toLowerCase(Locale.ROOT);
    }

    /** The capabilities a queue entry needs, as a set that {@link #NEED_SETS} holds. */
    static Set<WorkerCapability> needs(boolean video, boolean imageToImage) {
        EnumSet<WorkerCapability> out = EnumSet.of(video ? WorkerCapability.VIDEO : WorkerCapability.IMAGE);
        if (imageToImage) {
            out.add(WorkerCapability.IMAGE_TO_IMAGE);
        }
        return Set.copyOf(out);
    }

    private static void quietly(Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            LOG.debug("Ignored while finishing a job: {}", e.toString());
        }
    }
}
