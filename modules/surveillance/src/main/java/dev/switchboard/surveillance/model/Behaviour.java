package dev.switchboard.surveillance.model;

import java.util.Locale;

/** What the seen object was doing, as the behaviour detector classified it. */
public enum Behaviour {
    PASSING("passing"),
    PARKED("parked"),
    LOITERING("loitering"),
    RUNNING("running"),
    FIGHTING("fighting"),
    WEAPON("weapon visible"),
    FALL("fall"),
    CRASH("crash"),
    ABANDONED("abandoned object"),
    CROWD_FORMING("crowd forming"),
    SPEEDING("speeding"),
    BURNING("burning");

    private final String label;

    Behaviour(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The stable lower-case code, e.g. {@code crowd-forming}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The behaviour with this code or label; null when none. */
    public static Behaviour fromCode(String code) {
        if (code == null) {
            return null;
        }
        String c = code.strip().toLowerCase(Locale.ROOT).replace('_', '-');
        for (Behaviour b : values()) {
            if (b.code().equals(c) || b.label.equals(c)) {
                return b;
            }
        }
        return null;
    }

    /** Whether a person watching the cameras would call this out (everything but passing and parked). */
    public boolean notable() {
        return this != PASSING && this != PARKED;
    }
}
