package dev.switchboard.review.model;

import java.util.Objects;

/** Where an incident is and from when it exists ({@code atMs} since the recording started). */
public record IncidentMark(String reference, long atMs, double lat, double lon, String label) {

    public IncidentMark {
        Objects.requireNonNull(reference, "reference");
        label = label == null ? "" : label;
    }
}
