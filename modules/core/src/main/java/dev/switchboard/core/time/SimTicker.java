package dev.switchboard.core.time;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drives a {@link SimClock} from its own thread at a fixed wall-clock period and tells listeners the
 * new simulated time after each tick. Listeners run on the ticker thread, never on the FX thread.
 */
public final class SimTicker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SimTicker.class);

    private final SimClock clock;
    private final Duration period;
    private final List<Consumer<SimTime>> listeners = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService thread;
    private ScheduledFuture<?> running;
    private long lastNanos;

    public SimTicker(SimClock clock, Duration period) {
        this.clock = Objects.requireNonNull(clock, "clock");
        if (period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("Tick period must be positive: " + period);
        }
        this.period = period;
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "sim-ticker");
            t.setDaemon(true);
            return t;
        });
    }

    /** Adds a listener called after every tick on the ticker thread. */
    public void addListener(Consumer<SimTime> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    public void removeListener(Consumer<SimTime> listener) {
        listeners.remove(listener);
    }

    /** Starts ticking; harmless when already started. */
    public synchronized void start() {
        if (running != null) {
            return;
        }
        lastNanos = System.nanoTime();
        running = thread.scheduleAtFixedRate(this::tickOnce, period.toNanos(), period.toNanos(),
                TimeUnit.NANOSECONDS);
    }

    /** Stops ticking; simulated time stays where it is. */
    public synchronized void stop() {
        if (running != null) {
            running.cancel(false);
            running = null;
        }
    }

    private void tickOnce() {
        long nowNanos = System.nanoTime();
        SimTime now = clock.tick(Duration.ofNanos(nowNanos - lastNanos));
        lastNanos = nowNanos;
        for (Consumer<SimTime> listener : listeners) {
            try {
                listener.accept(now);
            } catch (RuntimeException e) {
                LOG.error("Tick listener failed at {}", now, e);
            }
        }
    }

    @Override
    public void close() {
        stop();
        thread.shutdownNow();
    }
}
