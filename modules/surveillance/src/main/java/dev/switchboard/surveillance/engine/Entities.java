package dev.switchboard.surveillance.engine;

import dev.switchboard.surveillance.model.Behaviour;
import dev.switchboard.surveillance.model.ObjectType;
import java.util.List;
import java.util.Set;

/**
 * What a question names: cameras, object types, behaviours, colours, a plate, a place and radius, times, event
 * references, and the words that point back into the conversation ("there", "the same camera", "that car").
 *
 * @param place        the place named, or null
 * @param radiusMeters a radius the question gave ("within 300 m"), or 0
 * @param eventRefs    event references named (E1042)
 * @param ordinal      "the second one" → 2, else 0
 * @param there        the question points at the place in focus ("there", "same place")
 * @param sameCamera   the question points at the camera in focus
 * @param thatObject   the question points at the object in focus ("that car", "him", "it")
 * @param incidentWord an incident kind the question names with "the … fire/fight/crash", or null
 * @param text         the words left for keyword and semantic matching
 */
public record Entities(List<Integer> cameras, Set<ObjectType> types, Set<Behaviour> behaviours, List<String> colours,
                       String plate, PlaceResolver.Place place, double radiusMeters, TimeExpressions.Parsed time,
                       List<Long> eventRefs, int ordinal, boolean there, boolean sameCamera, boolean thatObject,
                       String incidentWord, String incidentId, double minConfidence, String text) {

    public Entities {
        cameras = List.copyOf(cameras);
        types = Set.copyOf(types);
        behaviours = Set.copyOf(behaviours);
        colours = List.copyOf(colours);
        eventRefs = List.copyOf(eventRefs);
        plate = plate == null ? "" : plate;
        text = text == null ? "" : text;
    }

    /** Whether the question names anything about camera events at all. */
    public boolean any() {
        return !cameras.isEmpty() || !types.isEmpty() || !behaviours.isEmpty() || !colours.isEmpty()
                || !plate.isEmpty() || place != null || time.any() || !eventRefs.isEmpty() || incidentWord != null
                || incidentId != null || there || sameCamera || thatObject;
    }
}
