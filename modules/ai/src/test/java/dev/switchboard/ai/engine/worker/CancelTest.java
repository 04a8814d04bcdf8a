package dev.switchboard.ai.engine.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.ai.ImageJob;
import dev.switchboard.ai.ImageRequest;
import dev.switchboard.ai.JobState;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CancelTest {

    @TempDir
    Path dir;

    private final FakeA1111 gpu = new FakeA1111();
    private Harness h;

    @BeforeEach
    void open() {
        gpu.start();
        h = new Harness(dir);
    }

    @AfterEach
    void close() {
        h.close();
        gpu.close();
    }

    @Test
    void aQueuedJobIsCancelledAtOnce() {
        ImageJob job = h.pool.submit(ImageRequest.textToImage("a burning car", "ann"));

        assertThat(h.pool.cancel(job.id())).isTrue();

        assertThat(h.pool.job(job.id()).orElseThrow().state()).isEqualTo(JobState.CANCELLED);
        assertThat(h.pool.cancel(job.id())).isFalse();
        assertThat(h.pool.cancel("no-such-job")).isFalse();
        h.addA1111("gpu-a", gpu);
        h.awaitHealthy("gpu-a");
        ImageJob next = h.pool.submit(ImageRequest.textToImage("a burning van", "ann"));
        h.awaitState(next.id(), JobState.SUCCEEDED);
        assertThat(gpu.prompts).containsExactly("a burning van");
    }

    @Test
    void aRunningA1111JobIsInterruptedAndItsLateImageDropped() throws Exception {
        gpu.blockNext(1);
        h.addA1111("gpu-a", gpu);
        h.awaitHealthy("gpu-a");
        ImageJob job = h.pool.submit(ImageRequest.textToImage("a burning car", "ann"));
        gpu.awaitGeneration();
        h.awaitState(job.id(), JobState.RUNNING);

        // The fake answers the blocked request with an image once interrupted, as the web UI does.
        assertThat(h.pool.cancel(job.id())).isTrue();

        assertThat(gpu.interrupts).hasValue(1);
        ImageJob cancelled = h.pool.job(job.id()).orElseThrow();
        assertThat(cancelled.state()).isEqualTo(JobState.CANCELLED);
        assertThat(cancelled.message()).isEqualTo("cancelled while running on gpu-a");
        ImageJob next = h.pool.submit(ImageRequest.textToImage("a burning van", "ann"));
        h.awaitState(next.id(), JobState.SUCCEEDED);
        assertThat(h.pool.job(job.id()).orElseThrow().state()).isEqualTo(JobState.CANCELLED);
        assertThat(h.pool.result(job.id())).isEmpty();
        assertThat(h.images().resolve(job.id() + ".png")).doesNotExist();
    }
}
