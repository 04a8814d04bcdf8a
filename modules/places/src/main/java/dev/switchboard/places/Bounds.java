package dev.switchboard.places;

import dev.switchboard.core.geo.LatLon;

/** A latitude/longitude box in decimal degrees, {@code west < east} (no boxes across the antimeridian). */
public record Bounds(double south, double west, double north, double east) {

    public Bounds {
        if (!(south < north) || !(west < east)) {
            throw new IllegalArgumentException(
                    "Bounds need south < north and west < east, were "
                            + south + ", " + west + ", " + north + ", " + east);
        }
    }

    /** Whether {@code p} lies inside the box or on its edge. */
    public boolean contains(LatLon p) {
        return p.lat() >= south && p.lat() <= north && p.lon() >= west && p.lon() <= east;
    }

    /** The middle of the box. */
    public LatLon centre() {
        return new LatLon((south + north) / 2, (west + east) / 2);
    }
}
