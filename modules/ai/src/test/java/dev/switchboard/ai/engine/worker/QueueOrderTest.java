package dev.switchboard.ai.engine.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.ai.ImageJob;
import dev.switchboard.ai.ImageRequest;
import dev.switchboard.ai.JobState;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The order jobs reach a one-slot worker that is enabled after they were all queued. */
class QueueOrderTest {

    @TempDir
    Path dir;

    private final FakeA1111 gpu = new FakeA1111();
    private Harness h;
    private Worker worker;

    @BeforeEach
    void open() {
        gpu.start();
        h = new Harness(dir);
        worker = h.registry.add(Worker.image("gpu-a", gpu.url(), ApiFlavour.A1111_TXT2IMG).withEnabled(false));
    }

    @AfterEach
    void close() {
        h.close();
        gpu.close();
    }

    @Test
    void higherPriorityRunsFirst() {
        List<ImageJob> jobs = List.of(submit("low", "ann", 1), submit("high", "ann", 9), submit("mid", "ann", 5));

        runAll(jobs);

        assertThat(gpu.prompts).containsExactly("high", "mid", "low");
    }

    @Test
    void usersTakeTurnsWithinAPriority() {
        List<ImageJob> jobs = new ArrayList<>();
        for (String prompt : List.of("a1", "a2", "a3", "a4")) {
            jobs.add(submit(prompt, "alice", 5));
        }
        jobs.add(submit("b1", "bob", 5));
        jobs.add(submit("b2", "bob", 5));
        jobs.add(submit("c1", "carol", 5));

        runAll(jobs);

        assertThat(gpu.prompts).containsExactly("a1", "b1", "c1", "a2", "b2", "a3", "a4");
    }

    private ImageJob submit(String prompt, String user, int priority) {
        return h.pool.submit(new ImageRequest(prompt, "", 64, 64, 1, 1, null, user, priority));
    }

    private void runAll(List<ImageJob> jobs) {
        h.registry.update(worker.withEnabled(true));
        for (ImageJob job : jobs) {
            h.awaitState(job.id(), JobState.SUCCEEDED);
        }
    }
}
