package dev.switchboard.studio.engine.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.ai.ImageRequest;
import dev.switchboard.ai.engine.worker.ApiFlavour;
import dev.switchboard.ai.engine.worker.DemoWorker;
import dev.switchboard.ai.engine.worker.Worker;
import dev.switchboard.ai.engine.worker.WorkerConfig;
import dev.switchboard.ai.engine.worker.WorkerPool;
import dev.switchboard.ai.engine.worker.WorkerRegistry;
import dev.switchboard.core.error.SwitchboardException;
import dev.switchboard.core.event.EventBus;
import dev.switchboard.core.settings.Settings;
import dev.switchboard.store.DataDir;
import dev.switchboard.store.Database;
import dev.switchboard.store.SqliteSettingsStore;
import dev.switchboard.studio.TestDatabases;
import dev.switchboard.studio.model.ops.OpsSnapshot;
import dev.switchboard.studio.model.ops.StudioSettings;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OpsMonitorTest {

    @TempDir
    Path dir;

    @Test
    void theSnapshotAndTheMetersDescribeWorkersAndQueueAndTheEndpointFollowsSettings() throws Exception {
        try (DemoWorker gpu = DemoWorker.start(Duration.ofMillis(100));
             Database db = TestDatabases.open(DataDir.of(dir))) {
            WorkerConfig config = WorkerConfig.defaults().withHealthInterval(Duration.ofMillis(50));
            try (WorkerRegistry registry = new WorkerRegistry(db, config);
                 WorkerPool pool = new WorkerPool(db, registry, dir.resolve("images"))) {
                registry.add(Worker.image("demo", gpu.url(), ApiFlavour.A1111_TXT2IMG).withNote(DemoWorker.NOTE)
                        .withEnabled(false));
                for (int i = 0; i < 3; i++) {
                    pool.submit(ImageRequest.textToImage("job " + i, "ann"));
                }
                Settings settings = new Settings(new SqliteSettingsStore(db));
                EventBus bus = new EventBus();
                try (OpsMonitor monitor = new OpsMonitor(pool, pool, null, null, bus, settings, null,
                        Clock.systemUTC(), Duration.ofHours(1))) {
                    OpsSnapshot s = monitor.sample();

                    assertThat(s.imagesQueued()).isEqualTo(3);
                    assertThat(s.workers()).singleElement().satisfies(w -> {
                        assertThat(w.note()).isEqualTo(DemoWorker.NOTE);
                        assertThat(w.enabled()).isFalse();
                    });
                    assertThat(s.heapUsedBytes()).isPositive();
                    String scrape = monitor.scrape();
                    assertThat(scrape).contains("switchboard_gpu_queue_depth{kind=\"image\"} 3.0")
                            .contains("switchboard_gpu_worker_up{flavour=\"a1111\",worker=\"demo\"} 0.0")
                            .contains("jvm_memory_used_bytes");

                    int port;
                    try (ServerSocket free = new ServerSocket(0)) {
                        port = free.getLocalPort();
                    }
                    settings.set(StudioSettings.PROMETHEUS_PORT, port);
                    settings.set(StudioSettings.PROMETHEUS_ENABLED, true);
                    monitor.start();
                    long deadline = System.currentTimeMillis() + 10_000;
                    while (monitor.endpoint().isEmpty() && System.currentTimeMillis() < deadline) {
                        Thread.sleep(20);
                    }
                    URI url = monitor.endpoint().orElseThrow();
                    assertThat(url.getHost()).isEqualTo("127.0.0.1");
                    HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(url).build(),
                            HttpResponse.BodyHandlers.ofString());
                    assertThat(r.statusCode()).isEqualTo(200);
                    assertThat(r.body()).contains("switchboard_gpu_queue_depth");

                    settings.set(StudioSettings.PROMETHEUS_ENABLED, false);
                    deadline = System.currentTimeMillis() + 10_000;
                    while (monitor.endpoint().isPresent() && System.currentTimeMillis() < deadline) {
                        Thread.sleep(20);
                    }
                    assertThat(monitor.endpoint()).isEmpty();
                }
                bus.close();
            }
        }
    }

    @Test
    void aTakenPortIsReportedNotThrownAtStartUp() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            assertThatThrownBy(() -> PrometheusEndpoint.start(
                    new io.micrometer.prometheusmetrics.PrometheusMeterRegistry(
                            io.micrometer.prometheusmetrics.PrometheusConfig.DEFAULT), taken.getLocalPort()))
                    .isInstanceOf(SwitchboardException.class).hasMessageContaining("in use");
        }
    }
}
