package dev.switchboard.surveillance.model;

import dev.switchboard.ai.Provenance;
import java.util.List;
import java.util.Objects;

/**
 * What a question got: the intent and its confidence, the query that ran, the answer's prose with its citations
 * (event references that exist in {@code hits}), follow-up suggestions and where the prose came from.
 *
 * @param conversation pass it back to continue the conversation, also from another process
 * @param query        the query that ran, or null when the intent needs none (help, remember, small talk)
 * @param hits         the events the answer rests on, best first
 * @param citations    references of the cited events, in order of first mention
 * @param followUps    two to four suggestions the user can click
 */
public record Answer(String conversation, Intent intent, double confidence, EventQuery query, String text,
                     List<SearchHit> hits, List<String> citations, List<String> followUps, Provenance provenance) {

    public Answer {
        Objects.requireNonNull(conversation, "conversation");
        Objects.requireNonNull(intent, "intent");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(provenance, "provenance");
        hits = List.copyOf(hits);
        citations = List.copyOf(citations);
        followUps = List.copyOf(followUps);
    }
}
