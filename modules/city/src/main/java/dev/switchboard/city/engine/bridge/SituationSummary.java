package dev.switchboard.city.engine.bridge;

import dev.switchboard.city.model.CriticalEvent;
import dev.switchboard.city.model.EventType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * Plain-English summary of the top critical events for the trainee and for a model coordinator: the best
 * {@code limit} events grouped by ward and type, best group first, one line each, e.g.
 * <pre>
 * Situation: 20 critical events in 4 groups.
 * 1. Weapon confirmed in Shibuya (3 cameras, score 0.97)
 * 2. Violence detected in Shibuya (2 cameras, score 0.91)
 * …
 * Escalation 1.0 of 1.0.
 * </pre>
 * Escalation is the highest score among them, to one decimal. Contains no free text from sensors, only
 * enum names, ward names and numbers. Stateless.
 */
public final class SituationSummary {

    /** How many events a summary covers by default. */
    public static final int DEFAULT_LIMIT = 20;

    private static final Map<EventType, String> PHRASES = new EnumMap<>(EventType.class);

    static {
        PHRASES.put(EventType.TRAFFIC_FLOW, "Traffic flow anomaly");
        PHRASES.put(EventType.CONGESTION, "Heavy congestion");
        PHRASES.put(EventType.TRAFFIC_ACCIDENT, "Traffic accident");
        PHRASES.put(EventType.LOITERING, "Loitering");
        PHRASES.put(EventType.GATHERING, "Crowd gathering");
        PHRASES.put(EventType.VIOLENCE, "Violence detected");
        PHRASES.put(EventType.WEAPON, "Weapon confirmed");
        PHRASES.put(EventType.EARTHQUAKE, "Earthquake shaking");
        PHRASES.put(EventType.FIRE, "Fire reported");
        PHRASES.put(EventType.SMOKE, "Smoke detected");
        PHRASES.put(EventType.AIR_QUALITY, "Poor air quality");
        PHRASES.put(EventType.FLOOD, "Flooding");
    }

    private SituationSummary() {
    }

    /** Summary with ward names made from ward ids ({@code minato-ku} → {@code Minato Ku}). */
    public static String of(List<CriticalEvent> events, int limit) {
        return of(events, limit, SituationSummary::displayName);
    }

    /**
     * Summary of the best {@code limit} events of {@code events} (any order; ties keep their order).
     *
     * @param wardName display name of a ward id, e.g. from the city pack
     */
    public static String of(List<CriticalEvent> events, int limit, Function<String, String> wardName) {
        Objects.requireNonNull(events, "events");
        Objects.requireNonNull(wardName, "wardName");
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive");
        }
        List<CriticalEvent> top = events.stream()
                .sorted(Comparator.comparingDouble(CriticalEvent::score).reversed())
                .limit(limit)
                .toList();
        if (top.isEmpty()) {
            return "No critical events.";
        }
        Map<String, Group> groups = new LinkedHashMap<>();
        for (CriticalEvent e : top) {
            groups.computeIfAbsent(e.wardId() + '\u0000' + e.type(), k -> new Group(e.wardId(), e.type())).add(e);
        }
        List<Group> ordered = new ArrayList<>(groups.values());
        ordered.sort(Comparator.comparingDouble((Group g) -> g.best).reversed());
        StringBuilder sb = new StringBuilder();
        sb.append("Situation: ").append(top.size()).append(top.size() == 1 ? " critical event" : " critical events")
                .append(" in ").append(ordered.size()).append(ordered.size() == 1 ? " group." : " groups.");
        int n = 1;
        for (Group g : ordered) {
            int sensors = g.sensors.size();
            String name = Objects.requireNonNullElse(wardName.apply(g.wardId), g.wardId);
            sb.append('\n').append(n++).append(". ").append(PHRASES.get(g.type)).append(" in ").append(name)
                    .append(" (").append(sensors).append(' ').append(noun(g.type.stream(), sensors))
                    .append(String.format(Locale.ROOT, ", score %.2f)", g.best));
        }
        double escalation = top.get(0).score();
        sb.append(String.format(Locale.ROOT, "%nEscalation %.1f of 1.0.", escalation).replace("\r", ""));
        return sb.toString();
    }

    private static String noun(EventType.Stream stream, int count) {
        String one = switch (stream) {
            case TRAFFIC -> "vehicle";
            case SECURITY -> "camera";
            case DISASTER -> "station";
        };
        return count == 1 ? one : one + 's';
    }

    /** {@code shibuya} → {@code Shibuya}, {@code minato-ku} → {@code Minato Ku}. */
    static String displayName(String wardId) {
        StringBuilder sb = new StringBuilder(wardId.length());
        boolean start = true;
        for (int i = 0; i < wardId.length(); i++) {
            char c = wardId.charAt(i);
            if (c == '-' || c == '_' || c == ' ') {
                sb.append(' ');
                start = true;
            } else {
                sb.append(start ? Character.toUpperCase(c) : c);
                start = false;
            }
        }
        return sb.toString();
    }

    private static final class Group {
        final String wardId;
        final EventType type;
        final Set<Long> sensors = new HashSet<>();
        double best;

        Group(String wardId, EventType type) {
            this.wardId = wardId;
            this.type = type;
        }

        void add(CriticalEvent e) {
            sensors.add(e.sourceId());
            best = Math.max(best, e.score());
        }
    }
}
