package dev.switchboard.uikit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.testkit.HeadlessFx;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(HeadlessFx.class)
class FxTaskRunnerTest {

    private static final long GUARD_SECONDS = 20;

    private final FxTaskRunner runner = new FxTaskRunner();
    private final List<String> events = new CopyOnWriteArrayList<>();
    private final CountDownLatch finished = new CountDownLatch(1);

    @AfterEach
    void shutDown() {
        runner.shutdown();
    }

    @Test
    void workRunsOffTheFxThreadAndCallbacksOnIt() throws Exception {
        BackgroundTask.wrap(() -> {
            events.add("work on fx: " + Platform.isFxApplicationThread());
            return "result";
        })
                .onRunning(() -> events.add("running on fx: " + Platform.isFxApplicationThread()))
                .onSuccess(value -> events.add(value + " on fx: " + Platform.isFxApplicationThread()))
                .onFinished(this::finish)
                .executeWith(runner);

        awaitFinished();
        assertThat(events).containsExactly(
                "running on fx: true", "work on fx: false", "result on fx: true", "finished on fx: true");
    }

    @Test
    void failureIsDeliveredOnTheFxThread() throws Exception {
        BackgroundTask.wrap(() -> {
            throw new IllegalStateException("endpoint down");
        })
                .onSuccess(value -> events.add("success"))
                .onFailure(error -> events.add(error.getMessage() + " on fx: " + Platform.isFxApplicationThread()))
                .onFinished(this::finish)
                .executeWith(runner);

        awaitFinished();
        assertThat(events).containsExactly("endpoint down on fx: true", "finished on fx: true");
    }

    @Test
    void cancelInterruptsTheWorkAndDropsTheOutcome() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch never = new CountDownLatch(1);
        TaskHandle handle = BackgroundTask.wrap(() -> {
            started.countDown();
            never.await();
            return "unreachable";
        })
                .onSuccess(value -> events.add("success"))
                .onFailure(error -> events.add("failure " + error))
                .onFinished(this::finish)
                .executeWith(runner);
        assertThat(started.await(GUARD_SECONDS, TimeUnit.SECONDS)).isTrue();

        handle.cancel();

        awaitFinished();
        assertThat(events).containsExactly("finished on fx: true");
        assertThat(handle.isCancelled()).isTrue();
        assertThat(handle.isDone()).isTrue();
    }

    @Test
    void countsRunningTasksWithTheirTitles() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<String> seenWhileRunning = new CompletableFuture<>();
        BackgroundTask.wrap(() -> {
            release.await();
            return null;
        })
                .withTitle("Generating image")
                .onRunning(() -> seenWhileRunning.complete(describeRunning()))
                .onFinished(this::finish)
                .executeWith(runner);

        assertThat(seenWhileRunning.get(GUARD_SECONDS, TimeUnit.SECONDS)).isEqualTo("1 [Generating image]");
        release.countDown();
        awaitFinished();
        assertThat(HeadlessFx.callOnFx(this::describeRunning)).isEqualTo("0 []");
    }

    @Test
    void cancellingAQueuedTaskEndsItWithoutRunningIt() throws Exception {
        try (FxTaskRunner oneWorker = new FxTaskRunner(Executors.newSingleThreadExecutor())) {
            CountDownLatch release = new CountDownLatch(1);
            CountDownLatch firstRunning = new CountDownLatch(1);
            BackgroundTask.wrap(() -> {
                release.await();
                return null;
            }).onRunning(firstRunning::countDown).executeWith(oneWorker);
            // Submitted off the FX thread, the first task is counted in asynchronously; wait for that.
            assertThat(firstRunning.await(GUARD_SECONDS, TimeUnit.SECONDS)).isTrue();
            TaskHandle queued = HeadlessFx.callOnFx(() -> BackgroundTask.wrap(() -> events.add("work"))
                    .withTitle("Queued")
                    .onRunning(() -> events.add("running"))
                    .onFinished(this::finish)
                    .executeWith(oneWorker));
            assertThat(HeadlessFx.callOnFx(() -> oneWorker.runningProperty().get())).isEqualTo(2);

            queued.cancel();
            release.countDown();

            awaitFinished();
            assertThat(events).containsExactly("running", "finished on fx: true");
            assertThat(queued.isCancelled()).isTrue();
        }
    }

    @Test
    void aTaskAfterShutdownIsDropped() {
        runner.shutdown();

        TaskHandle handle = BackgroundTask.wrap(() -> events.add("ran")).executeWith(runner);

        assertThat(handle.isCancelled()).isTrue();
        HeadlessFx.waitForFx();
        assertThat(events).isEmpty();
    }

    private String describeRunning() {
        return runner.runningProperty().get() + " " + runner.runningTitles();
    }

    private void finish() {
        events.add("finished on fx: " + Platform.isFxApplicationThread());
        finished.countDown();
    }

    /** Waits for onFinished; the limit only keeps a broken runner from hanging the build. */
    private void awaitFinished() throws InterruptedException {
        assertThat(finished.await(GUARD_SECONDS, TimeUnit.SECONDS)).as("onFinished was called").isTrue();
    }
}
