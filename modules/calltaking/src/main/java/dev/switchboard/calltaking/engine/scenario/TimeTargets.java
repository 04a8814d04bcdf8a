package dev.switchboard.calltaking.engine.scenario;

/**
 * The times a good call-taker meets, in seconds from the moment the call started ringing.
 *
 * @param answerSeconds   answer within (NENA: 15 s)
 * @param locationSeconds have a verified location within
 * @param dispatchSeconds have units dispatched within
 */
public record TimeTargets(int answerSeconds, int locationSeconds, int dispatchSeconds) {

    /** NENA's 15 s answer, 60 s to location, 120 s to dispatch. */
    public static final TimeTargets DEFAULT = new TimeTargets(15, 60, 120);
}
