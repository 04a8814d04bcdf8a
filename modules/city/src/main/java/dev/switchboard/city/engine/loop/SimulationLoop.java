package dev.switchboard.city.engine.loop;

import dev.switchboard.city.engine.sim.CitySimulation;
import dev.switchboard.city.model.CitySnapshot;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ticks a {@link CitySimulation} on its own thread at a fixed wall-clock period and keeps only the
 * newest snapshot. The UI takes that snapshot once per frame ({@link #takeIfNew()}), so no frame ever
 * waits for the engine and no event is posted to the FX thread per sensor event.
 */
public final class SimulationLoop implements AutoCloseable {

    /** Wall time between ticks. */
    public static final Duration PERIOD = Duration.ofMillis(250);

    private static final Logger LOG = LoggerFactory.getLogger(SimulationLoop.class);

    private final CitySimulation simulation;
    private final ScheduledExecutorService thread;
    private final AtomicReference<CitySnapshot> latest = new AtomicReference<>();
    private final AtomicLong published = new AtomicLong();
    private final AtomicLong taken = new AtomicLong();
    private ScheduledFuture<?> running;
    private volatile Throwable failure;

    public SimulationLoop(CitySimulation simulation) {
        this.simulation = Objects.requireNonNull(simulation, "simulation");
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "city-sim");
            t.setDaemon(true);
            return t;
        });
        latest.set(simulation.latest());
        published.incrementAndGet();
    }

    public CitySimulation simulation() {
        return simulation;
    }

    /** Starts ticking; harmless when running. */
    public synchronized void play() {
        if (running == null) {
            running = thread.scheduleAtFixedRate(this::tickOnce, 0, PERIOD.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** Stops ticking after the current tick; the last snapshot stays available. */
    public synchronized void pause() {
        if (running != null) {
            running.cancel(false);
            running = null;
        }
    }

    public synchronized boolean isPlaying() {
        return running != null;
    }

    /** The newest snapshot if it was not taken yet, else null; for the UI's per-frame pull. */
    public CitySnapshot takeIfNew() {
        long p = published.get();
        if (taken.get() == p) {
            return null;
        }
        taken.set(p);
        return latest.get();
    }

    /** The newest snapshot, taken or not. */
    public CitySnapshot latest() {
        return latest.get();
    }

    /** The error that stopped the loop, or null. */
    public Throwable failure() {
        return failure;
    }

    private void tickOnce() {
        try {
            latest.set(simulation.tick(PERIOD));
            published.incrementAndGet();
        } catch (RuntimeException e) {
            failure = e;
            LOG.error("The city simulation failed and was paused", e);
            pause();
        }
    }

    /** Stops the thread and closes the simulation (flushing its journal). */
    @Override
    public void close() {
        pause();
        thread.shutdown();
        try {
            thread.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        simulation.close();
    }
}
