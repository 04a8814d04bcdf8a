package dev.switchboard.surveillance.model;

import java.util.List;
import java.util.Objects;

/**
 * The results of one query and how many events matched its filters in all.
 *
 * @param totalMatches events that match the filters (and the text, when the keyword ranker alone answers)
 * @param semanticPending events whose descriptions are not embedded yet, so only keyword search finds them
 */
public record SearchResult(EventQuery query, List<SearchHit> hits, long totalMatches, long semanticPending,
                           long tookMicros) {

    public SearchResult {
        Objects.requireNonNull(query, "query");
        hits = List.copyOf(hits);
    }
}
