package dev.switchboard.review.model;

import dev.switchboard.calltaking.model.CallLog;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the session view shows, read once from the session's event log and recording.
 *
 * @param started     the call's start entry; empty for control-room sessions
 * @param audio       the WAV file, when the session has one and it exists
 * @param utterances  the transcript in time order
 * @param timeline    every log entry in time order
 * @param emotions    the caller's emotional state over time
 * @param unitFixes   unit positions over time, for the map replay
 * @param incidents   incident positions, for the map replay
 * @param score       the rubric result, when the call was scored
 * @param durationMs  the length of the recording, or of the log when there is no recording
 */
public record RecordedSession(SessionRow row, Optional<CallLog.Started> started, Optional<Path> audio,
                              List<CallLog.Utterance> utterances, List<TimelineItem> timeline,
                              List<CallLog.Emotion> emotions, List<UnitFix> unitFixes,
                              List<IncidentMark> incidents, Optional<CallLog.Score> score, CallMetrics metrics,
                              Integrity integrity, long durationMs) {

    public RecordedSession {
        Objects.requireNonNull(row, "row");
        Objects.requireNonNull(started, "started");
        Objects.requireNonNull(audio, "audio");
        utterances = List.copyOf(utterances);
        timeline = List.copyOf(timeline);
        emotions = List.copyOf(emotions);
        unitFixes = List.copyOf(unitFixes);
        incidents = List.copyOf(incidents);
        Objects.requireNonNull(score, "score");
        Objects.requireNonNull(metrics, "metrics");
        Objects.requireNonNull(integrity, "integrity");
    }

    /** This session with its recording, once fetched: {@code audio}, and the longer of its length and the log's. */
    public RecordedSession withRecording(Path file, long recordingMs) {
        return new RecordedSession(row, started, Optional.of(file), utterances, timeline, emotions, unitFixes,
                incidents, score, metrics, integrity, Math.max(durationMs, recordingMs));
    }
}
