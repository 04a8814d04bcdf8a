package dev.switchboard.ai.engine.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.ai.ImageJob;
import dev.switchboard.ai.ImageRequest;
import dev.switchboard.ai.ImageResult;
import dev.switchboard.ai.ImageService;
import dev.switchboard.ai.JobState;
import dev.switchboard.ai.Provenance;
import dev.switchboard.core.error.SwitchboardException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkerPoolTest {

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
    void anA1111JobReportsProgressAndKeepsThePngWithItsChecksum() throws Exception {
        FakeA1111 gpu = serve(new FakeA1111());
        gpu.blockNext(1);
        h.addA1111("gpu-a", gpu);
        h.awaitHealthy("gpu-a");
        List<ImageJob> updates = new CopyOnWriteArrayList<>();
        h.pool.onUpdate(updates::add);

        ImageJob queued = h.pool.submit(new ImageRequest("a fire engine at dusk", "blurry", 512, 384, 25, 42, null,
                "ann", 5));
        assertThat(queued.state()).isEqualTo(JobState.QUEUED);
        gpu.awaitGeneration();
        gpu.progress(0.5);
        Eventually.until("progress 0.5 is reported", () -> h.pool.job(queued.id()).orElseThrow().progress() >= 0.5);
        gpu.release();
        ImageJob done = h.awaitState(queued.id(), JobState.SUCCEEDED);

        assertThat(done.progress()).isEqualTo(1.0);
        assertThat(done.workerName()).isEqualTo("gpu-a");
        assertThat(done.attempts()).isEqualTo(1);
        assertThat(updates).anySatisfy(u -> {
            assertThat(u.state()).isEqualTo(JobState.RUNNING);
            assertThat(u.progress()).isEqualTo(0.5);
        });
        assertThat(gpu.requests).contains("POST /sdapi/v1/txt2img", "GET /sdapi/v1/progress");
        JsonNode sent = gpu.bodies.get(0);
        assertThat(sent.path("prompt").asText()).isEqualTo("a fire engine at dusk");
        assertThat(sent.path("negative_prompt").asText()).isEqualTo("blurry");
        assertThat(sent.path("width").asInt()).isEqualTo(512);
        assertThat(sent.path("height").asInt()).isEqualTo(384);
        assertThat(sent.path("steps").asInt()).isEqualTo(25);
        assertThat(sent.path("seed").asLong()).isEqualTo(42);

        ImageResult result = h.pool.result(queued.id()).orElseThrow();
        assertThat(result.png()).isEqualTo(TestImages.png());
        assertThat(result.provenance().source()).isEqualTo(Provenance.Source.ONLINE);
        assertThat(result.provenance().provider()).isEqualTo("gpu-a");
        assertThat(result.provenance().model()).isEqualTo(FakeA1111.MODEL);
        Path file = h.images().resolve(queued.id() + ".png");
        assertThat(file).hasBinaryContent(TestImages.png());

        Files.write(file, new byte[] {1, 2, 3});
        assertThatThrownBy(() -> h.pool.result(queued.id())).isInstanceOf(SwitchboardException.class)
                .hasMessageContaining("has changed");
    }

    @Test
    void anOpenAiImagesJobAsksForBase64WithTheKeyAsBearerToken() {
        FakeOpenAiImages openAi = serve(new FakeOpenAiImages());
        h.env.put("SB_IMAGES_KEY", "k-secret");
        h.registry.add(new Worker("dalle", openAi.url(), WorkerKind.IMAGE, ApiFlavour.OPENAI_IMAGES,
                "env:SB_IMAGES_KEY", 2, true));
        h.awaitHealthy("dalle");

        ImageJob job = h.pool.submit(new ImageRequest("a quiet street", "", 256, 256, 20, -1, null, "ann", 5));
        ImageJob done = h.awaitState(job.id(), JobState.SUCCEEDED);

        assertThat(done.workerName()).isEqualTo("dalle");
        JsonNode sent = openAi.bodies.get(0);
        assertThat(sent.path("response_format").asText()).isEqualTo("b64_json");
        assertThat(sent.path("size").asText()).isEqualTo("256x256");
        assertThat(sent.path("n").asInt()).isEqualTo(1);
        assertThat(openAi.authorizations).isNotEmpty().allMatch("Bearer k-secret"::equals);
        ImageResult result = h.pool.result(job.id()).orElseThrow();
        assertThat(result.png()).isEqualTo(TestImages.png());
        assertThat(result.provenance().model()).isEqualTo("openai-images");
        assertThat(h.pool.jobs(10)).extracting(ImageJob::id).containsExactly(job.id());
    }

    @Test
    void imageToImageWaitsForAWorkerThatCanDoItAndSendsTheInitImage() {
        FakeOpenAiImages openAi = serve(new FakeOpenAiImages());
        h.registry.add(Worker.image("dalle", openAi.url(), ApiFlavour.OPENAI_IMAGES));
        h.awaitHealthy("dalle");
        byte[] init = TestImages.png();

        ImageJob img2img = h.pool.submit(new ImageRequest("same street, at night", "", 512, 512, 20, 7, init,
                "ann", 5));
        ImageJob txt2img = h.pool.submit(ImageRequest.textToImage("a quiet street", "ann"));
        h.awaitState(txt2img.id(), JobState.SUCCEEDED);

        assertThat(h.pool.job(img2img.id()).orElseThrow().state()).isEqualTo(JobState.QUEUED);
        assertThat(h.pool.job(img2img.id()).orElseThrow().message()).contains("image-to-image");
        assertThat(h.pool.availability().imageToImage()).isFalse();

        FakeA1111 gpu = serve(new FakeA1111());
        h.addA1111("gpu-a", gpu);
        ImageJob done = h.awaitState(img2img.id(), JobState.SUCCEEDED);

        assertThat(done.workerName()).isEqualTo("gpu-a");
        assertThat(done.request().initImage()).isEqualTo(init);
        assertThat(gpu.requests).contains("POST /sdapi/v1/img2img");
        assertThat(gpu.bodies.get(0).path("init_images").get(0).asText())
                .isEqualTo(Base64.getEncoder().encodeToString(init));
        assertThat(openAi.bodies).hasSize(1);
        assertThat(h.pool.availability().imageToImage()).isTrue();
    }

    @Test
    void withoutWorkersAJobWaitsSayingWhyAndRunsOnceOneIsAdded() {
        ImageService.Availability none = h.pool.availability();
        assertThat(none.summary()).isEqualTo("no image workers configured");
        assertThat(none.canGenerate()).isFalse();

        ImageJob job = h.pool.submit(ImageRequest.textToImage("a flooded underpass", "ann"));
        assertThat(job.state()).isEqualTo(JobState.QUEUED);
        assertThat(job.message()).isEqualTo("waiting for a healthy image worker (none configured)");

        FakeA1111 gpu = new FakeA1111();
        gpu.start();
        URI url = gpu.url();
        gpu.stop(); // a worker that is registered but down
        servers.add(gpu);
        h.registry.add(Worker.image("gpu-a", url, ApiFlavour.A1111_TXT2IMG));
        Eventually.until("the message says the worker is down", () -> h.pool.job(job.id()).orElseThrow().message()
                .equals("waiting for a healthy image worker (0 of 1 healthy)"));
        assertThat(h.pool.availability().summary()).isEqualTo("0 of 1 workers healthy");
        // Checked and down is not "not checked yet": the Studio says "checking" only before the first check.
        Eventually.until("the worker is checked", () -> h.registry.health().get("gpu-a").status()
                == WorkerHealth.Status.UNHEALTHY);
        assertThat(h.pool.availability().unchecked()).isZero();
        assertThat(WorkerPool.unchecked(List.of(Worker.image("gpu-b", url, ApiFlavour.A1111_TXT2IMG)), Map.of()))
                .isEqualTo(1);

        gpu.start();
        ImageJob done = h.awaitState(job.id(), JobState.SUCCEEDED);
        assertThat(done.attempts()).isEqualTo(1);
        assertThat(h.pool.availability().summary()).isEqualTo("1 of 1 workers healthy");
    }

    private <T extends FakeServer> T serve(T server) {
        server.start();
        servers.add(server);
        return server;
    }
}
