package dev.switchboard.ai.engine.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.ai.TestDatabases;
import dev.switchboard.core.error.InputException;
import dev.switchboard.store.DataDir;
import dev.switchboard.store.Database;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkerRegistryTest {

    private static final URI URL = URI.create("http://127.0.0.1:7860");

    @TempDir
    Path dir;

    private final Map<String, String> env = new ConcurrentHashMap<>();
    private Database db;
    private WorkerRegistry registry;

    @BeforeEach
    void open() {
        db = TestDatabases.open(DataDir.of(dir));
        registry = new WorkerRegistry(db, Harness.FAST, Clock.systemUTC(), env::get);
    }

    @AfterEach
    void close() {
        registry.close();
        db.close();
    }

    @Test
    void invalidWorkersAreRefusedNamingTheField() {
        assertRefused(() -> new Worker(" ", URL, WorkerKind.IMAGE, ApiFlavour.A1111_TXT2IMG, "", 1, true), "name");
        assertRefused(() -> new Worker("gpu 1", URL, WorkerKind.IMAGE, ApiFlavour.A1111_TXT2IMG, "", 1, true),
                "name");
        assertRefused(() -> new Worker("gpu", null, WorkerKind.IMAGE, ApiFlavour.A1111_TXT2IMG, "", 1, true),
                "baseUrl");
        assertRefused(() -> new Worker("gpu", URI.create("ftp://host/"), WorkerKind.IMAGE,
                ApiFlavour.A1111_TXT2IMG, "", 1, true), "baseUrl");
        assertRefused(() -> new Worker("gpu", URI.create("http://host/?x=1"), WorkerKind.IMAGE,
                ApiFlavour.A1111_TXT2IMG, "", 1, true), "baseUrl");
        assertRefused(() -> new Worker("gpu", URL, null, ApiFlavour.A1111_TXT2IMG, "", 1, true), "kind");
        assertRefused(() -> new Worker("gpu", URL, WorkerKind.CHAT, ApiFlavour.A1111_TXT2IMG, "", 1, true),
                "flavour");
        assertRefused(() -> new Worker("gpu", URL, WorkerKind.IMAGE, ApiFlavour.A1111_TXT2IMG, "", 0, true),
                "capacity");
        assertThatThrownBy(() -> new Worker("gpu", URL, WorkerKind.IMAGE, ApiFlavour.OPENAI_IMAGES,
                "sk-proj-abcdef123456", 1, true))
                .isInstanceOfSatisfying(InputException.class, e -> assertThat(e.field()).isEqualTo("apiKeyRef"))
                .hasMessageNotContaining("sk-proj-abcdef123456");
    }

    @Test
    void workersArePersistedAndNamesAreUniqueIgnoringCase() {
        Worker gpu = new Worker("lab-gpu", URL, WorkerKind.IMAGE, ApiFlavour.A1111_TXT2IMG, "env:LAB_KEY", 2, true);
        registry.add(gpu);

        assertThatThrownBy(() -> registry.add(Worker.image("LAB-GPU", URL, ApiFlavour.OPENAI_IMAGES)))
                .isInstanceOfSatisfying(InputException.class, e -> assertThat(e.field()).isEqualTo("name"))
                .hasMessageContaining("already exists");
        assertThatThrownBy(() -> registry.update(Worker.image("nowhere", URL, ApiFlavour.OPENAI_IMAGES)))
                .isInstanceOfSatisfying(InputException.class, e -> assertThat(e.field()).isEqualTo("name"))
                .hasMessageContaining("no worker named 'nowhere'");
        assertThatThrownBy(() -> registry.remove("nowhere"))
                .isInstanceOfSatisfying(InputException.class, e -> assertThat(e.field()).isEqualTo("name"));

        registry.update(gpu.withCapacity(3).withEnabled(false));
        registry.close();
        registry = new WorkerRegistry(db, Harness.FAST, Clock.systemUTC(), env::get);

        assertThat(registry.list()).containsExactly(gpu.withCapacity(3).withEnabled(false));
        assertThat(registry.find("LAB-gpu")).isPresent();
        assertThat(registry.health("lab-gpu").status()).isEqualTo(WorkerHealth.Status.UNKNOWN);
        registry.remove("lab-gpu");
        assertThat(registry.list()).isEmpty();
    }

    @Test
    void healthChecksMarkAStoppedWorkerUnhealthyAndHealthyAgainWhenItReturns() {
        try (FakeA1111 server = new FakeA1111()) {
            server.start();
            List<WorkerHealth> changes = new CopyOnWriteArrayList<>();
            registry.onStatusChange(changes::add);
            registry.add(Worker.image("gpu-a", server.url(), ApiFlavour.A1111_TXT2IMG));
            registry.startHealthChecks();

            Eventually.until("gpu-a is healthy", () -> registry.health("gpu-a").isHealthy());
            assertThat(registry.health("gpu-a").models()).containsExactly(FakeA1111.MODEL);

            server.stop();
            Eventually.until("gpu-a is unhealthy", () -> !registry.health("gpu-a").isHealthy());
            WorkerHealth down = registry.health("gpu-a");
            assertThat(down.status()).isEqualTo(WorkerHealth.Status.UNHEALTHY);
            assertThat(down.reason()).isEqualTo("connection refused");
            assertThat(down.consecutiveFailures()).isPositive();
            assertThat(down.lastChecked()).isNotNull();

            server.start();
            Eventually.until("gpu-a is healthy again", () -> registry.health("gpu-a").isHealthy());
            assertThat(registry.health("gpu-a").consecutiveFailures()).isZero();
            assertThat(changes).extracting(WorkerHealth::status).containsSubsequence(WorkerHealth.Status.UNKNOWN,
                    WorkerHealth.Status.HEALTHY, WorkerHealth.Status.UNHEALTHY, WorkerHealth.Status.HEALTHY);
            assertThat(server.requests).contains("GET /sdapi/v1/sd-models");
        }
    }

    @Test
    void anOnDemandCheckUsesTheKeyFromTheEnvironmentAsABearerToken() {
        try (FakeOpenAiImages server = new FakeOpenAiImages()) {
            server.start();
            registry.add(new Worker("dalle", URI.create(server.url() + "/v1/"), WorkerKind.IMAGE,
                    ApiFlavour.OPENAI_IMAGES, "env:SB_TEST_IMAGES_KEY", 1, true));

            WorkerHealth missing = registry.check("dalle");
            assertThat(missing.status()).isEqualTo(WorkerHealth.Status.UNHEALTHY);
            assertThat(missing.reason()).contains("SB_TEST_IMAGES_KEY").contains("not set");

            env.put("SB_TEST_IMAGES_KEY", "k-123");
            WorkerHealth ok = registry.check("DALLE");
            assertThat(ok.status()).isEqualTo(WorkerHealth.Status.HEALTHY);
            assertThat(ok.models()).containsExactly("dall-e-2");
            assertThat(ok.latency()).isPositive();
            assertThat(server.requests).containsExactly("GET /v1/models");
            assertThat(server.authorizations).containsExactly("Bearer k-123");
        }
        assertThatThrownBy(() -> registry.check("nowhere")).isInstanceOf(InputException.class);
    }

    private static void assertRefused(Runnable construction, String field) {
        assertThatThrownBy(construction::run)
                .isInstanceOfSatisfying(InputException.class, e -> assertThat(e.field()).isEqualTo(field))
                .hasMessageContaining("field " + field);
    }
}
