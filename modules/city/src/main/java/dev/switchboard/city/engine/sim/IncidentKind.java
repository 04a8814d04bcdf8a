package dev.switchboard.city.engine.sim;

import dev.switchboard.city.model.EventType;
import java.util.Locale;
import java.util.Optional;

/**
 * What kind of emergency an incident is; decides its title, default priority and which units it needs:
 * weapon → SWAT + ambulance, violence → police (+ ambulance), fire → fire units (+ ambulance), accident →
 * ambulance + police + traffic control, earthquake (collapsed building) → fire + ambulance.
 */
public enum IncidentKind {
    WEAPON("Weapon confirmed", 1, EventType.WEAPON),
    VIOLENCE("Violence", 2, EventType.VIOLENCE),
    FIRE("Fire", 2, EventType.FIRE),
    ACCIDENT("Traffic accident", 2, EventType.TRAFFIC_ACCIDENT),
    EARTHQUAKE("Collapsed building", 1, EventType.EARTHQUAKE),
    MEDICAL("Medical emergency", 3, null),
    GENERAL("Disturbance", 4, null);

    private final String title;
    private final int defaultPriority;
    private final EventType cause;

    IncidentKind(String title, int defaultPriority, EventType cause) {
        this.title = title;
        this.defaultPriority = defaultPriority;
        this.cause = cause;
    }

    public String title() {
        return title;
    }

    /** 1 (highest) to 5. */
    public int defaultPriority() {
        return defaultPriority;
    }

    /** The sensor event type that raises this kind, or null when only calls and people raise it. */
    public EventType cause() {
        return cause;
    }

    /** The kind a critical sensor event raises, or empty when such events never become incidents by themselves. */
    public static Optional<IncidentKind> of(EventType type) {
        return Optional.ofNullable(switch (type) {
            case WEAPON -> WEAPON;
            case VIOLENCE -> VIOLENCE;
            case FIRE -> FIRE;
            case TRAFFIC_ACCIDENT -> ACCIDENT;
            case EARTHQUAKE -> EARTHQUAKE;
            default -> null;
        });
    }

    /**
     * The kind a caller's or call-taker's description suggests, by keywords (English); {@link #GENERAL}
     * when nothing matches. The most dangerous match wins: "fight with a knife" is a weapon.
     */
    /**
     * The kind a CAD nature code names by its family prefix ({@code FIRE-STRUCT} is a fire, {@code MED-…} medical,
     * {@code TRF-…} an accident, {@code DIS-…} a collapse, {@code POL-…WPN} a weapon); empty when the code does
     * not say, so the words decide.
     */
    public static java.util.Optional<IncidentKind> fromNatureCode(String code) {
        String c = code == null ? "" : code.toUpperCase(Locale.ROOT);
        IncidentKind kind = null;
        if (c.startsWith("FIRE") || c.startsWith("HAZ")) {
            kind = c.startsWith("HAZ") && !c.contains("FIRE") ? null : FIRE;
        } else if (c.startsWith("MED") || c.startsWith("EMS")) {
            kind = MEDICAL;
        } else if (c.startsWith("TRF") || c.startsWith("TRAFFIC")) {
            kind = ACCIDENT;
        } else if (c.startsWith("DIS") || c.contains("COLLAPSE")) {
            kind = EARTHQUAKE;
        } else if (c.startsWith("POL")) {
            kind = c.contains("WPN") || c.contains("WEAPON") ? WEAPON
                    : c.contains("ASSAULT") || c.contains("DV") ? VIOLENCE : null;
        }
        return java.util.Optional.ofNullable(kind);
    }

    public static IncidentKind fromNature(String nature) {
        String text = nature == null ? "" : nature.toLowerCase(Locale.ROOT);
        if (containsAny(text, "weapon", "gun", "knife", "shot", "shooting", "armed", "stab")) {
            return WEAPON;
        }
        if (containsAny(text, "building collapse", "collapsed building", "earthquake", "quake", "rubble", "trapped")) {
            return EARTHQUAKE;
        }
        if (containsAny(text, "fire", "smoke", "burning", "flames")) {
            return FIRE;
        }
        if (containsAny(text, "accident", "crash", "collision", "pile-up", "pileup", "hit by")) {
            return ACCIDENT;
        }
        if (containsAny(text, "fight", "assault", "violence", "attack", "brawl", "robbery")) {
            return VIOLENCE;
        }
        if (containsAny(text, "medical", "injur", "unconscious", "breathing", "heart", "bleeding", "collapsed",
                "overdose", "ambulance")) {
            return MEDICAL;
        }
        return GENERAL;
    }

    private static boolean containsAny(String text, String... words) {
        for (String w : words) {
            if (text.contains(w)) {
                return true;
            }
        }
        return false;
    }
}
