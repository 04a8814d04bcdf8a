package dev.switchboard.studio.engine.ops;

import dev.switchboard.ai.AiUsage;
import dev.switchboard.ai.GpuFleet;
import dev.switchboard.ai.ImageService;
import dev.switchboard.ai.QueueView;
import dev.switchboard.ai.WorkerCapability;
import dev.switchboard.core.event.DomainEvent;
import dev.switchboard.core.event.EventBus;
import dev.switchboard.core.event.Subscription;
import dev.switchboard.core.settings.Settings;
import dev.switchboard.studio.model.ops.OpsSnapshot;
import dev.switchboard.studio.model.ops.ScalingDecision;
import dev.switchboard.studio.model.ops.StudioSettings;
import dev.switchboard.store.eventlog.EventLog;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Operations for the whole workstation, built once by the composition root: every few seconds it reads the GPU
 * workers, the queue, the AI usage ledger and the workstation's own figures into an {@link OpsSnapshot}, keeps
 * the last hour for the dashboard's charts, publishes them as Micrometer meters (scraped by the optional
 * Prometheus endpoint, which follows Settings), and lets the {@link AutoScaler} decide. Thread-safe.
 */
public final class OpsMonitor implements AutoCloseable {

    /** Samples kept for the charts: an hour at the default interval. */
    public static final int HISTORY = 720;

    private static final Logger LOG = LoggerFactory.getLogger(OpsMonitor.class);

    private final GpuFleet fleet;
    private final ImageService images;
    private final AiUsage usage;
    private final EventLog eventLog;
    private final Settings settings;
    private final AutoScaler scaler;
    private final Clock clock;
    private final Duration every;
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final AtomicReference<OpsSnapshot> latest = new AtomicReference<>();
    private final AtomicReference<ScalingDecision> lastDecision = new AtomicReference<>();
    private final Deque<OpsSnapshot> history = new ArrayDeque<>();
    private final List<Consumer<OpsSnapshot>> listeners = new CopyOnWriteArrayList<>();
    private final LongAdder busEvents = new LongAdder();
    private final Deque<long[]> rates = new ArrayDeque<>();
    private final MultiGauge workerUp;
    private final MultiGauge workerInFlight;
    private final MultiGauge workerJobs;
    private final MultiGauge workerFailures;
    private final MultiGauge queueDepth;
    private final MultiGauge tokensToday;
    private final Subscription busCount;
    private final ScheduledExecutorService sampler;
    private PrometheusEndpoint endpoint;
    private String endpointProblem = "";
    private boolean started;

    public OpsMonitor(GpuFleet fleet, ImageService images, AiUsage usage, EventLog eventLog, EventBus bus,
                      Settings settings, AutoScaler scaler, Clock clock, Duration every) {
        this.fleet = Objects.requireNonNull(fleet, "fleet");
        this.images = Objects.requireNonNull(images, "images");
        this.usage = usage;
        this.eventLog = eventLog;
        this.settings = Objects.requireNonNull(settings, "settings");
        this.scaler = scaler;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.every = Objects.requireNonNull(every, "every");
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new JvmGcMetrics().bindTo(registry);
        workerUp = MultiGauge.builder("switchboard.gpu.worker.up").description("1 when the worker's last health "
                + "check passed").register(registry);
        workerInFlight = MultiGauge.builder("switchboard.gpu.worker.jobs.running").register(registry);
        workerJobs = MultiGauge.builder("switchboard.gpu.worker.jobs.last.hour").register(registry);
        workerFailures = MultiGauge.builder("switchboard.gpu.worker.failures.last.hour").register(registry);
        queueDepth = MultiGauge.builder("switchboard.gpu.queue.depth").description("queued generation jobs by kind")
                .register(registry);
        tokensToday = MultiGauge.builder("switchboard.ai.tokens.today").register(registry);
        Gauge.builder("switchboard.gpu.queue.oldest.wait.seconds", latest,
                r -> r.get() == null ? 0 : r.get().oldestWait().toSeconds()).register(registry);
        Gauge.builder("switchboard.gpu.utilisation", latest, r -> r.get() == null ? 0 : r.get().utilisation())
                .register(registry);
        Gauge.builder("switchboard.eventlog.backlog", latest, r -> r.get() == null ? 0 : r.get().eventLogBacklog())
                .register(registry);
        Gauge.builder("switchboard.bus.events.per.minute", latest,
                r -> r.get() == null ? 0 : r.get().busEventsPerMinute()).register(registry);
        busCount = bus == null ? () -> { } : bus.subscribe(DomainEvent.class, e -> busEvents.increment());
        sampler = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("ops-sampler").daemon(true)
                .factory());
    }

    /** Starts sampling and applies the metrics endpoint's setting, now and whenever it changes. Idempotent. */
    public synchronized void start() {
        if (started) {
            return;
        }
        started = true;
        settings.addListener(key -> {
            if (key.startsWith("studio.metrics.")) {
                sampler.execute(this::applyEndpointSetting);
            }
        });
        sampler.execute(this::applyEndpointSetting);
        sampler.scheduleWithFixedDelay(() -> {
            try {
                sample();
            } catch (RuntimeException e) {
                LOG.warn("An operations sample failed", e);
            }
        }, 0, every.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Reads everything now, updates the meters, lets the auto-scaler decide and tells the listeners. */
    public OpsSnapshot sample() {
        Instant now = clock.instant();
        List<GpuFleet.WorkerStatus> workers = fleet.workers();
        QueueView q = images.queue();
        Duration oldest = q.entries().stream().map(QueueView.Entry::waited).max(Duration::compareTo)
                .orElse(Duration.ZERO);
        int running = workers.stream().mapToInt(GpuFleet.WorkerStatus::inFlight).sum();
        LocalDate today = LocalDate.ofInstant(now, clock.getZone());
        List<AiUsage.Day> days = usage == null ? List.of() : usage.days(today.minusDays(13), today);
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        long entries = eventLog == null ? 0 : eventLog.count();
        double[] perMinute = perMinute(now, busEvents.sum(), entries);
        OpsSnapshot s = new OpsSnapshot(now, workers, q.depth().getOrDefault(WorkerCapability.IMAGE, 0),
                q.depth().getOrDefault(WorkerCapability.VIDEO, 0), running, oldest, q.freeSlots(), days,
                heap.getUsed(), heap.getMax(), ManagementFactory.getThreadMXBean().getThreadCount(), perMinute[0],
                eventLog == null ? 0 : eventLog.backlog(), perMinute[1]);
        latest.set(s);
        synchronized (history) {
            history.addLast(s);
            while (history.size() > HISTORY) {
                history.removeFirst();
            }
        }
        updateMeters(s, today);
        if (scaler != null) {
            ScalingDecision d = scaler.evaluate(s);
            lastDecision.set(d);
            if (d.changedSomething()) {
                Counter.builder("switchboard.scaling.decisions").tag("direction", d.direction().name().toLowerCase(
                        java.util.Locale.ROOT)).register(registry).increment();
            }
        }
        for (Consumer<OpsSnapshot> l : listeners) {
            try {
                l.accept(s);
            } catch (RuntimeException e) {
                LOG.warn("An operations listener failed", e);
            }
        }
        return s;
    }

    public Optional<OpsSnapshot> latest() {
        return Optional.ofNullable(latest.get());
    }

    /** The samples of the last hour, oldest first. */
    public List<OpsSnapshot> history() {
        synchronized (history) {
            return new ArrayList<>(history);
        }
    }

    public Optional<ScalingDecision> lastDecision() {
        return Optional.ofNullable(lastDecision.get());
    }

    /** Calls {@code listener} with each sample, on the sampler's thread. */
    public Subscription onSample(Consumer<OpsSnapshot> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** The meters in the Prometheus text format. */
    public String scrape() {
        return registry.scrape();
    }

    public PrometheusMeterRegistry registry() {
        return registry;
    }

    /** The endpoint's URL while it listens. */
    public synchronized Optional<URI> endpoint() {
        return Optional.ofNullable(endpoint).map(PrometheusEndpoint::url);
    }

    /** Why the endpoint is off although Settings turned it on (e.g. the port is taken); empty otherwise. */
    public synchronized String endpointProblem() {
        return endpointProblem;
    }

    @Override
    public synchronized void close() {
        sampler.shutdownNow();
        busCount.close();
        if (endpoint != null) {
            endpoint.close();
            endpoint = null;
        }
        registry.close();
        listeners.clear();
    }

    private synchronized void applyEndpointSetting() {
        boolean on = settings.get(StudioSettings.PROMETHEUS_ENABLED);
        int port = settings.get(StudioSettings.PROMETHEUS_PORT);
        if (endpoint != null && (!on || endpoint.url().getPort() != port)) {
            endpoint.close();
            endpoint = null;
            LOG.info("Metrics endpoint closed");
        }
        endpointProblem = "";
        if (on && endpoint == null) {
            try {
                endpoint = PrometheusEndpoint.start(registry, port);
                LOG.info("Metrics endpoint listening on {}", endpoint.url());
            } catch (RuntimeException e) {
                endpointProblem = e.getMessage();
                LOG.warn("Metrics endpoint not started: {}", e.getMessage());
            }
        }
    }

    /** Bus events and event-log appends per minute over the last minute of samples. */
    private double[] perMinute(Instant now, long events, long entries) {
        synchronized (rates) {
            rates.addLast(new long[] {now.toEpochMilli(), events, entries});
            while (rates.size() > 2 && now.toEpochMilli() - rates.peekFirst()[0] > 60_000) {
                rates.removeFirst();
            }
            long[] first = rates.peekFirst();
            double minutes = (now.toEpochMilli() - first[0]) / 60_000.0;
            if (minutes <= 0) {
                return new double[] {0, 0};
            }
            return new double[] {(events - first[1]) / minutes, (entries - first[2]) / minutes};
        }
    }

    private void updateMeters(OpsSnapshot s, LocalDate today) {
        List<MultiGauge.Row<?>> up = new ArrayList<>();
        List<MultiGauge.Row<?>> inFlight = new ArrayList<>();
        List<MultiGauge.Row<?>> jobs = new ArrayList<>();
        List<MultiGauge.Row<?>> failures = new ArrayList<>();
        for (GpuFleet.WorkerStatus w : s.workers()) {
            Tags tags = Tags.of("worker", w.name(), "flavour", w.flavour());
            up.add(MultiGauge.Row.of(tags, w.health() == GpuFleet.Health.HEALTHY ? 1 : 0));
            inFlight.add(MultiGauge.Row.of(tags, w.inFlight()));
            jobs.add(MultiGauge.Row.of(tags, w.jobsLastHour()));
            failures.add(MultiGauge.Row.of(tags, w.failuresLastHour()));
        }
        workerUp.register(up, true);
        workerInFlight.register(inFlight, true);
        workerJobs.register(jobs, true);
        workerFailures.register(failures, true);
        queueDepth.register(List.of(MultiGauge.Row.of(Tags.of("kind", "image"), s.imagesQueued()),
                MultiGauge.Row.of(Tags.of("kind", "clip"), s.clipsQueued())), true);
        java.util.Map<Tags, Long> byProviderAndUse = new java.util.LinkedHashMap<>();
        s.usage().stream().filter(d -> d.day().equals(today)).forEach(d -> byProviderAndUse.merge(
                Tags.of("provider", d.provider(), "use", d.use().name().toLowerCase(java.util.Locale.ROOT)),
                d.tokensIn() + d.tokensOut(), Long::sum));
        List<MultiGauge.Row<?>> tokens = new ArrayList<>();
        byProviderAndUse.forEach((tags, n) -> tokens.add(MultiGauge.Row.of(tags, n)));
        tokensToday.register(tokens, true);
    }
}
