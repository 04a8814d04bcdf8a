package dev.switchboard.uikit;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The GUI's task runner: work runs on worker threads (virtual threads by default), every callback on the
 * FX thread, in the order onRunning, then onSuccess or onFailure, then onFinished. Built once by the
 * composition root and shut down when the window closes. {@link #execute} may be called from any thread.
 */
public final class FxTaskRunner implements TaskRunner, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FxTaskRunner.class);

    private final ExecutorService workers;
    private final ReadOnlyIntegerWrapper running = new ReadOnlyIntegerWrapper(this, "running");
    private final ObservableList<String> titles = FXCollections.observableArrayList();
    private final ObservableList<String> titlesView = FXCollections.unmodifiableObservableList(titles);

    /** A runner that gives each task its own virtual thread. */
    public FxTaskRunner() {
        this(Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("background-task-", 0).factory()));
    }

    /** A runner that runs work on {@code workers}, e.g. a bounded pool; {@link #shutdown()} shuts it down. */
    public FxTaskRunner(ExecutorService workers) {
        this.workers = Objects.requireNonNull(workers, "workers");
    }

    // Properties

    /** How many tasks have started and not yet finished; changes on the FX thread, for the status bar. */
    public ReadOnlyIntegerProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** Titles of the running tasks that have one, oldest first; changes on the FX thread. */
    public ObservableList<String> runningTitles() {
        return titlesView;
    }

    // Commands

    /**
     * Starts {@code task} on a worker. Called on the FX thread, {@code onRunning} runs before this returns;
     * called elsewhere, the worker waits for {@code onRunning} on the FX thread before it starts the work.
     * After {@link #shutdown()} the task is dropped with a warning.
     */
    @Override
    public <T> TaskHandle execute(BackgroundTask<T> task) {
        Objects.requireNonNull(task, "task");
        boolean onFx = Platform.isFxApplicationThread();
        if (onFx) {
            started(task);
        }
        Handle handle = new Handle();
        FutureTask<Void> job = job(task, handle, onFx);
        handle.future = job;
        try {
            workers.execute(job);
        } catch (RejectedExecutionException e) {
            LOG.warn("Task '{}' was not started: the task runner has shut down", task.title());
            handle.cancel();
        }
        return handle;
    }

    /** Interrupts running work and refuses new tasks; callbacks already queued still run. */
    public void shutdown() {
        workers.shutdownNow();
        try {
            if (!workers.awaitTermination(2, TimeUnit.SECONDS)) {
                LOG.warn("Background work still running after shutdown; it is abandoned");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Same as {@link #shutdown()}. */
    @Override
    public void close() {
        shutdown();
    }

    /**
     * The task as the executor sees it. Exactly one of the worker and a cancellation that comes before
     * the worker claims the task; when the cancellation wins after onRunning already ran here, it ends
     * the task on the FX thread so that the running count stays right.
     */
    private <T> FutureTask<Void> job(BackgroundTask<T> task, Handle handle, boolean startedOnFx) {
        AtomicBoolean claimed = new AtomicBoolean();
        return new FutureTask<>(() -> {
            if (claimed.compareAndSet(false, true)) {
                run(task, handle, !startedOnFx);
            }
            return null;
        }) {
            @Override
            protected void done() {
                if (isCancelled() && startedOnFx && claimed.compareAndSet(false, true)) {
                    Platform.runLater(() -> ended(task));
                }
            }
        };
    }

    private <T> void run(BackgroundTask<T> task, Handle handle, boolean announce) {
        if (announce) {
            CompletableFuture<Void> announced = new CompletableFuture<>();
            Platform.runLater(() -> {
                try {
                    started(task);
                } finally {
                    announced.complete(null);
                }
            });
            try {
                announced.get();
            } catch (InterruptedException | ExecutionException e) {
                // Cancelled before the work began: nothing to deliver but the end.
                Platform.runLater(() -> ended(task));
                return;
            }
        }
        T value = null;
        Throwable error = null;
        try {
            value = task.call();
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Throwable e) {
            // Caught broadly so that onFinished always follows onRunning and no spinner is left turning.
            error = e;
        }
        T result = value;
        Throwable failure = error;
        Platform.runLater(() -> {
            try {
                if (handle.state.compareAndSet(State.PENDING, State.DELIVERED)) {
                    if (failure == null) {
                        task.succeeded(result);
                    } else {
                        task.failed(failure);
                    }
                }
            } finally {
                ended(task);
            }
        });
    }

    /** On the FX thread: counts the task in and tells it so. */
    private void started(BackgroundTask<?> task) {
        running.set(running.get() + 1);
        if (!task.title().isEmpty()) {
            titles.add(task.title());
        }
        task.running();
    }

    /** On the FX thread: tells the task it is over and counts it out, even if its callback throws. */
    private void ended(BackgroundTask<?> task) {
        try {
            task.finished();
        } finally {
            running.set(running.get() - 1);
            titles.remove(task.title());
        }
    }

    private enum State {
        PENDING, DELIVERED, CANCELLED
    }

    private static final class Handle implements TaskHandle {
        private final AtomicReference<State> state = new AtomicReference<>(State.PENDING);
        private volatile FutureTask<Void> future;

        @Override
        public void cancel() {
            if (state.compareAndSet(State.PENDING, State.CANCELLED)) {
                future.cancel(true);
            }
        }

        @Override
        public boolean isDone() {
            return future.isDone();
        }

        @Override
        public boolean isCancelled() {
            return state.get() == State.CANCELLED;
        }
    }
}
