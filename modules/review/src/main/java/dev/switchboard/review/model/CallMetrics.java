package dev.switchboard.review.model;

import dev.switchboard.calltaking.model.CallTarget;

/**
 * The timing figures of a call, each on the clock its target names ({@link CallTarget}): the answer from the
 * first ring, the verified location and the dispatch from the answer; null when it never happened. Marked with
 * the targets the call was scored against, so every screen and report says met or missed the same way.
 *
 * @param answerMs   from the first ring until the trainee answered
 * @param locationMs from the answer until the location was verified on the map
 * @param dispatchMs from the answer until the incident was dispatched
 * @param targets    the call's targets; null for sessions that are not calls
 */
public record CallMetrics(Long answerMs, Long locationMs, Long dispatchMs, CallTarget.Targets targets) {

    public static final CallMetrics NONE = new CallMetrics(null, null, null, null);

    /** The time to {@code target} on its clock, or null. */
    public Long of(CallTarget target) {
        return switch (target) {
            case ANSWER -> answerMs;
            case LOCATION -> locationMs;
            case DISPATCH -> dispatchMs;
        };
    }

    /** Whether {@code target} was met; null when this session has no such target (not a call). */
    public Boolean met(CallTarget target) {
        if (targets == null) {
            return null;
        }
        Long ms = of(target);
        return CallTarget.met(ms == null ? -1 : ms, target.seconds(targets));
    }
}
