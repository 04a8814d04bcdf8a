package dev.switchboard.surveillance.model;

import dev.switchboard.core.geo.LatLon;
import java.time.Instant;
import java.util.Objects;

/**
 * An incident of the control room or the call console as surveillance knows it: where and when, so "cameras near
 * this incident" can search, and which session's log an attached clip goes to.
 *
 * @param id        the incident's id or the call's reference
 * @param sessionId the training session whose event log records it, or null for generated history
 * @param source    {@code control-room}, {@code call-console} or {@code history}
 * @param simMillis the session's sim time at which it opened (0 when not known)
 * @param open      whether it is still open
 */
public record IncidentRef(String id, String sessionId, String source, String title, String wardId, LatLon position,
                          Instant at, long simMillis, boolean open) {

    public IncidentRef {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(position, "position");
        Objects.requireNonNull(at, "at");
        wardId = wardId == null ? "" : wardId;
    }
}
