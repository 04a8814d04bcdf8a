package dev.switchboard.ai.engine.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.switchboard.ai.ImageJob;
import dev.switchboard.ai.ImageRequest;
import dev.switchboard.ai.JobState;
import dev.switchboard.testkit.TestDatabase;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two seats on one database, each with its own queue: a seat starting up takes back only the running jobs whose
 * queue is gone, never a job another seat is running at that moment (which would then run twice).
 */
class SeatsQueueTest {

    @TempDir
    Path dir;

    private final FakeA1111 gpu = new FakeA1111();
    private Harness first;
    private Harness second;
    private Worker worker;
    private ImageJob job;

    @BeforeEach
    void runAJobOnTheFirstSeat() throws InterruptedException {
        gpu.start();
        gpu.blockNext(1);
        first = new Harness(dir);
        worker = first.addA1111("gpu-a", gpu);
        first.awaitHealthy("gpu-a");
        job = first.pool.submit(ImageRequest.textToImage("harbour at night", "ann"));
        gpu.awaitGeneration();
        first.awaitState(job.id(), JobState.RUNNING);
    }

    @AfterEach
    void close() {
        gpu.release();
        if (second != null) {
            second.close();
        }
        first.close();
        gpu.close();
    }

    @Test
    void aSeatThatLostItsConnectionTakesItsLockAgainAndKeepsItsJob() {
        assumeTrue(TestDatabase.onServer(), "a lost connection is a server's matter");
        assertThat(endLockConnections()).isEqualTo(1);
        Eventually.until("the first seat holds its lock again", () -> lockHolders() == 1);

        second = new Harness(dir);

        assertThat(second.pool.job(job.id()).orElseThrow().state()).isEqualTo(JobState.RUNNING);
        gpu.release();
        assertThat(first.awaitState(job.id(), JobState.SUCCEEDED).attempts()).isEqualTo(1);
        assertThat(gpu.prompts).containsExactly("harbour at night");
    }

    private int endLockConnections() {
        return first.db.jdbi().withHandle(h -> h.createQuery("""
                        SELECT COUNT(pg_terminate_backend(pid)) FROM pg_locks
                        WHERE locktype = 'advisory' AND granted AND pid <> pg_backend_pid()
                          AND database = (SELECT oid FROM pg_database WHERE datname = current_database())""")
                .mapTo(Integer.class).one());
    }

    private int lockHolders() {
        return first.db.jdbi().withHandle(h -> h.createQuery("""
                        SELECT COUNT(*) FROM pg_locks WHERE locktype = 'advisory' AND granted
                          AND database = (SELECT oid FROM pg_database WHERE datname = current_database())""")
                .mapTo(Integer.class).one());
    }

    @Test
    void aSeatStartingUpLeavesTheJobAnotherSeatIsRunning() {
        second = new Harness(dir);

        ImageJob seen = second.pool.job(job.id()).orElseThrow();
        assertThat(seen.state()).isEqualTo(JobState.RUNNING);
        assertThat(seen.message()).isEqualTo("running on gpu-a");

        gpu.release();
        ImageJob done = first.awaitState(job.id(), JobState.SUCCEEDED);
        assertThat(done.attempts()).isEqualTo(1);
        assertThat(gpu.prompts).containsExactly("harbour at night");
    }

    @Test
    void aSeatWhoseQueueIsGoneHasItsJobTakenBack() {
        assumeTrue(TestDatabase.onServer(), "a lost connection is a server's matter");
        first.registry.update(worker.withEnabled(false)); // hold the queue still to look at it
        // The seat's queue lock lives on its own connection; the server ends it as it would for a killed seat, and
        // the seat is gone before it could take the lock again.
        assertThat(endLockConnections()).isEqualTo(1);
        first.pool.close();

        second = new Harness(dir);

        ImageJob taken = second.pool.job(job.id()).orElseThrow();
        assertThat(taken.state()).isEqualTo(JobState.QUEUED);
        assertThat(taken.message()).isEqualTo(WorkerPool.REQUEUED_AFTER_RESTART);
        assertThat(taken.attempts()).isEqualTo(1);
    }
}
