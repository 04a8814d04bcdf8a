package dev.switchboard.review.model;

/**
 * The supervisor's verdict on a session. Three competence levels rather than A-F letters: a training center
 * signs off whether a call-taker can work the line alone, and a letter grade suggests a precision the rubric
 * score already gives.
 */
public enum Grade {
    /** Handled the call to the center's standard without help. */
    COMPETENT,
    /** Met most of the standard; needs practice on the points in the notes. */
    NEEDS_PRACTICE,
    /** Not safe to work the line alone yet. */
    NOT_YET_COMPETENT
}
