package dev.switchboard.workflow.engine;

import dev.switchboard.workflow.model.Progress;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * Live progress of runs to whoever watches (the window, {@code workflow run --follow}). Each watcher has its own
 * bounded buffer: publishing never blocks the engine; when a watcher falls behind, its oldest items are dropped
 * and counted. States are never lost that way because a view reads them from the run itself; only log lines and
 * progress ticks can be dropped.
 */
public final class ProgressHub {

    /** How many items one watcher may have waiting. */
    public static final int BUFFER = 4096;

    private final List<Watcher> watchers = new CopyOnWriteArrayList<>();

    void publish(Progress p) {
        for (Watcher w : watchers) {
            if (w.filter.test(p)) {
                w.offer(p);
            }
        }
    }

    /** Starts watching the items that pass {@code filter}; close the watcher to stop. */
    public Watcher watch(Predicate<Progress> filter) {
        Watcher w = new Watcher(filter);
        watchers.add(w);
        return w;
    }

    /** One watcher's buffer. Drain it from one thread. */
    public final class Watcher implements AutoCloseable {
        private final Predicate<Progress> filter;
        private final ArrayBlockingQueue<Progress> buffer = new ArrayBlockingQueue<>(BUFFER);
        private final AtomicLong dropped = new AtomicLong();

        private Watcher(Predicate<Progress> filter) {
            this.filter = filter;
        }

        private void offer(Progress p) {
            while (!buffer.offer(p)) {
                if (buffer.poll() != null) {
                    dropped.incrementAndGet();
                }
            }
        }

        /** Everything waiting, oldest first, without blocking. */
        public List<Progress> drain() {
            List<Progress> out = new java.util.ArrayList<>();
            buffer.drainTo(out);
            return out;
        }

        /** Waits up to {@code millis} for the next item; null when none came. */
        public Progress next(long millis) throws InterruptedException {
            return buffer.poll(millis, TimeUnit.MILLISECONDS);
        }

        /** How many items were dropped because this watcher fell behind. */
        public long dropped() {
            return dropped.get();
        }

        @Override
        public void close() {
            watchers.remove(this);
        }
    }
}
