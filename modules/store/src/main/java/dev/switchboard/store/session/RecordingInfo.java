package dev.switchboard.store.session;

import dev.switchboard.core.id.SessionId;
import java.time.Instant;
import java.util.Objects;

/**
 * One audio recording of a session.
 *
 * @param file       relative to the data dir's recordings folder, '/'-separated
 * @param durationMs null while recording
 * @param sha256     hex, null while recording
 * @param status     {@code recording}, {@code complete} or {@code interrupted}
 */
public record RecordingInfo(SessionId session, String file, String kind, int sampleRate, int channels,
                            Instant startedAt, Long durationMs, String sha256, String status) {

    public RecordingInfo {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(status, "status");
    }
}
