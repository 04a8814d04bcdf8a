package dev.switchboard.uikit;

/**
 * Runs {@link BackgroundTask}s. The one instance of the GUI is an {@link FxTaskRunner} built by the
 * composition root; tests use {@link #direct()}. The interface stays free of JavaFX so that view models
 * using it are tested as plain JUnit classes.
 */
public interface TaskRunner {

    /** Starts {@code task}; whether this returns before the work ends depends on the runner. */
    <T> TaskHandle execute(BackgroundTask<T> task);

    /**
     * A runner that runs the work and every callback on the calling thread before {@code execute}
     * returns. Exceptions thrown by callbacks propagate to the caller, so assertions inside them fail
     * the test.
     */
    static TaskRunner direct() {
        return new DirectTaskRunner();
    }
}
