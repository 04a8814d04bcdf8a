package dev.switchboard.review.model;

/** The session list's columns that can be sorted on. */
public enum SortColumn {
    TRAINEE, KIND, TITLE, DATE, DURATION, SCORE, STATUS
}
