package dev.switchboard.city.engine.pack;

import java.util.Locale;

/** How fast and how prominent a road is: arterials at a unit's full speed, streets at 60 % of it. */
public enum RoadClass {
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

    /** The name used in city-pack files: {@code arterial} or {@code street}. */
    public String fileName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
