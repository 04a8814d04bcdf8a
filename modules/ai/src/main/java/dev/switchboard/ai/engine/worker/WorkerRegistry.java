package dev.switchboard.ai.engine.worker;

import dev.switchboard.core.error.InputException;
import dev.switchboard.core.event.Subscription;
import dev.switchboard.store.Database;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The GPU workers registered on this workstation (table {@code gpu_worker}) and their health.
 *
 * <p>Health is kept in memory: after start-up every worker is {@code UNKNOWN} until checked. Once
 * {@link #startHealthChecks()} is called, enabled workers are checked every
 * {@link WorkerConfig#healthInterval()} (OpenAI flavours {@code GET /v1/models}, Automatic1111
 * {@code GET /sdapi/v1/sd-models}, ComfyUI {@code GET /system_stats}) and right after being added or changed;
 * {@link #check(String)} checks
 * one on demand. One failed check, or one job the worker dropped, makes it {@code UNHEALTHY}; one passed
 * check makes it {@code HEALTHY} again. A check that was under way when a job reported the worker dead
 * is discarded, so a stale "healthy" cannot undo that report.
 *
 * <p>Thread-safe. Close the {@link WorkerPool} that uses a registry before the registry.
 */
public final class WorkerRegistry implements AutoCloseable {

    private static final long LIST_FRESH_NANOS = TimeUnit.SECONDS.toNanos(1);

    private static final Logger LOG = LoggerFactory.getLogger(WorkerRegistry.class);

    private final WorkerStore store;
    private final WorkerConfig config;
    private final Clock clock;
    private final WorkerCalls calls;
    private final Map<String, Tracked> states = new ConcurrentHashMap<>();
    private final AtomicLong epochs = new AtomicLong();
    private final List<Consumer<WorkerHealth>> listeners = new CopyOnWriteArrayList<>();
    private final List<Runnable> changeHooks = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService scheduler;
    private final ExecutorService checks;
    private final AtomicBoolean started = new AtomicBoolean();
    private volatile boolean closed;
    private volatile Listed listed;

    /** A registry over {@code db} with keys read from the process environment and the system clock. */
    public WorkerRegistry(Database db, WorkerConfig config) {
        this(db, config, Clock.systemUTC(), System::getenv);
    }

    /**
     * @param env looks up the environment variables that {@link Worker#apiKeyRef()} names
     */
    public WorkerRegistry(Database db, WorkerConfig config, Clock clock, Function<String, String> env) {
        this.store = new WorkerStore(Objects.requireNonNull(db, "db").jdbi());
        this.config = Objects.requireNonNull(config, "config");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.calls = new WorkerCalls(config, Objects.requireNonNull(env, "env"));
        this.scheduler = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("worker-health").daemon(true).factory());
        this.checks = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("worker-check-", 0).factory());
    }

    public WorkerConfig config() {
        return config;
    }

    /**
     * Registers a worker.
     *
     * @throws InputException naming the field {@code name} when a worker of that name exists
     */
    public Worker add(Worker worker) {
        Objects.requireNonNull(worker, "worker");
        try {
            store.insert(worker, clock.instant());
        } finally {
            listed = null;
        }
        reset(worker);
        LOG.info("Added {} worker {} ({}, {})", worker.kind(), worker.name(), worker.flavour(), worker.baseUrl());
        changed();
        checkSoon(worker);
        return worker;
    }

    /**
     * Replaces the worker of the same name; its health starts over.
     *
     * @throws InputException naming the field {@code name} when there is no such worker
     */
    public Worker update(Worker worker) {
        Objects.requireNonNull(worker, "worker");
        boolean updated = store.update(worker, clock.instant());
        listed = null;
        if (!updated) {
            throw noSuchWorker(worker.name());
        }
        reset(worker);
        LOG.info("Updated worker {} ({}, {}, enabled {})", worker.name(), worker.flavour(), worker.baseUrl(),
                worker.enabled());
        changed();
        checkSoon(worker);
        return worker;
    }

    /**
     * Removes a worker. A job running on it finishes there; nothing new is sent to it.
     *
     * @throws InputException naming the field {@code name} when there is no such worker
     */
    public void remove(String name) {
        boolean deleted = name != null && store.delete(name);
        listed = null;
        if (!deleted) {
            throw noSuchWorker(name);
        }
        states.remove(key(name));
        LOG.info("Removed worker {}", name);
        changed();
    }

    /**
     * Every registered worker, by name. Read from the database at most once a second (the dispatcher asks on
     * every job); this registry's own changes show at once, another process's within that second.
     */
    public List<Worker> list() {
        Listed l = listed;
        long now = System.nanoTime();
        if (l == null || now - l.readAtNanos() > LIST_FRESH_NANOS) {
            l = new Listed(List.copyOf(store.list()), now);
            listed = l;
        }
        return l.workers();
    }

    /** The registered workers as last read, and when. */
    private record Listed(List<Worker> workers, long readAtNanos) {
    }

    /** The worker of that name, ignoring case. */
    public Optional<Worker> find(String name) {
        return store.find(name);
    }

    /** The latest health of a worker; {@code UNKNOWN} when not checked yet or not registered. */
    public WorkerHealth health(String name) {
        Tracked t = states.get(key(name));
        return t != null ? t.health() : WorkerHealth.unknown(name, "not checked yet");
    }

    /** The latest health of every registered worker, by name. */
    public Map<String, WorkerHealth> health() {
        Map<String, WorkerHealth> out = new LinkedHashMap<>();
        for (Worker w : list()) {
            Tracked t = states.get(key(w.name()));
            out.put(w.name(), t != null ? t.health() : initial(w));
        }
        return out;
    }

    /**
     * Checks one worker now, enabled or not, on the calling thread (blocks up to the check timeout).
     *
     * @throws InputException naming the field {@code name} when there is no such worker
     */
    public WorkerHealth check(String name) {
        Worker worker = find(name).orElseThrow(() -> noSuchWorker(name));
        return runCheck(worker);
    }

    /**
     * Calls {@code listener} when a worker's status changes (HEALTHY, UNHEALTHY, UNKNOWN), on a background
     * thread; it must return quickly.
     */
    public Subscription onStatusChange(Consumer<WorkerHealth> listener) {
        Objects.requireNonNull(listener, "listener");
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** Starts the periodic checks, the first round at once. Idempotent. */
    public void startHealthChecks() {
        if (closed) {
            throw new IllegalStateException("The worker registry is closed");
        }
        if (started.compareAndSet(false, true)) {
            long every = config.healthInterval().toMillis();
            scheduler.scheduleWithFixedDelay(this::checkAll, 0, Math.max(1, every), TimeUnit.MILLISECONDS);
        }
    }

    /** Stops the checks and aborts calls in flight. Idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        scheduler.shutdownNow();
        checks.shutdownNow();
        try {
            scheduler.awaitTermination(2, TimeUnit.SECONDS);
            checks.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        calls.close();
        listeners.clear();
        changeHooks.clear();
    }

    // Package-private: the pool's side.

    WorkerCalls calls() {
        return calls;
    }

    /** Enabled workers of {@code kind}, by name. */
    List<Worker> enabled(WorkerKind kind) {
        List<Worker> out = new ArrayList<>();
        for (Worker w : list()) {
            if (w.enabled() && w.kind() == kind) {
                out.add(w);
            }
        }
        return out;
    }

    /** Enabled workers the queue sends jobs to (image and video workers that make something), by name. */
    List<Worker> generators() {
        List<Worker> out = new ArrayList<>();
        for (Worker w : list()) {
            if (w.enabled() && w.generates()) {
                out.add(w);
            }
        }
        return out;
    }

    /** A job found the worker dead: unhealthy now, and checks already under way are discarded. */
    void reportFailure(Worker worker, String reason) {
        String key = key(worker.name());
        Instant at = clock.instant();
        AtomicReference<WorkerHealth> before = new AtomicReference<>();
        Tracked after = states.compute(key, (k, old) -> {
            WorkerHealth prev = old != null ? old.health() : initial(worker);
            before.set(prev);
            return new Tracked(new WorkerHealth(worker.name(), WorkerHealth.Status.UNHEALTHY, reason,
                    prev.consecutiveFailures() + 1, at, Duration.ZERO, prev.models()), epochs.incrementAndGet());
        });
        LOG.warn("Worker {} failed a job: {}", worker.name(), reason);
        announce(before.get(), after.health());
    }

    /** Calls {@code hook} after any change: a worker added, changed or removed, or a status change. */
    Subscription onAnyChange(Runnable hook) {
        changeHooks.add(hook);
        return () -> changeHooks.remove(hook);
    }

    private WorkerHealth runCheck(Worker worker) {
        String key = key(worker.name());
        long epoch = states.computeIfAbsent(key, k -> new Tracked(initial(worker), epochs.incrementAndGet())).epoch();
        Instant at = clock.instant();
        long start = System.nanoTime();
        UnaryOperator<WorkerHealth> next;
        try {
            List<String> models = calls.probe(worker);
            Duration latency = Duration.ofNanos(System.nanoTime() - start);
            next = prev -> new WorkerHealth(worker.name(), WorkerHealth.Status.HEALTHY, "", 0, at, latency, models);
        } catch (WorkerFailure f) {
            if (f.blame() == WorkerFailure.Blame.CANCELLED) {
                return health(worker.name());
            }
            next = prev -> new WorkerHealth(worker.name(), WorkerHealth.Status.UNHEALTHY, f.reason(),
                    prev.consecutiveFailures() + 1, at, Duration.ZERO, prev.models());
        }
        AtomicReference<WorkerHealth> before = new AtomicReference<>();
        UnaryOperator<WorkerHealth> update = next;
        Tracked after = states.compute(key, (k, old) -> {
            if (old == null || old.epoch() != epoch) {
                return old; // removed, changed or reported dead meanwhile: this result is stale
            }
            before.set(old.health());
            return new Tracked(update.apply(old.health()), epoch);
        });
        if (before.get() == null) {
            return after != null ? after.health() : WorkerHealth.unknown(worker.name(), "removed");
        }
        announce(before.get(), after.health());
        return after.health();
    }

    private void checkAll() {
        if (closed) {
            return;
        }
        try {
            List<Future<WorkerHealth>> running = new ArrayList<>();
            for (Worker w : list()) {
                if (w.enabled()) {
                    running.add(checks.submit(() -> runCheck(w)));
                }
            }
            long waitMs = config.connectTimeout().plus(config.checkTimeout()).toMillis() + 1000;
            for (Future<WorkerHealth> f : running) {
                f.get(waitMs, TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RejectedExecutionException e) {
            LOG.debug("Health checks stopped: the registry is closing");
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            // Keep the schedule alive whatever happened to one round.
            LOG.warn("A health-check round failed: {}", e.toString());
        }
    }

    private void checkSoon(Worker worker) {
        if (!started.get() || closed || !worker.enabled()) {
            return;
        }
        try {
            checks.execute(() -> {
                try {
                    runCheck(worker);
                } catch (RuntimeException e) {
                    LOG.warn("Checking worker {} failed: {}", worker.name(), e.toString());
                }
            });
        } catch (RejectedExecutionException e) {
            LOG.debug("Not checking {}: the registry is closing", worker.name());
        }
    }

    /** Health starts over after an add or an update; a check still running for the old settings is discarded. */
    private void reset(Worker worker) {
        WorkerHealth fresh = initial(worker);
        Tracked old = states.put(key(worker.name()), new Tracked(fresh, epochs.incrementAndGet()));
        announce(old != null ? old.health() : null, fresh);
    }

    private void announce(WorkerHealth before, WorkerHealth after) {
        if (before != null && before.status() == after.status()) {
            return;
        }
        if (before != null || after.status() != WorkerHealth.Status.UNKNOWN) {
            LOG.info("Worker {} is now {}", after.worker(), after.summary());
        }
        for (Consumer<WorkerHealth> l : listeners) {
            try {
                l.accept(after);
            } catch (RuntimeException e) {
                LOG.warn("A worker status listener failed", e);
            }
        }
        changed();
    }

    private void changed() {
        for (Runnable hook : changeHooks) {
            try {
                hook.run();
            } catch (RuntimeException e) {
                LOG.warn("A worker change hook failed", e);
            }
        }
    }

    private static WorkerHealth initial(Worker worker) {
        return WorkerHealth.unknown(worker.name(), worker.enabled() ? "not checked yet" : "disabled");
    }

    private static InputException noSuchWorker(String name) {
        return InputException.field("name", "no worker named '" + name + "'");
    }

    private static String key(String name) {
        return name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
    }

    /** A worker's health and the epoch a check must still match to overwrite it. */
    private record Tracked(WorkerHealth health, long epoch) {
    }
}
