package dev.switchboard.city.engine.sim;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The bundled crisis scenarios, found by name. */
public final class Scenarios {

    private static final List<Scenario> ALL = List.of(new GangViolenceScenario(), new EarthquakeScenario(),
            new ExpresswayPileupScenario());

    private Scenarios() {
    }

    public static List<Scenario> all() {
        return ALL;
    }

    public static List<String> names() {
        return ALL.stream().map(Scenario::name).toList();
    }

    /** The scenario called {@code name} (case ignored), if any. */
    public static Optional<Scenario> byName(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String key = name.strip().toLowerCase(Locale.ROOT);
        return ALL.stream().filter(s -> s.name().equals(key)).findFirst();
    }
}
