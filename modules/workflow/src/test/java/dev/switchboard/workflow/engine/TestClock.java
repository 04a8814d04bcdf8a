package dev.switchboard.workflow.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.PriorityQueue;

/** An engine clock a test moves by hand: timers fire on the calling thread when time passes them. */
final class TestClock implements EngineClock {

    private record Timer(Instant at, long order, Runnable action) {
    }

    private final PriorityQueue<Timer> timers = new PriorityQueue<>((a, b) -> a.at.equals(b.at)
            ? Long.compare(a.order, b.order) : a.at.compareTo(b.at));
    private Instant now = Instant.parse("2025-01-06T09:00:00Z");
    private long order;

    @Override
    public synchronized Instant now() {
        return now;
    }

    @Override
    public synchronized AutoCloseable schedule(Instant at, Runnable action) {
        Timer t = new Timer(at, order++, action);
        timers.add(t);
        return () -> {
            synchronized (TestClock.this) {
                timers.remove(t);
            }
        };
    }

    /** Moves time on by {@code d}, running each timer due on the way at its own time. */
    void advance(Duration d) {
        Instant end;
        synchronized (this) {
            end = now.plus(d);
        }
        while (true) {
            Timer next;
            synchronized (this) {
                next = timers.peek();
                if (next == null || next.at.isAfter(end)) {
                    now = end;
                    return;
                }
                timers.poll();
                if (next.at.isAfter(now)) {
                    now = next.at;
                }
            }
            next.action.run();
        }
    }

    synchronized int pending() {
        return timers.size();
    }
}
