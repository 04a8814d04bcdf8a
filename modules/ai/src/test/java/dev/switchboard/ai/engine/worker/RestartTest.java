package dev.switchboard.ai.engine.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.ai.ImageJob;
import dev.switchboard.ai.ImageRequest;
import dev.switchboard.ai.JobState;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The queue is in the database: a new process picks up what the last one left. */
class RestartTest {

    @TempDir
    Path dir;

    private final FakeA1111 gpu = new FakeA1111();
    private Harness h;

    @AfterEach
    void close() {
        if (h != null) {
            h.close();
        }
        gpu.close();
    }

    @Test
    void runningAndQueuedJobsAllCompleteAfterARestart() throws Exception {
        gpu.start();
        gpu.blockNext(1);
        h = new Harness(dir);
        Worker worker = h.addA1111("gpu-a", gpu);
        h.awaitHealthy("gpu-a");
        ImageJob first = h.pool.submit(ImageRequest.textToImage("first", "ann"));
        ImageJob second = h.pool.submit(ImageRequest.textToImage("second", "ann"));
        ImageJob third = h.pool.submit(ImageRequest.textToImage("third", "bob"));
        gpu.awaitGeneration();
        h.awaitState(first.id(), JobState.RUNNING);
        assertThat(h.pool.job(second.id()).orElseThrow().state()).isEqualTo(JobState.QUEUED);
        assertThat(h.pool.job(third.id()).orElseThrow().state()).isEqualTo(JobState.QUEUED);

        h.close(); // pool, registry and database, with the first job still running on the worker
        gpu.release();

        h.openRegistry();
        h.registry.update(worker.withEnabled(false)); // hold the queue still to look at it
        h.openPool();
        ImageJob requeued = h.pool.job(first.id()).orElseThrow();
        assertThat(requeued.state()).isEqualTo(JobState.QUEUED);
        assertThat(requeued.message()).isEqualTo(WorkerPool.REQUEUED_AFTER_RESTART);
        assertThat(requeued.attempts()).isEqualTo(1);
        assertThat(h.pool.job(second.id()).orElseThrow().state()).isEqualTo(JobState.QUEUED);

        h.registry.update(worker);
        for (ImageJob job : List.of(first, second, third)) {
            h.awaitState(job.id(), JobState.SUCCEEDED);
        }
        assertThat(h.pool.job(first.id()).orElseThrow().attempts()).isEqualTo(2);
        assertThat(h.pool.job(second.id()).orElseThrow().attempts()).isEqualTo(1);
        assertThat(h.pool.result(third.id())).isPresent();
        assertThat(gpu.prompts).containsExactly("first", "first", "third", "second");
    }
}
