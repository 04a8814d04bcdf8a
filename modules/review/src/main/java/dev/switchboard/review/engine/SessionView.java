package dev.switchboard.review.engine;

import dev.switchboard.core.id.SessionId;
import dev.switchboard.review.model.RecordedSession;
import dev.switchboard.review.model.TimelineItem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A recorded session made ready for the session view: the session itself, its waveform, the transcript sync
 * and the map replay. Everything the view needs before its first frame; built off the FX thread.
 */
public record SessionView(RecordedSession session, Waveform waveform, TranscriptSync sync, MapReplay replay,
                          long[] timelineStarts) {

    public SessionView {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(waveform, "waveform");
        Objects.requireNonNull(sync, "sync");
        Objects.requireNonNull(replay, "replay");
    }

    /** Opens {@code id} through {@code service} (audited) and computes a waveform of {@code buckets} columns. */
    public static SessionView open(ReviewService service, SessionId id, int buckets) {
        RecordedSession s = service.open(id);
        Waveform waveform;
        try {
            waveform = s.audio().isPresent() ? Waveform.of(WavFile.read(s.audio().get()), buckets)
                    : Waveform.silent(buckets, s.durationMs());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the recording " + s.audio().get() + ": " + e.getMessage(),
                    e);
        }
        List<TimelineItem> timeline = s.timeline();
        long[] starts = timeline.stream().mapToLong(TimelineItem::atMs).toArray();
        return new SessionView(s, waveform, new TranscriptSync(s.utterances(), s.durationMs()),
                new MapReplay(s.unitFixes(), s.incidents()), starts);
    }

    /** The last timeline item at or before {@code ms}, or -1. */
    public int timelineIndexAt(long ms) {
        int i = Arrays.binarySearch(timelineStarts, ms);
        if (i >= 0) {
            while (i + 1 < timelineStarts.length && timelineStarts[i + 1] == ms) {
                i++;
            }
            return i;
        }
        return -(i + 1) - 1;
    }
}
