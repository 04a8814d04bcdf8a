package dev.switchboard.ai.engine.worker;

import dev.switchboard.ai.ImageJob;
import dev.switchboard.ai.JobState;
import dev.switchboard.ai.TestDatabases;
import dev.switchboard.store.DataDir;
import dev.switchboard.store.Database;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A temp-dir database, a registry and a pool on intervals of tens of milliseconds. */
final class Harness implements AutoCloseable {

    static final WorkerConfig FAST = new WorkerConfig(Duration.ofMillis(50), Duration.ofMillis(50),
            Duration.ofMillis(20), Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(20), 3);

    final Path dir;
    final Map<String, String> env = new ConcurrentHashMap<>();
    private final WorkerConfig config;
    Database db;
    WorkerRegistry registry;
    WorkerPool pool;

    Harness(Path dir) {
        this(dir, FAST);
    }

    Harness(Path dir, WorkerConfig config) {
        this.dir = dir;
        this.config = config;
        openRegistry();
        openPool();
    }

    /** Opens the database and a registry over it, without a pool. */
    void openRegistry() {
        db = TestDatabases.open(DataDir.of(dir));
        registry = new WorkerRegistry(db, config, Clock.systemUTC(), env::get);
    }

    void openPool() {
        pool = new WorkerPool(db, registry, images());
    }

    Path images() {
        return dir.resolve("studio/images");
    }

    Worker addComfy(String name, FakeComfyUi server, java.util.Set<dev.switchboard.ai.WorkerCapability> can) {
        return registry.add(Worker.image(name, server.url(), ApiFlavour.COMFYUI).withCapabilities(can));
    }

    Worker addA1111(String name, FakeServer server) {
        return registry.add(Worker.image(name, server.url(), ApiFlavour.A1111_TXT2IMG));
    }

    void awaitHealthy(String... names) {
        for (String name : names) {
            Eventually.until(name + " is healthy", () -> registry.health(name).isHealthy());
        }
    }

    ImageJob awaitState(String id, JobState state) {
        Eventually.until("job " + id + " is " + state,
                () -> pool.job(id).map(j -> j.state() == state).orElse(false));
        return pool.job(id).orElseThrow();
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.close();
            pool = null;
        }
        if (registry != null) {
            registry.close();
            registry = null;
        }
        if (db != null) {
            db.close();
            db = null;
        }
    }
}
