package dev.switchboard.ai.engine.worker;

import dev.switchboard.ai.ImageJob;
import dev.switchboard.ai.ImageRequest;
import dev.switchboard.ai.ImageResult;
import dev.switchboard.ai.ImageService;
import dev.switchboard.ai.JobState;
import dev.switchboard.ai.Provenance;
import dev.switchboard.core.event.Subscription;
import dev.switchboard.core.id.Ids;
import dev.switchboard.store.Database;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
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
 * The image job queue over the registry's {@code IMAGE} workers: {@link ImageService} as the rest of the
 * program sees it. Jobs live in the {@code gpu_job} table and finished images as files under the folder
 * given to the constructor.
 *
 * <p>One dispatcher thread picks jobs ({@link JobPicker}: priority, then users in turn) and sends each to
 * the least loaded healthy worker that fits; each attempt runs on its own virtual thread. When a worker
 * fails an attempt (connection refused or dropped, timeout, HTTP 5xx, 401/403/404, nonsense answer) it is
 * marked unhealthy and the job is queued again, to run on another healthy worker, until
 * {@link WorkerConfig#maxAttempts()} attempts have been made; then it fails with the last reason. A request
 * the worker refuses as invalid (HTTP 400/422) fails at once.
 *
 * <p><b>Restart.</b> Both wire formats are synchronous HTTP: a worker gives no job id to come back to, so
 * an attempt cannot be reattached after the workstation stops. Jobs found {@code RUNNING} at construction
 * (left by {@link #close()} or a crash) are queued again with the message "requeued after restart" and run
 * from the start; the interrupted attempt counts as one (a job already on its last attempt fails instead).
 * What the worker was drawing for it is lost. Queued jobs simply resume.
 *
 * <p>Thread-safe. Close before the registry.
 */
public final class WorkerPool implements ImageService, AutoCloseable {

    /** The message of a job waiting because no image worker is registered and enabled. */
    public static final String NO_WORKERS = "waiting for a healthy image worker (none configured)";
    /** The message of a job found running at start-up, queued again. */
    public static final String REQUEUED_AFTER_RESTART = "requeued after restart";

    private static final Logger LOG = LoggerFactory.getLogger(WorkerPool.class);

    private final WorkerRegistry registry;
    private final WorkerConfig config;
    private final JobStore jobs;
    private final ImageFiles files;
    private final Clock clock;
    private final Object lock = new Object();
    /** Attempts in flight by job id; guarded by lock. */
    private final Map<String, Attempt> running = new HashMap<>();
    /** When each user was last served, as a dispatch sequence number; guarded by lock. */
    private final Map<String, Long> lastServed = new HashMap<>();
    /** When each worker (lower-case name) was last given a job; guarded by lock. */
    private final Map<String, Long> lastUsed = new HashMap<>();
    private long sequence;
    private final List<Consumer<ImageJob>> listeners = new CopyOnWriteArrayList<>();
    private final Semaphore wake = new Semaphore(0);
    private final ExecutorService attemptThreads;
    private final Subscription registryHook;
    private final Thread dispatcher;
    private volatile boolean closed;

    /** A pool over {@code db} that keeps images in {@code imagesDir}, on the system clock. */
    public WorkerPool(Database db, WorkerRegistry registry, Path imagesDir) {
        this(db, registry, imagesDir, Clock.systemUTC());
    }

    /**
     * Requeues jobs left running by a previous run, starts the registry's health checks and the dispatcher.
     *
     * @param imagesDir where finished images are kept; created when missing
     */
    public WorkerPool(Database db, WorkerRegistry registry, Path imagesDir, Clock clock) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.config = registry.config();
        this.jobs = new JobStore(Objects.requireNonNull(db, "db").jdbi());
        this.files = new ImageFiles(Objects.requireNonNull(imagesDir, "imagesDir"));
        this.clock = Objects.requireNonNull(clock, "clock");
        recoverAfterRestart();
        this.attemptThreads = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("gpu-job-", 0).factory());
        this.registryHook = registry.onAnyChange(this::wake);
        registry.startHealthChecks();
        this.dispatcher = Thread.ofPlatform().name("gpu-dispatcher").daemon(true).unstarted(this::dispatchLoop);
        dispatcher.start();
    }

    @Override
    public ImageJob submit(ImageRequest request) {
        Objects.requireNonNull(request, "request");
        if (closed) {
            throw new IllegalStateException("The image queue is closed");
        }
        Instant now = clock.instant();
        String id = Ids.next(now.toEpochMilli());
        List<Worker> workers = registry.enabled(WorkerKind.IMAGE);
        jobs.insert(id, request, waitingMessage(request.imageToImage(), workers, registry.health()), now);
        ImageJob job = jobs.find(id).orElseThrow();
        LOG.info("Queued image job {} for {} (priority {}{})", id, request.requestedBy(), request.priority(),
                request.imageToImage() ? ", image-to-image" : "");
        publish(job);
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
            } else {
                attempt.cancel();
            }
        }
        if (attempt == null) {
            LOG.info("Cancelled queued image job {}", id);
            publish(id);
            return true;
        }
        Worker worker = attempt.worker();
        registry.calls().images(worker.flavour()).interrupt(worker);
        attempt.abort();
        boolean done = jobs.finish(id, JobState.RUNNING, JobState.CANCELLED, "cancelled while running on "
                + worker.name(), clock.instant());
        if (done) {
            LOG.info("Cancelled image job {} running on {}", id, worker.name());
            publish(id);
        }
        return done;
    }

    @Override
    public Optional<ImageResult> result(String id) {
        if (id == null) {
            return Optional.empty();
        }
        return jobs.result(id).map(r -> new ImageResult(files.read(r.image()),
                new Provenance(Provenance.Source.ONLINE, r.worker(), r.model(), r.latency(), 0, 0, 0, "")));
    }

    @Override
    public Subscription onUpdate(Consumer<ImageJob> listener) {
        Objects.requireNonNull(listener, "listener");
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    @Override
    public Availability availability() {
        List<Worker> workers = registry.enabled(WorkerKind.IMAGE);
        Map<String, WorkerHealth> health = registry.health();
        int healthy = (int) workers.stream().filter(w -> isHealthy(w, health)).count();
        boolean imageToImage = workers.stream().anyMatch(w -> w.flavour().supportsImageToImage());
        return new Availability(workers.size(), healthy, imageToImage);
    }

    /**
     * Stops the dispatcher and abandons attempts in flight: their jobs stay {@code RUNNING} in the database
     * and are queued again by the next pool built over it. Idempotent.
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
        LOG.info("Closed the image queue; {} running job(s) will be queued again at the next start", inFlight.size());
    }

    // The dispatcher.

    private void dispatchLoop() {
        while (!closed) {
            try {
                dispatchRound();
            } catch (RuntimeException e) {
                if (!closed) {
                    LOG.warn("Dispatching image jobs failed; trying again shortly", e);
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
        List<Worker> workers = registry.enabled(WorkerKind.IMAGE);
        Map<String, WorkerHealth> health = registry.health();
        refreshWaiting(workers, health);
        List<Worker> healthy = workers.stream().filter(w -> isHealthy(w, health)).toList();
        if (healthy.isEmpty()) {
            return;
        }
        List<JobPicker.Candidate> queued = new ArrayList<>(jobs.queued());
        while (!queued.isEmpty()) {
            Attempt attempt;
            synchronized (lock) {
                if (closed) {
                    return;
                }
                List<JobPicker.Slot> slots = healthy.stream()
                        .map(w -> new JobPicker.Slot(w, inFlight(w), lastUsed.getOrDefault(key(w), 0L)))
                        .toList();
                Optional<JobPicker.Assignment> next = JobPicker.next(queued, slots, lastServed);
                if (next.isEmpty()) {
                    return;
                }
                queued.remove(next.get().job());
                attempt = claim(next.get());
            }
            if (attempt != null) {
                launch(attempt);
            }
        }
    }

    /** Marks the job running on the worker; null when it was cancelled meanwhile. Called holding lock. */
    private Attempt claim(JobPicker.Assignment assignment) {
        String id = assignment.job().id();
        Worker worker = assignment.worker();
        if (!jobs.claim(id, worker.name(), "running on " + worker.name(), clock.instant())) {
            return null;
        }
        ImageJob job = jobs.find(id).orElseThrow();
        long seq = ++sequence;
        lastServed.put(assignment.job().user(), seq);
        lastUsed.put(key(worker), seq);
        Attempt attempt = new Attempt(id, worker, job.request(), job.attempts(), p -> progressed(id, p));
        running.put(id, attempt);
        return attempt;
    }

    private void launch(Attempt attempt) {
        LOG.info("Image job {} attempt {} on {}", attempt.jobId(), attempt.number(), attempt.worker().name());
        publish(attempt.jobId());
        try {
            attemptThreads.execute(() -> run(attempt));
        } catch (RejectedExecutionException e) {
            // Closing: the job stays RUNNING and is queued again at the next start.
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
            ImageClient.Generated image = registry.calls().images(worker.flavour()).generate(attempt);
            Duration latency = Duration.ofNanos(System.nanoTime() - start);
            if (!attempt.isCancelled() && !attempt.isAbandoned()) {
                keep(attempt, image, latency);
            }
        } catch (WorkerFailure f) {
            if (!attempt.isCancelled() && !attempt.isAbandoned()) {
                failed(attempt, f);
            }
        } catch (IOException | RuntimeException e) {
            if (!attempt.isAbandoned()) {
                LOG.error("Image job {} could not be finished", id, e);
                quietly(() -> jobs.finish(id, JobState.RUNNING, JobState.FAILED, "could not keep the image: "
                        + WorkerFailure.describe(e), clock.instant()));
            }
        } finally {
            synchronized (lock) {
                running.remove(id);
            }
            if (!attempt.isAbandoned()) {
                publish(id);
                wake();
            }
        }
    }

    private void keep(Attempt attempt, ImageClient.Generated image, Duration latency) throws IOException {
        JobStore.StoredImage file = files.write(attempt.jobId(), image.png());
        String message = "done on " + attempt.worker().name() + " in " + latency.toMillis() + " ms";
        if (jobs.succeed(attempt.jobId(), file, image.model(), latency, message, clock.instant())) {
            LOG.info("Image job {} {} ({} bytes)", attempt.jobId(), message, image.png().length);
        } else {
            files.delete(file); // cancelled while the image was on its way
        }
    }

    private void failed(Attempt attempt, WorkerFailure failure) {
        String id = attempt.jobId();
        Worker worker = attempt.worker();
        Instant now = clock.instant();
        switch (failure.blame()) {
            case REQUEST -> {
                LOG.warn("Image job {} refused by {}: {}", id, worker.name(), failure.reason());
                jobs.finish(id, JobState.RUNNING, JobState.FAILED, "refused by " + worker.name() + ": "
                        + failure.reason(), now);
                return;
            }
            case WORKER -> registry.reportFailure(worker, failure.reason());
            case BUSY, CANCELLED -> {
                // Not the worker's health: just try again.
            }
        }
        if (attempt.number() >= config.maxAttempts()) {
            LOG.warn("Image job {} failed after {} attempts: {} on {}", id, attempt.number(), failure.reason(),
                    worker.name());
            jobs.finish(id, JobState.RUNNING, JobState.FAILED, "failed after " + attempt.number()
                    + " attempts; last: " + worker.name() + ": " + failure.reason(), now);
        } else {
            LOG.info("Image job {} goes back to the queue: {} failed ({})", id, worker.name(), failure.reason());
            jobs.requeue(id, "retrying after " + worker.name() + " failed: " + failure.reason(), now);
        }
    }

    private void progressed(String id, double progress) {
        if (jobs.progress(id, progress, clock.instant())) {
            publish(id);
        }
    }

    // Start-up, messages, listeners.

    private void recoverAfterRestart() {
        Instant now = clock.instant();
        for (ImageJob job : jobs.inState(JobState.RUNNING)) {
            if (job.attempts() >= config.maxAttempts()) {
                jobs.finish(job.id(), JobState.RUNNING, JobState.FAILED, "interrupted by a restart on its last "
                        + "attempt (" + job.attempts() + " of " + config.maxAttempts() + ")", now);
                LOG.warn("Image job {} was running at the last exit on its last attempt; failed", job.id());
            } else {
                jobs.requeue(job.id(), REQUEUED_AFTER_RESTART, now);
                LOG.info("Image job {} was running on {} at the last exit; queued again", job.id(), job.workerName());
            }
        }
    }

    private void refreshWaiting(List<Worker> workers, Map<String, WorkerHealth> health) {
        Instant now = clock.instant();
        for (boolean imageToImage : new boolean[] {false, true}) {
            String message = waitingMessage(imageToImage, workers, health);
            for (String id : jobs.refreshWaiting(imageToImage, message, now)) {
                publish(id);
            }
        }
    }

    /** What a queued job is waiting for, given the enabled image workers and their health. */
    static String waitingMessage(boolean imageToImage, List<Worker> workers, Map<String, WorkerHealth> health) {
        if (workers.isEmpty()) {
            return NO_WORKERS;
        }
        List<Worker> fit = imageToImage
                ? workers.stream().filter(w -> w.flavour().supportsImageToImage()).toList()
                : workers;
        if (fit.isEmpty()) {
            return "waiting for an image worker that can do image-to-image (none configured)";
        }
        long healthy = fit.stream().filter(w -> isHealthy(w, health)).count();
        if (healthy == 0) {
            return "waiting for a healthy image worker (0 of " + fit.size() + " healthy)";
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
                LOG.warn("An image job listener failed", e);
            }
        }
    }

    private void wake() {
        wake.release();
    }

    private int inFlight(Worker worker) {
        int n = 0;
        for (Attempt a : running.values()) {
            if (a.worker().name().equalsIgnoreCase(worker.name())) {
                n++;
            }
        }
        return n;
    }

    private static boolean isHealthy(Worker w, Map<String, WorkerHealth> health) {
        WorkerHealth h = health.get(w.name());
        return h != null && h.isHealthy();
    }

    private static String key(Worker w) {
        return w.name().toLowerCase(Locale.ROOT);
    }

    private static void quietly(Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            LOG.debug("Ignored while finishing a job: {}", e.toString());
        }
    }
}
