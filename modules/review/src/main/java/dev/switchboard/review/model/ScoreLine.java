package dev.switchboard.review.model;

import java.util.Objects;

/** One rubric item's result, as kept in the review's index for lists, CSV and progress charts. */
public record ScoreLine(String id, String label, double weight, double earned) {

    public ScoreLine {
        Objects.requireNonNull(id, "id");
        label = label == null ? id : label;
    }
}
