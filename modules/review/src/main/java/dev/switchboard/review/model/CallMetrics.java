package dev.switchboard.review.model;

/**
 * The timing figures of a call, in ms since the call was offered; null when it never happened.
 *
 * @param answerMs   until the trainee answered
 * @param locationMs until a location was first known (an entity of type LOCATION or a CAD location field)
 * @param dispatchMs until the incident was dispatched
 */
public record CallMetrics(Long answerMs, Long locationMs, Long dispatchMs) {

    public static final CallMetrics NONE = new CallMetrics(null, null, null);
}
