package dev.switchboard.surveillance.model;

import dev.switchboard.core.geo.LatLon;
import java.util.Objects;

/**
 * One fixed camera of the city: the control room's security cameras, numbered from 1.
 *
 * @param number   what people call it: "camera 12"
 * @param sensorId the control room's sensor id of the same camera
 * @param name     e.g. "Shinjuku 0012 · station plaza"
 * @param scene    what it looks at
 */
public record Camera(int number, long sensorId, String name, String wardId, String wardName, LatLon position,
                     Scene scene) {

    public Camera {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(wardId, "wardId");
        Objects.requireNonNull(wardName, "wardName");
        Objects.requireNonNull(position, "position");
        Objects.requireNonNull(scene, "scene");
        if (number < 1) {
            throw new IllegalArgumentException("camera numbers start at 1, was " + number);
        }
    }

    /** What a camera looks at; decides what it tends to see and how its frames are drawn. */
    public enum Scene {
        STREET("street"),
        JUNCTION("junction"),
        STATION_PLAZA("station plaza"),
        SHOPPING_ARCADE("shopping arcade"),
        PARK("park"),
        SCHOOL_GATE("school gate"),
        PARKING("car park"),
        RIVERSIDE("riverside path");

        private final String label;

        Scene(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        /** Whether road vehicles pass in front of it. */
        public boolean hasTraffic() {
            return this == STREET || this == JUNCTION || this == PARKING || this == STATION_PLAZA;
        }
    }
}
