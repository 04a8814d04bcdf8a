package dev.switchboard.calltaking.engine.session;

import dev.switchboard.calltaking.engine.scenario.Scenario;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The calls waiting for the trainee: each scenario rings from a start time (ms on the console's clock) until it
 * is taken. The answer time of a call is measured from its ring start. Thread-safe.
 */
public final class CallQueue {

    /**
     * One call in the queue.
     *
     * @param id          unique within the queue, e.g. {@code q3}
     * @param ringStartMs when it starts ringing, on the queue's clock
     */
    public record QueuedCall(String id, Scenario scenario, long ringStartMs) {

        public QueuedCall {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(scenario, "scenario");
        }

        /** How long it has rung at {@code nowMs}: 0 before it starts. */
        public long ringingMs(long nowMs) {
            return Math.max(0, nowMs - ringStartMs);
        }
    }

    private final List<QueuedCall> calls = new ArrayList<>();
    private int next = 1;

    /** Queues {@code scenario} to ring from {@code ringStartMs}; returns the queued call. */
    public synchronized QueuedCall offer(Scenario scenario, long ringStartMs) {
        QueuedCall call = new QueuedCall("q" + next++, scenario, ringStartMs);
        calls.add(call);
        calls.sort(Comparator.comparingLong(QueuedCall::ringStartMs));
        return call;
    }

    /** The calls ringing at {@code nowMs}, longest-ringing first. */
    public synchronized List<QueuedCall> ringing(long nowMs) {
        return calls.stream().filter(c -> c.ringStartMs() <= nowMs).toList();
    }

    /** Every call still queued, ringing or not yet, by ring start. */
    public synchronized List<QueuedCall> all() {
        return List.copyOf(calls);
    }

    /** Takes a ringing call off the queue (the trainee answered it), or empty when it is not ringing. */
    public synchronized Optional<QueuedCall> take(String id, long nowMs) {
        for (QueuedCall c : calls) {
            if (c.id().equals(id) && c.ringStartMs() <= nowMs) {
                calls.remove(c);
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /** The call that has rung longest at {@code nowMs}, taken off the queue. */
    public synchronized Optional<QueuedCall> takeOldest(long nowMs) {
        return ringing(nowMs).stream().findFirst().flatMap(c -> take(c.id(), nowMs));
    }
}
