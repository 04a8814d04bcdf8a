package dev.switchboard.review.model;

import java.time.Instant;

/**
 * A filter and order for the session list; a null criterion matches everything. Text criteria match part of
 * the value, ignoring case.
 *
 * @param trainee       part of the trainee's name, or the trainee's exact user id
 * @param title         part of the scenario title
 * @param kind          exact kind, e.g. {@code call}
 * @param status        one review status
 * @param from          sessions started at or after this instant
 * @param to            sessions started before this instant
 * @param minDurationMs sessions at least this long
 * @param maxDurationMs sessions at most this long
 * @param minScore      sessions scored at least this
 * @param maxScore      sessions scored at most this
 * @param transcript    words that must all occur in the call's transcript (full-text search, prefix match)
 * @param sort          the column to order by
 * @param descending    the order's direction
 * @param limit         at most this many rows, 1..100,000
 */
public record SessionQuery(String trainee, String title, String kind, ReviewStatus status, Instant from,
                           Instant to, Long minDurationMs, Long maxDurationMs, Double minScore, Double maxScore,
                           String transcript, SortColumn sort, boolean descending, int limit) {

    /** The most rows a query may return. */
    public static final int MAX_LIMIT = 100_000;

    public SessionQuery {
        sort = sort == null ? SortColumn.DATE : sort;
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("A session query returns 1-" + MAX_LIMIT + " rows, asked for " + limit);
        }
    }

    /** Every session, newest first, up to {@code limit}. */
    public static SessionQuery all(int limit) {
        return new SessionQuery(null, null, null, null, null, null, null, null, null, null, null, SortColumn.DATE,
                true, limit);
    }

    public SessionQuery withTrainee(String value) {
        return new SessionQuery(value, title, kind, status, from, to, minDurationMs, maxDurationMs, minScore,
                maxScore, transcript, sort, descending, limit);
    }

    public SessionQuery withTitle(String value) {
        return new SessionQuery(trainee, value, kind, status, from, to, minDurationMs, maxDurationMs, minScore,
                maxScore, transcript, sort, descending, limit);
    }

    public SessionQuery withKind(String value) {
        return new SessionQuery(trainee, title, value, status, from, to, minDurationMs, maxDurationMs, minScore,
                maxScore, transcript, sort, descending, limit);
    }

    public SessionQuery withStatus(ReviewStatus value) {
        return new SessionQuery(trainee, title, kind, value, from, to, minDurationMs, maxDurationMs, minScore,
                maxScore, transcript, sort, descending, limit);
    }

    public SessionQuery withDates(Instant fromValue, Instant toValue) {
        return new SessionQuery(trainee, title, kind, status, fromValue, toValue, minDurationMs, maxDurationMs,
                minScore, maxScore, transcript, sort, descending, limit);
    }

    public SessionQuery withDuration(Long minMs, Long maxMs) {
        return new SessionQuery(trainee, title, kind, status, from, to, minMs, maxMs, minScore, maxScore, transcript,
                sort, descending, limit);
    }

    public SessionQuery withScore(Double min, Double max) {
        return new SessionQuery(trainee, title, kind, status, from, to, minDurationMs, maxDurationMs, min, max,
                transcript, sort, descending, limit);
    }

    public SessionQuery withTranscript(String words) {
        return new SessionQuery(trainee, title, kind, status, from, to, minDurationMs, maxDurationMs, minScore,
                maxScore, words, sort, descending, limit);
    }

    public SessionQuery sortedBy(SortColumn column, boolean desc) {
        return new SessionQuery(trainee, title, kind, status, from, to, minDurationMs, maxDurationMs, minScore,
                maxScore, transcript, column, desc, limit);
    }
}
