package dev.switchboard.city.engine.sim;

import dev.switchboard.city.model.EventType;
import dev.switchboard.core.geo.LatLon;
import java.time.Duration;
import java.util.Objects;

/**
 * One sensor event a scenario injects into the pipeline.
 *
 * @param at simulated time after the scenario starts
 * @param note what it stands for in the story, for the event log
 */
public record ScriptedEvent(Duration at, EventType type, LatLon position, double risk, double confidence,
                            String note) {

    public ScriptedEvent {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(position, "position");
        Objects.requireNonNull(note, "note");
        if (at.isNegative()) {
            throw new IllegalArgumentException("A scripted event cannot come before its scenario starts");
        }
        if (!(risk >= 0 && risk <= 1) || !(confidence >= 0 && confidence <= 1)) {
            throw new IllegalArgumentException("risk and confidence must be within 0..1");
        }
    }

    static ScriptedEvent at(int seconds, EventType type, double lat, double lon, double risk, double confidence,
                            String note) {
        return new ScriptedEvent(Duration.ofSeconds(seconds), type, new LatLon(lat, lon), risk, confidence, note);
    }
}
