package dev.switchboard.calltaking.engine.scenario;

import dev.switchboard.core.incident.ResponderType;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One training call: who rings, where the emergency really is, what the caller knows and when they say it, how
 * they feel, what a good call-taker does and which units the incident needs. Immutable; the caller engines and
 * the scorer read it, nothing changes it.
 *
 * @param id            stable, lower-case id, unique across the library (e.g. {@code fire-structure-trapped})
 * @param category      {@code police}, {@code fire}, {@code ems}, {@code traffic} or {@code other}
 * @param callback      the caller's number as digits only, e.g. {@code 09012345678}
 * @param requiredUnits the units the incident needs at least
 * @param source        where the scenario was read from, e.g. {@code bundled:/scenarios/gas-leak.yaml}
 */
public record Scenario(String id, String title, String category, String summary, Persona caller,
                       LocationTruth location, String callback, Nature nature, List<Fact> facts,
                       EmotionProfile emotion, List<ExpectedAction> expectedActions,
                       List<ResponderType> requiredUnits, TimeTargets targets, List<ScriptedEvent> events,
                       String source) {

    /** The categories a scenario may have, in the order the library lists them. */
    public static final List<String> CATEGORIES = List.of("police", "fire", "ems", "traffic", "other");

    public Scenario {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(nature, "nature");
        Objects.requireNonNull(emotion, "emotion");
        Objects.requireNonNull(targets, "targets");
        title = title == null ? id : title;
        category = category == null ? "other" : category;
        summary = summary == null ? "" : summary;
        callback = callback == null ? "" : callback;
        facts = facts == null ? List.of() : List.copyOf(facts);
        expectedActions = expectedActions == null ? List.of() : List.copyOf(expectedActions);
        requiredUnits = requiredUnits == null ? List.of() : List.copyOf(requiredUnits);
        events = events == null ? List.of() : List.copyOf(events);
        source = source == null ? "" : source;
    }

    /** The fact with this id, if the scenario has one. */
    public Optional<Fact> fact(String factId) {
        return facts.stream().filter(f -> f.id().equals(factId)).findFirst();
    }

    /** The callback as a caller would say it: {@code 090-1234-5678} for an 11-digit mobile number. */
    public String callbackSpoken() {
        if (callback.length() == 11) {
            return callback.substring(0, 3) + "-" + callback.substring(3, 7) + "-" + callback.substring(7);
        }
        if (callback.length() == 10) {
            return callback.substring(0, 2) + "-" + callback.substring(2, 6) + "-" + callback.substring(6);
        }
        return callback;
    }
}
