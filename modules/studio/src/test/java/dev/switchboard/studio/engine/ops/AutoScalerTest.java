package dev.switchboard.studio.engine.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.switchboard.ai.ImageRequest;
import dev.switchboard.ai.engine.worker.ApiFlavour;
import dev.switchboard.ai.engine.worker.DemoWorker;
import dev.switchboard.ai.engine.worker.Worker;
import dev.switchboard.ai.engine.worker.WorkerConfig;
import dev.switchboard.ai.engine.worker.WorkerPool;
import dev.switchboard.ai.engine.worker.WorkerRegistry;
import dev.switchboard.core.settings.Settings;
import dev.switchboard.store.DataDir;
import dev.switchboard.store.Database;
import dev.switchboard.store.SqliteSettingsStore;
import dev.switchboard.studio.TestDatabases;
import dev.switchboard.studio.model.ops.ScalingDecision;
import dev.switchboard.studio.model.ops.ScalingPolicy;
import dev.switchboard.testkit.MutableClock;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HPA-style policy against a real queue and registry with demo workers on loopback; time is a test clock, so
 * the stabilisation window and the cool-down are stepped over, not waited for.
 */
class AutoScalerTest {

    private static final WorkerConfig FAST = new WorkerConfig(Duration.ofMillis(50), Duration.ofMillis(50),
            Duration.ofMillis(20), Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(30), 3);

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2025-04-01T09:00:00Z"), ZoneOffset.UTC);
    private DemoWorker gpu;
    private Database db;
    private WorkerRegistry registry;
    private WorkerPool pool;
    private OpsMonitor monitor;
    private ScalingPolicy policy;

    @BeforeEach
    void open() {
        gpu = DemoWorker.start(Duration.ofMillis(20));
        db = TestDatabases.open(DataDir.of(dir));
        registry = new WorkerRegistry(db, FAST);
        pool = new WorkerPool(db, registry, dir.resolve("images"));
        policy = new ScalingPolicy(true, 3, Duration.ofMinutes(5), 0, Duration.ofSeconds(60), Duration.ofSeconds(90),
                0, 3, ScalingPolicy.Action.STANDBY_WORKERS, "", null);
    }

    @AfterEach
    void close() {
        if (monitor != null) {
            monitor.close();
        }
        pool.close();
        registry.close();
        db.close();
        gpu.close();
    }

    private OpsMonitor monitor(ScalingAction.Factory actions) {
        Settings settings = new Settings(new SqliteSettingsStore(db));
        AutoScaler scaler = new AutoScaler(() -> policy, actions, new ScalingLog(db.jdbi()), clock);
        return new OpsMonitor(pool, pool, null, null, null, settings, scaler, clock, Duration.ofSeconds(5));
    }

    @Test
    void aDeepQueueSwitchesAStandbyWorkerOnAndAnEmptyOneSwitchesItOffAfterTheWindow() throws Exception {
        // Only a standby worker, switched off: the queue cannot drain until the policy switches it on.
        registry.add(Worker.image("gpu-standby", gpu.url(), ApiFlavour.A1111_TXT2IMG).withStandby(true)
                .withEnabled(false));
        for (int i = 0; i < 5; i++) {
            pool.submit(new ImageRequest("queued " + i, "", 64, 64, 5, 1, null, "ann", 5));
        }
        monitor = monitor(ScalingAction.Factory.standard(pool));

        ScalingDecision up = decide();

        assertThat(up.direction()).isEqualTo(ScalingDecision.Direction.UP);
        assertThat(up.target()).isEqualTo("gpu-standby");
        assertThat(up.reason()).contains("jobs queued ≥ 3");
        assertThat(registry.find("gpu-standby").orElseThrow().enabled()).isTrue();
        clock.advance(Duration.ofSeconds(10));
        assertThat(decide().outcome()).startsWith("cooling down");

        await(() -> pool.queue().entries().isEmpty() && pool.workers().stream().allMatch(w -> w.inFlight() == 0));
        clock.advance(Duration.ofSeconds(100));
        ScalingDecision waiting = decide();
        assertThat(waiting.direction()).isEqualTo(ScalingDecision.Direction.HOLD);
        assertThat(waiting.outcome()).isEqualTo("scale-down after 60 s");
        clock.advance(Duration.ofSeconds(61));
        ScalingDecision down = decide();

        assertThat(down.direction()).isEqualTo(ScalingDecision.Direction.DOWN);
        assertThat(down.target()).isEqualTo("gpu-standby");
        assertThat(registry.find("gpu-standby").orElseThrow().enabled()).isFalse();
        clock.advance(Duration.ofMinutes(5));
        assertThat(decide().outcome()).isEqualTo("at the minimum of 0 enabled workers");
        assertThat(new ScalingLog(db.jdbi()).newest(10)).extracting(ScalingDecision::direction)
                .containsExactly(ScalingDecision.Direction.DOWN, ScalingDecision.Direction.UP);
    }

    @Test
    void aPolicyThatIsOffSaysWhatItWouldDo() {
        registry.add(Worker.image("gpu-standby", gpu.url(), ApiFlavour.A1111_TXT2IMG).withStandby(true)
                .withEnabled(false));
        for (int i = 0; i < 3; i++) {
            pool.submit(new ImageRequest("queued " + i, "", 64, 64, 20, 1, null, "ann", 5));
        }
        policy = policy.withEnabled(false);
        monitor = monitor(ScalingAction.Factory.standard(pool));

        ScalingDecision d = decide();

        assertThat(d.direction()).isEqualTo(ScalingDecision.Direction.HOLD);
        assertThat(d.outcome()).isEqualTo("policy off: would scale up (gpu-standby)");
        assertThat(registry.find("gpu-standby").orElseThrow().enabled()).isFalse();
    }

    @Test
    void aWebhookIsCalledWithTheFigures() throws Exception {
        List<String> bodies = new CopyOnWriteArrayList<>();
        HttpServer hook = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        hook.createContext("/scale", x -> {
            bodies.add(new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            x.sendResponseHeaders(204, -1);
            x.close();
        });
        hook.start();
        try {
            policy = new ScalingPolicy(true, 2, Duration.ofMinutes(5), 0, Duration.ofSeconds(60),
                    Duration.ofSeconds(90), 0, 3, ScalingPolicy.Action.WEBHOOK, "",
                    URI.create("http://127.0.0.1:" + hook.getAddress().getPort() + "/scale"));
            pool.submit(ImageRequest.textToImage("one", "ann"));
            pool.submit(ImageRequest.textToImage("two", "bob"));
            monitor = monitor(ScalingAction.Factory.standard(pool));

            ScalingDecision d = decide();

            assertThat(d.direction()).isEqualTo(ScalingDecision.Direction.UP);
            assertThat(d.outcome()).isEqualTo("HTTP 204");
            assertThat(bodies).singleElement().asString().contains("\"direction\":\"up\"")
                    .contains("\"queueDepth\":2");
        } finally {
            hook.stop(0);
        }
    }

    @Test
    void aCommandRunsWithTheDirectionAndItsFailureIsReported() throws Exception {
        Path script = dir.resolve("scale.sh");
        Path out = dir.resolve("scaled.txt");
        Files.writeString(script, "#!/bin/sh\necho \"$1 $SWITCHBOARD_QUEUE_DEPTH\" >> " + out + "\n");
        script.toFile().setExecutable(true);
        policy = new ScalingPolicy(true, 1, Duration.ofMinutes(5), 0, Duration.ofSeconds(60), Duration.ZERO, 0, 3,
                ScalingPolicy.Action.COMMAND, script.toString(), null);
        pool.submit(ImageRequest.textToImage("one", "ann"));
        monitor = monitor(ScalingAction.Factory.standard(pool));

        assertThat(decide().outcome()).isEqualTo("exit 0");
        assertThat(Files.readString(out)).isEqualTo("up 1\n");

        policy = new ScalingPolicy(true, 1, Duration.ofMinutes(5), 0, Duration.ofSeconds(60), Duration.ZERO, 0, 3,
                ScalingPolicy.Action.COMMAND, dir.resolve("missing-program").toString(), null);
        assertThat(decide().outcome()).startsWith("failed: cannot run");
    }

    private ScalingDecision decide() {
        monitor.sample();
        return monitor.lastDecision().orElseThrow();
    }

    private static void await(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 20_000;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("gave up waiting");
            }
            Thread.sleep(20);
        }
    }
}
