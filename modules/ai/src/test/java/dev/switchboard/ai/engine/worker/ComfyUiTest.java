package dev.switchboard.ai.engine.worker;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.ai.GeneratedMedia;
import dev.switchboard.ai.ImageJob;
import dev.switchboard.ai.ImageRequest;
import dev.switchboard.ai.JobState;
import dev.switchboard.ai.VideoSpec;
import dev.switchboard.ai.WorkerCapability;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ComfyUI flavour against a fake ComfyUI on loopback: workflows, progress, previews, clips, cancel, restart. */
class ComfyUiTest {

    private static final Set<WorkerCapability> ALL = EnumSet.allOf(WorkerCapability.class);

    @TempDir
    Path dir;

    private final List<FakeComfyUi> servers = new ArrayList<>();
    private Harness h;

    @AfterEach
    void close() throws Exception {
        if (h != null) {
            h.close();
        }
        for (FakeComfyUi s : servers) {
            s.close();
        }
    }

    private FakeComfyUi serve() throws Exception {
        FakeComfyUi s = new FakeComfyUi().start();
        servers.add(s);
        return s;
    }

    @Test
    void anImageFollowsTheWebsocketWithProgressAndPreviewsAndComesFromView() throws Exception {
        FakeComfyUi comfy = serve();
        comfy.holdAt(2);
        h = new Harness(dir);
        h.addComfy("comfy-a", comfy, ALL);
        h.awaitHealthy("comfy-a");
        ImageRequest request = new ImageRequest("a flooded underpass at night", "blurry", 640, 384, 12, 4242, null,
                "ann", 5, 6.5, null);

        ImageJob job = h.pool.submit(request);
        comfy.awaitHold();
        Eventually.until("progress over the websocket", () -> h.pool.job(job.id()).orElseThrow().progress() >= 0.5);
        Eventually.until("a preview", () -> h.pool.preview(job.id()).isPresent());
        assertThat(h.pool.preview(job.id()).orElseThrow()).isEqualTo(TestImages.png());
        comfy.release();
        ImageJob done = h.awaitState(job.id(), JobState.SUCCEEDED);

        assertThat(done.attempts()).isEqualTo(1);
        JsonNode wf = comfy.prompts.get(0);
        assertThat(wf.path("3").path("inputs").path("seed").asLong()).isEqualTo(4242);
        assertThat(wf.path("3").path("inputs").path("steps").asInt()).isEqualTo(12);
        assertThat(wf.path("3").path("inputs").path("cfg").asDouble()).isEqualTo(6.5);
        assertThat(wf.path("6").path("inputs").path("text").asText()).isEqualTo("a flooded underpass at night");
        assertThat(wf.path("7").path("inputs").path("text").asText()).isEqualTo("blurry");
        assertThat(wf.path("5").path("inputs").path("width").asInt()).isEqualTo(640);
        assertThat(wf.path("5").path("inputs").path("height").asInt()).isEqualTo(384);
        // The template's checkpoint is not on this worker: the first one it listed is used instead.
        assertThat(wf.path("4").path("inputs").path("ckpt_name").asText()).isEqualTo(FakeComfyUi.CHECKPOINT);
        GeneratedMedia media = h.pool.media(job.id()).orElseThrow();
        assertThat(media.mediaType()).isEqualTo("image/png");
        assertThat(media.seed()).isEqualTo(4242);
        assertThat(media.model()).isEqualTo("dreamshaper_8");
        assertThat(Files.readAllBytes(media.file())).isEqualTo(TestImages.png());
        assertThat(h.pool.preview(job.id())).isEmpty();
        assertThat(comfy.requests).contains("GET /ws", "POST /prompt", "GET /view");
    }

    @Test
    void withoutAWebsocketTheHistoryIsPolled() throws Exception {
        FakeComfyUi comfy = serve();
        comfy.websocket = false;
        h = new Harness(dir);
        h.addComfy("comfy-a", comfy, ALL);
        h.awaitHealthy("comfy-a");

        ImageJob job = h.pool.submit(ImageRequest.textToImage("smoke over the harbour", "ann"));
        h.awaitState(job.id(), JobState.SUCCEEDED);

        assertThat(comfy.requests).contains("GET /ws").anyMatch(r -> r.startsWith("GET /history/"));
        assertThat(h.pool.result(job.id())).isPresent();
    }

    @Test
    void aClipComesWithItsPosterAndTheFramesAndRateAsked() throws Exception {
        FakeComfyUi comfy = serve();
        h = new Harness(dir);
        h.addComfy("comfy-v", comfy, ALL);
        h.awaitHealthy("comfy-v");
        ImageRequest clip = ImageRequest.textToImage("a drone shot of a bridge", "ann").withVideo(new VideoSpec(2, 16));

        ImageJob job = h.pool.submit(clip);
        h.awaitState(job.id(), JobState.SUCCEEDED);

        ObjectNode wf = comfy.prompts.get(0);
        assertThat(wf.path("6").path("inputs").path("length").asInt()).isEqualTo(33); // 32 frames → 4k + 1
        assertThat(wf.path("10").path("inputs").path("fps").asInt()).isEqualTo(16);
        assertThat(wf.path("4").path("inputs").path("text").asText()).isEqualTo("a drone shot of a bridge");
        GeneratedMedia media = h.pool.media(job.id()).orElseThrow();
        assertThat(media.mediaType()).isEqualTo("video/mp4");
        assertThat(media.file().getFileName().toString()).isEqualTo(job.id() + ".mp4");
        assertThat(Files.readAllBytes(media.file())).isEqualTo(FakeComfyUi.fakeMp4());
        assertThat(media.poster()).exists();
        assertThat(media.isClip()).isTrue();
        assertThat(h.pool.result(job.id()).orElseThrow().png()).isEqualTo(TestImages.png());
    }

    @Test
    void imageToImageUploadsTheStartingPicture() throws Exception {
        FakeComfyUi comfy = serve();
        h = new Harness(dir);
        h.addComfy("comfy-a", comfy, ALL);
        h.awaitHealthy("comfy-a");
        byte[] start = TestImages.png();

        ImageJob job = h.pool.submit(new ImageRequest("the same street in snow", "", 512, 512, 20, 7, start, "ann",
                5));
        h.awaitState(job.id(), JobState.SUCCEEDED);

        assertThat(comfy.uploads).hasSize(1);
        assertThat(new String(comfy.uploads.get(0), java.nio.charset.StandardCharsets.ISO_8859_1))
                .contains("name=\"image\"");
        assertThat(comfy.prompts.get(0).path("10").path("inputs").path("image").asText()).isEqualTo("upload-1.png");
    }

    @Test
    void cancellingARunningPromptDeletesAndInterruptsIt() throws Exception {
        FakeComfyUi comfy = serve();
        comfy.holdAt(1);
        h = new Harness(dir);
        h.addComfy("comfy-a", comfy, ALL);
        h.awaitHealthy("comfy-a");
        ImageJob job = h.pool.submit(ImageRequest.textToImage("a burning car", "ann"));
        comfy.awaitHold();
        h.awaitState(job.id(), JobState.RUNNING);

        assertThat(h.pool.cancel(job.id())).isTrue();

        assertThat(h.pool.job(job.id()).orElseThrow().state()).isEqualTo(JobState.CANCELLED);
        Eventually.until("the worker was told", () -> comfy.interrupts.get() >= 1 && comfy.deletes.get() >= 1);
        assertThat(h.pool.media(job.id())).isEmpty();
    }

    @Test
    void afterARestartTheWorkstationFollowsThePromptTheWorkerKeptRunning() throws Exception {
        FakeComfyUi comfy = serve();
        comfy.holdAt(2);
        h = new Harness(dir);
        h.addComfy("comfy-a", comfy, ALL);
        h.awaitHealthy("comfy-a");
        ImageJob job = h.pool.submit(ImageRequest.textToImage("an overturned truck", "ann"));
        comfy.awaitHold();
        Eventually.until("the prompt id is kept", () -> h.db.jdbi().withHandle(x -> x.createQuery(
                "SELECT remote_id FROM gpu_job WHERE id = :id").bind("id", job.id()).mapTo(String.class).findOne()
                .isPresent()));

        h.close(); // the workstation stops; the worker goes on drawing
        comfy.release();
        h.openRegistry();
        h.openPool();

        ImageJob done = h.awaitState(job.id(), JobState.SUCCEEDED);
        assertThat(done.attempts()).isEqualTo(1);
        assertThat(comfy.prompts).hasSize(1);
        assertThat(h.pool.media(job.id())).isPresent();
    }

    @Test
    void aWorkerThatDiesMidJobHandsItToAnother() throws Exception {
        FakeComfyUi dying = serve();
        FakeComfyUi spare = serve();
        dying.holdAt(1);
        h = new Harness(dir);
        h.addComfy("comfy-a", dying, ALL);
        h.addComfy("comfy-b", spare, ALL);
        h.awaitHealthy("comfy-a", "comfy-b");
        ImageJob job = h.pool.submit(ImageRequest.textToImage("a landslide", "ann"));
        dying.awaitHold();

        dying.stop();

        ImageJob done = h.awaitState(job.id(), JobState.SUCCEEDED);
        assertThat(done.workerName()).isEqualTo("comfy-b");
        assertThat(done.attempts()).isEqualTo(2);
    }

    @Test
    void aWorkflowTheWorkerRejectsFailsWithItsNodeError() throws Exception {
        FakeComfyUi comfy = serve();
        comfy.rejectPrompts = true;
        h = new Harness(dir);
        h.addComfy("comfy-a", comfy, ALL);
        h.awaitHealthy("comfy-a");

        ImageJob job = h.pool.submit(ImageRequest.textToImage("a tunnel fire", "ann"));
        ImageJob failed = h.awaitState(job.id(), JobState.FAILED);

        assertThat(failed.message()).startsWith("refused by comfy-a: HTTP 400 from POST /prompt")
                .contains("CheckpointLoaderSimple").contains("Value not in list");
    }

    @Test
    void clipsGoOnlyToWorkersThatMakeThem() throws Exception {
        FakeComfyUi images = serve();
        FakeComfyUi video = serve();
        h = new Harness(dir);
        h.addComfy("images-only", images, EnumSet.of(WorkerCapability.IMAGE));
        h.awaitHealthy("images-only");
        ImageJob clip = h.pool.submit(ImageRequest.textToImage("traffic at dusk", "ann")
                .withVideo(new VideoSpec(1, 8)));
        ImageJob still = h.pool.submit(ImageRequest.textToImage("traffic at noon", "ann"));
        h.awaitState(still.id(), JobState.SUCCEEDED);
        Eventually.until("the clip says what it waits for", () -> h.pool.job(clip.id()).orElseThrow().message()
                .equals("waiting for a worker that can make clips (none configured)"));

        h.addComfy("video", video, EnumSet.of(WorkerCapability.VIDEO));
        ImageJob done = h.awaitState(clip.id(), JobState.SUCCEEDED);

        assertThat(done.workerName()).isEqualTo("video");
        assertThat(images.prompts).hasSize(1);
    }
}
