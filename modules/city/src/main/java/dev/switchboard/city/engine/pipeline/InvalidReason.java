package dev.switchboard.city.engine.pipeline;

/** Why the network filter rejected a record as not matching the schema; the first failing check wins. */
public enum InvalidReason {
    UNKNOWN_TYPE("unknown type code"),
    BAD_SOURCE("source id out of range"),
    BAD_LATITUDE("latitude not a number or outside -90..90"),
    BAD_LONGITUDE("longitude not a number or outside -180..180"),
    OUTSIDE_CITY("position outside the city"),
    BAD_RISK("risk (F22) not a number or outside 0..1"),
    BAD_CONFIDENCE("confidence not a number or outside 0..1"),
    BAD_TIME("timestamp negative or in the future"),
    FLAG_MISMATCH("field flags do not match the type");

    private final String description;

    InvalidReason(String description) {
        this.description = description;
    }

    /** A short English description for the UI. */
    public String description() {
        return description;
    }
}
