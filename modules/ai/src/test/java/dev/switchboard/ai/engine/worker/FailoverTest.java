package dev.switchboard.ai.engine.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.ai.ImageJob;
import dev.switchboard.ai.ImageRequest;
import dev.switchboard.ai.JobState;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Jobs survive workers that fail: retried elsewhere, up to the attempt limit. */
class FailoverTest {

    @TempDir
    Path dir;

    private final List<FakeServer> servers = new ArrayList<>();
    private Harness h;

    @BeforeEach
    void open() {
        h = new Harness(dir);
    }

    @AfterEach
    void close() {
        h.close();
        servers.forEach(FakeServer::close);
    }

    @Test
    void aServerErrorSendsTheJobToAnotherWorkerAndMarksTheFirstUnhealthy() {
        // Idle workers tie on load and are tried by name, so gpu-a gets the job first.
        FakeA1111 broken = serve(new FakeA1111().failWith(500));
        FakeA1111 good = serve(new FakeA1111());
        List<WorkerHealth> changes = new CopyOnWriteArrayList<>();
        h.registry.onStatusChange(changes::add);
        h.addA1111("gpu-a", broken);
        h.addA1111("gpu-b", good);
        h.awaitHealthy("gpu-a", "gpu-b");

        ImageJob job = h.pool.submit(ImageRequest.textToImage("smoke over the river", "ann"));
        ImageJob done = h.awaitState(job.id(), JobState.SUCCEEDED);

        assertThat(done.workerName()).isEqualTo("gpu-b");
        assertThat(done.attempts()).isEqualTo(2);
        assertThat(broken.prompts).containsExactly("smoke over the river");
        assertThat(changes).anySatisfy(c -> {
            assertThat(c.worker()).isEqualTo("gpu-a");
            assertThat(c.status()).isEqualTo(WorkerHealth.Status.UNHEALTHY);
            assertThat(c.reason()).contains("HTTP 500").contains("CUDA out of memory");
        });
    }

    @Test
    void aWorkerKilledMidJobLeavesTheJobToAnotherWorker() throws Exception {
        FakeA1111 doomed = serve(new FakeA1111().blockNext(1));
        FakeA1111 survivor = serve(new FakeA1111());
        h.addA1111("gpu-a", doomed);
        h.addA1111("gpu-b", survivor);
        h.awaitHealthy("gpu-a", "gpu-b");

        ImageJob job = h.pool.submit(ImageRequest.textToImage("a collapsed bridge", "ann"));
        doomed.awaitGeneration();
        assertThat(h.pool.job(job.id()).orElseThrow().workerName()).isEqualTo("gpu-a");
        doomed.stop(); // the connection drops under the running request

        ImageJob done = h.awaitState(job.id(), JobState.SUCCEEDED);
        assertThat(done.workerName()).isEqualTo("gpu-b");
        assertThat(done.attempts()).isEqualTo(2);
        assertThat(survivor.prompts).containsExactly("a collapsed bridge");
        assertThat(h.registry.health("gpu-a").status()).isEqualTo(WorkerHealth.Status.UNHEALTHY);
        assertThat(h.pool.result(job.id()).orElseThrow().provenance().provider()).isEqualTo("gpu-b");
    }

    @Test
    void aJobFailsWithTheLastReasonAfterTheMaximumAttempts() {
        serve(new FakeA1111().failWith(503));
        serve(new FakeA1111().failWith(502));
        h.addA1111("gpu-a", servers.get(0));
        h.addA1111("gpu-b", servers.get(1));
        h.awaitHealthy("gpu-a", "gpu-b");

        ImageJob job = h.pool.submit(ImageRequest.textToImage("a gas leak", "ann"));
        ImageJob failed = h.awaitState(job.id(), JobState.FAILED);

        assertThat(failed.attempts()).isEqualTo(3);
        assertThat(failed.message()).startsWith("failed after 3 attempts; last: gpu-").contains("HTTP 50");
        assertThat(h.pool.result(job.id())).isEmpty();
    }

    @Test
    void aRequestTheWorkerRefusesFailsAtOnceAndLeavesTheWorkerHealthy() {
        FakeA1111 picky = serve(new FakeA1111().failWith(422));
        h.addA1111("gpu-a", picky);
        h.awaitHealthy("gpu-a");

        ImageJob job = h.pool.submit(ImageRequest.textToImage("an impossible image", "ann"));
        ImageJob failed = h.awaitState(job.id(), JobState.FAILED);

        assertThat(failed.attempts()).isEqualTo(1);
        assertThat(failed.message()).startsWith("refused by gpu-a: HTTP 422");
        assertThat(h.registry.health("gpu-a").isHealthy()).isTrue();
    }

    private <T extends FakeServer> T serve(T server) {
        server.start();
        servers.add(server);
        return server;
    }
}
