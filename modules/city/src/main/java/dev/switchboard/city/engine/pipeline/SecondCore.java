package dev.switchboard.city.engine.pipeline;

import java.util.concurrent.ForkJoinTask;

/**
 * Runs two halves of a tick's work at once: the other half on the common fork-join pool (the JVM's shared
 * worker threads, one per extra core), this half on the calling thread. When no worker is free the caller
 * runs the other half itself once its own is done, so a busy machine slows a tick down but never stalls it.
 * No thread of its own to start or stop.
 */
final class SecondCore {

    /** Below this many records a fork costs more than it saves. */
    static final int MIN_RECORDS = 8_192;

    private SecondCore() {
    }

    /**
     * Runs {@code here} on the calling thread and {@code there} beside it; returns when both are done. Writes
     * made by {@code there} are visible to the caller afterwards; an exception of either is thrown here.
     */
    static void both(Runnable here, Runnable there) {
        ForkJoinTask<?> other = ForkJoinTask.adapt(there).fork();
        try {
            here.run();
        } finally {
            other.join();
        }
    }
}
