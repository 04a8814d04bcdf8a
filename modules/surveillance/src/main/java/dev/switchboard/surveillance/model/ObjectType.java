package dev.switchboard.surveillance.model;

import java.util.Locale;

/** What a camera's detector saw. */
public enum ObjectType {
    PERSON("person"),
    CAR("car"),
    TRUCK("truck"),
    BICYCLE("bicycle"),
    MOTORCYCLE("motorcycle"),
    BAG("bag"),
    ANIMAL("animal"),
    CROWD("crowd"),
    FIRE_SMOKE("fire or smoke");

    private final String label;

    ObjectType(String label) {
        this.label = label;
    }

    /** The word a person uses, e.g. "fire or smoke". */
    public String label() {
        return label;
    }

    /** The stable lower-case code used in the store, the index and the CLI, e.g. {@code fire-smoke}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The type with this code or label; null when none. */
    public static ObjectType fromCode(String code) {
        if (code == null) {
            return null;
        }
        String c = code.strip().toLowerCase(Locale.ROOT).replace('_', '-');
        for (ObjectType t : values()) {
            if (t.code().equals(c) || t.label.equals(c)) {
                return t;
            }
        }
        return null;
    }
}
