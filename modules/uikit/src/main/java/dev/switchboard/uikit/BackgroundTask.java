package dev.switchboard.uikit;

import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Blocking work plus what to do when it starts, succeeds, fails and ends, handed to a {@link TaskRunner}:
 * <pre>{@code
 * BackgroundTask.wrap(() -> tts.speak(line))
 *         .onSuccess(clip -> player.play(clip))
 *         .onFailure(e -> dialogs.showError(title, e))
 *         .executeWith(ctx.tasks());
 * }</pre>
 * The runner decides the threads: {@link FxTaskRunner} runs the work on a worker and every callback on the
 * FX thread; {@link TaskRunner#direct()} runs everything on the calling thread. Configure a task before
 * executing it; the setters are not thread-safe. A failure without an {@code onFailure} handler is logged.
 */
public final class BackgroundTask<T> {

    private static final Logger LOG = LoggerFactory.getLogger(BackgroundTask.class);

    private final Callable<T> work;
    private String title = "";
    private Runnable onRunning = () -> { };
    private Consumer<? super T> onSuccess = value -> { };
    private Consumer<Throwable> onFailure;
    private Runnable onFinished = () -> { };

    private BackgroundTask(Callable<T> work) {
        this.work = Objects.requireNonNull(work, "work");
    }

    /** A task whose work returns a value. */
    public static <T> BackgroundTask<T> wrap(Callable<T> work) {
        return new BackgroundTask<>(work);
    }

    /**
     * A task whose work returns nothing; {@code onSuccess} receives {@code null}. Note that Java picks the
     * {@link Callable} overload for an expression lambda with a value, such as {@code () -> list.add(x)}.
     */
    public static BackgroundTask<Void> wrap(Runnable work) {
        Objects.requireNonNull(work, "work");
        return new BackgroundTask<>(() -> {
            work.run();
            return null;
        });
    }

    /** A short description for the status bar, e.g. "Transcribing call"; empty by default. */
    public BackgroundTask<T> withTitle(String newTitle) {
        this.title = Objects.requireNonNull(newTitle, "title");
        return this;
    }

    /** Called before the work starts. */
    public BackgroundTask<T> onRunning(Runnable action) {
        this.onRunning = Objects.requireNonNull(action, "action");
        return this;
    }

    /** Called with the result when the work returns; not called after the task was cancelled. */
    public BackgroundTask<T> onSuccess(Consumer<? super T> action) {
        this.onSuccess = Objects.requireNonNull(action, "action");
        return this;
    }

    /** Called with what the work threw; not called after the task was cancelled. */
    public BackgroundTask<T> onFailure(Consumer<Throwable> action) {
        this.onFailure = Objects.requireNonNull(action, "action");
        return this;
    }

    /** Called last, after success, failure or cancellation of work that had started. */
    public BackgroundTask<T> onFinished(Runnable action) {
        this.onFinished = Objects.requireNonNull(action, "action");
        return this;
    }

    /** Hands the task to {@code runner}; returns at once unless the runner is {@link TaskRunner#direct()}. */
    public TaskHandle executeWith(TaskRunner runner) {
        return runner.execute(this);
    }

    // Runner side: what a TaskRunner calls, on the threads it chooses.

    public String title() {
        return title;
    }

    /** Runs the work on the calling thread. */
    public T call() throws Exception {
        return work.call();
    }

    public void running() {
        onRunning.run();
    }

    public void succeeded(T value) {
        onSuccess.accept(value);
    }

    /** Passes {@code error} to the failure handler, or logs it when there is none. */
    public void failed(Throwable error) {
        if (onFailure == null) {
            LOG.error("Background task '{}' failed and nobody handled it", title, error);
        } else {
            onFailure.accept(error);
        }
    }

    public void finished() {
        onFinished.run();
    }
}
