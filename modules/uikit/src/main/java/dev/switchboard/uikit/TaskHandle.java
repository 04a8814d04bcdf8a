package dev.switchboard.uikit;

/** Control over one executed {@link BackgroundTask}. Thread-safe. */
public interface TaskHandle {

    /**
     * Asks the task to stop: interrupts its worker, and drops its success and failure callbacks if they
     * have not been delivered yet. {@code onFinished} still runs if the work had started. Does nothing
     * once the success or failure callback has run.
     */
    void cancel();

    /** Whether the work has ended: completed, failed or cancelled. Callbacks may still be on their way. */
    boolean isDone();

    /** Whether {@link #cancel()} stopped the task before it was done. */
    boolean isCancelled();
}
