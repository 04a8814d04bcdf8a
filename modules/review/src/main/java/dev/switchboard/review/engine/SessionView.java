package dev.switchboard.review.engine;

import dev.switchboard.core.id.SessionId;
import dev.switchboard.review.model.RecordedSession;
import dev.switchboard.review.model.TimelineItem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

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
        // The recording is fetched (from the server's database on a server, a copy checked against its seal) and
        // its waveform drawn on a second thread while this one reads and verifies the log; the open waits for it
        // only at the end, not before reading the log.
        CompletableFuture<Optional<Path>> fetching = CompletableFuture.supplyAsync(() -> service.recordingFile(id),
                ReviewService::helperThread);
        CompletableFuture<Waveform> drawing = fetching.thenApply(f -> f.map(p -> waveform(p, buckets)).orElse(null));
        RecordedSession s = service.open(id);
        Optional<Path> file = ReviewService.join(fetching);
        Waveform waveform;
        if (file.isPresent() && s.audio().equals(file)) {
            waveform = ReviewService.join(drawing);
        } else {
            waveform = s.audio().isPresent() ? waveform(s.audio().get(), buckets)
                    : Waveform.silent(buckets, s.durationMs());
        }
        List<TimelineItem> timeline = s.timeline();
        long[] starts = timeline.stream().mapToLong(TimelineItem::atMs).toArray();
        return new SessionView(s, waveform, new TranscriptSync(s.utterances(), s.durationMs()),
                new MapReplay(s.unitFixes(), s.incidents()), starts);
    }

    private static Waveform waveform(Path file, int buckets) {
        try {
            return Waveform.of(WavFile.read(file), buckets);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the recording " + file + ": " + e.getMessage(), e);
        }
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
