package dev.switchboard.core.map;

import dev.switchboard.core.event.DomainEvent;
import dev.switchboard.core.geo.LatLon;
import java.util.List;
import java.util.Objects;

/**
 * Posted when a user asks to see a set of places on the control-room map (surveillance results, for instance); the
 * control room draws them as numbered pins over its map, replacing the pins an earlier request from the same
 * {@code source} drew. An empty list clears them.
 *
 * @param source what asks, in words the user knows ("Surveillance"); pins of one source replace each other
 * @param title  what the pins are, shown beside them ("\"red car\" · ward taito · 12 results")
 * @param pins   in order: the first is pin 1
 */
public record MapPinsRequested(String source, String title, List<Pin> pins) implements DomainEvent {

    public MapPinsRequested {
        Objects.requireNonNull(source, "source");
        title = title == null ? "" : title;
        pins = List.copyOf(pins);
    }

    /**
     * One place.
     *
     * @param reference what the pin stands for, e.g. an event's {@code E-1207}
     * @param label     a line for the user, e.g. the camera's name and the time
     */
    public record Pin(String reference, String label, LatLon position) {
        public Pin {
            Objects.requireNonNull(reference, "reference");
            label = label == null ? "" : label;
            Objects.requireNonNull(position, "position");
        }
    }
}
