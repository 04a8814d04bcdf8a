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

/**
 * Two pools on one data dir, as the window and a {@code switchboard studio generate} beside it: each keeps its
 * queue index in memory, and the one with the worker must see what the other queued or cancelled.
 */
class SharedQueueTest {

    @TempDir
    Path dir;

    private final FakeA1111 gpu = new FakeA1111();
    private Harness window;
    private Harness cli;

    @BeforeEach
    void open() {
        gpu.start();
        window = new Harness(dir);
        cli = new Harness(dir);
    }

    @AfterEach
    void close() {
        cli.close();
        window.close();
        gpu.close();
    }

    @Test
    void aJobQueuedByAnotherProcessRunsOnThisOnesWorker() {
        window.addA1111("gpu-a", gpu);
        window.awaitHealthy("gpu-a");

        ImageJob fromCli = cli.pool.submit(request("from the command line"));
        cli.close();

        // The command has exited: only the window can run the job, and it learns of it only from the database.
        assertThat(window.awaitState(fromCli.id(), JobState.SUCCEEDED).state()).isEqualTo(JobState.SUCCEEDED);
        assertThat(gpu.prompts).contains("from the command line");
    }

    @Test
    void aJobCancelledByAnotherProcessNeverRuns() {
        Worker worker = window.registry.add(Worker.image("gpu-a", gpu.url(), ApiFlavour.A1111_TXT2IMG)
                .withEnabled(false));
        ImageJob doomed = window.pool.submit(request("cancelled elsewhere"));
        ImageJob kept = window.pool.submit(request("kept"));

        assertThat(cli.pool.cancel(doomed.id())).isTrue();
        window.registry.update(worker.withEnabled(true));

        window.awaitState(kept.id(), JobState.SUCCEEDED);
        assertThat(gpu.prompts).containsExactly("kept");
        assertThat(window.pool.job(doomed.id()).orElseThrow().state()).isEqualTo(JobState.CANCELLED);
    }

    private static ImageRequest request(String prompt) {
        return new ImageRequest(prompt, "", 64, 64, 1, 1, null, "ann", 5);
    }
}
