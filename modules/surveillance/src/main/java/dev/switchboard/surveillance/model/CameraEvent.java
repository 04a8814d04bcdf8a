package dev.switchboard.surveillance.model;

import dev.switchboard.core.geo.LatLon;
import java.time.Instant;
import java.util.Objects;

/**
 * One detection by one camera: what was seen, doing what, with which attributes, how sure the detector was, a
 * one-sentence description and the incident it belongs to when one caused it.
 *
 * @param id          unique, increasing in the order events were stored
 * @param attributes  colour, clothing, direction, count, speed and plate as the detector reported them
 * @param confidence  the detector's confidence, 0..1
 * @param description one sentence; untrusted text as far as a model is concerned
 * @param incidentId  the incident that caused it, or null
 */
public record CameraEvent(long id, Instant at, int camera, String cameraName, String wardId, LatLon position,
                          ObjectType type, Attributes attributes, Behaviour behaviour, double confidence,
                          String description, String incidentId) {

    public CameraEvent {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(cameraName, "cameraName");
        Objects.requireNonNull(wardId, "wardId");
        Objects.requireNonNull(position, "position");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(attributes, "attributes");
        Objects.requireNonNull(behaviour, "behaviour");
        Objects.requireNonNull(description, "description");
    }

    /** The reference people and answers use: {@code E} and the number, e.g. {@code E1042}. */
    public String ref() {
        return ref(id);
    }

    public static String ref(long id) {
        return "E" + id;
    }

    /**
     * The event number of a reference ({@code E1042}, {@code e1042} or {@code 1042}); -1 when it is not one.
     */
    public static long parseRef(String ref) {
        if (ref == null) {
            return -1;
        }
        String s = ref.strip();
        if (s.startsWith("E") || s.startsWith("e")) {
            s = s.substring(1);
        }
        if (s.isEmpty() || s.length() > 18) {
            return -1;
        }
        for (int i = 0; i < s.length(); i++) {
            if (!Character.isDigit(s.charAt(i)) || s.charAt(i) > '9') {
                return -1;
            }
        }
        return Long.parseLong(s);
    }

    /**
     * What the detector reported besides the type; each is empty (or 0) when not seen.
     *
     * @param count how many of the type (people in a crowd, cars in a queue); at least 1
     * @param plate the number plate of a car, truck or motorcycle when read, e.g. {@code Nerima 500 a 12-34}
     */
    public record Attributes(String colour, String clothing, String direction, int count, double speedKmh,
                             String plate) {

        public static final Attributes NONE = new Attributes("", "", "", 1, 0, "");

        public Attributes {
            colour = colour == null ? "" : colour;
            clothing = clothing == null ? "" : clothing;
            direction = direction == null ? "" : direction;
            plate = plate == null ? "" : plate;
            count = Math.max(1, count);
        }
    }
}
