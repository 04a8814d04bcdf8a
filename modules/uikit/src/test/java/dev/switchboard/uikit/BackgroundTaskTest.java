package dev.switchboard.uikit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** BackgroundTask on {@link TaskRunner#direct()}: everything happens before execute returns. */
class BackgroundTaskTest {

    private final List<String> events = new ArrayList<>();
    private final TaskRunner direct = TaskRunner.direct();

    @Test
    void successRunsCallbacksInOrder() {
        TaskHandle handle = BackgroundTask.wrap(() -> {
            events.add("work");
            return 42;
        })
                .onRunning(() -> events.add("running"))
                .onSuccess(value -> events.add("success " + value))
                .onFailure(error -> events.add("failure"))
                .onFinished(() -> events.add("finished"))
                .executeWith(direct);

        assertThat(events).containsExactly("running", "work", "success 42", "finished");
        assertThat(handle.isDone()).isTrue();
        assertThat(handle.isCancelled()).isFalse();
    }

    @Test
    void failureGoesToOnFailureNotOnSuccess() {
        IOException boom = new IOException("disk unplugged");

        BackgroundTask.wrap(() -> {
            throw boom;
        })
                .onSuccess(value -> events.add("success"))
                .onFailure(error -> events.add("failure " + error.getMessage()))
                .onFinished(() -> events.add("finished"))
                .executeWith(direct);

        assertThat(events).containsExactly("failure disk unplugged", "finished");
    }

    @Test
    void anUnhandledFailureIsLoggedNotThrown() {
        BackgroundTask.wrap(() -> {
            throw new IllegalStateException("nobody listens");
        }).withTitle("Unheard").onFinished(() -> events.add("finished")).executeWith(direct);

        assertThat(events).containsExactly("finished");
    }

    @Test
    void runnableWorkSucceedsWithNull() {
        List<Object> results = new ArrayList<>();

        Runnable work = () -> events.add("ran");
        BackgroundTask.wrap(work).onSuccess(results::add).executeWith(direct);

        assertThat(events).containsExactly("ran");
        assertThat(results).containsExactly((Object) null);
    }

    @Test
    void cancellingAFinishedTaskChangesNothing() {
        TaskHandle handle = BackgroundTask.wrap(() -> "done").onSuccess(events::add).executeWith(direct);

        handle.cancel();

        assertThat(events).containsExactly("done");
        assertThat(handle.isDone()).isTrue();
        assertThat(handle.isCancelled()).isFalse();
    }

    @Test
    void anAssertionInACallbackFailsTheCaller() {
        BackgroundTask<String> task = BackgroundTask.wrap(() -> "actual")
                .onSuccess(value -> assertThat(value).isEqualTo("expected"))
                .onFinished(() -> events.add("finished"));

        assertThatThrownBy(() -> task.executeWith(direct)).isInstanceOf(AssertionError.class);
        assertThat(events).containsExactly("finished");
    }

    @Test
    void keepsItsTitle() {
        assertThat(BackgroundTask.wrap(() -> 1).title()).isEmpty();
        assertThat(BackgroundTask.wrap(() -> 1).withTitle("Transcribing call").title()).isEqualTo("Transcribing call");
    }
}
