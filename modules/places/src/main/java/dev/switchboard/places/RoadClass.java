package dev.switchboard.places;

import java.util.Locale;

/**
 * How fast and how prominent a road is, as a share of a unit's arterial speed: motorways (expressways) at
 * 160 %, arterials at full speed, streets at 60 %.
 */
public enum RoadClass {
    MOTORWAY(1.6),
    ARTERIAL(1.0),
    STREET(0.6);

    private final double speedFactor;

    RoadClass(double speedFactor) {
        this.speedFactor = speedFactor;
    }

    /** Share of a unit type's arterial speed that it keeps on this class of road. */
    public double speedFactor() {
        return speedFactor;
    }

    /** The name used in city-pack files: {@code motorway}, {@code arterial} or {@code street}. */
    public String fileName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
