package dev.switchboard.calltaking.engine.scenario;

import dev.switchboard.calltaking.model.CallTarget;

/**
 * The times a good call-taker meets, in seconds, each on its clock as {@link CallTarget} defines it: the answer
 * from the first ring, the verified location and the dispatch from the answer.
 *
 * @param answerSeconds   answer within (NENA: 15 s)
 * @param locationSeconds have a verified location within
 * @param dispatchSeconds have units dispatched within
 */
public record TimeTargets(int answerSeconds, int locationSeconds, int dispatchSeconds) {

    /** NENA's 15 s answer, 60 s to location, 120 s to dispatch. */
    public static final TimeTargets DEFAULT = new TimeTargets(15, 60, 120);

    /** The targets as the call logs them, with defaults for any left unset (≤ 0). */
    public CallTarget.Targets logged() {
        return new CallTarget.Targets(answerSeconds, locationSeconds, dispatchSeconds).orDefaults();
    }
}
