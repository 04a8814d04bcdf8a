package dev.switchboard.review.model;

import dev.switchboard.core.id.SessionId;
import java.time.Instant;
import java.util.Map;

/**
 * One session of a trainee, as a point on the progress charts.
 *
 * @param items  earned (0..1) per rubric item id
 * @param labels the rubric items' labels by id, as the score named them
 */
public record ProgressPoint(SessionId session, Instant startedAt, String title, Double score, CallMetrics metrics,
                            Map<String, Double> items, Map<String, String> labels) {

    public ProgressPoint {
        items = Map.copyOf(items);
        labels = Map.copyOf(labels);
    }
}
