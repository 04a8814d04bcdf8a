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
import java.util.concurrent.Executor;

/**
 * A recorded session made ready for the session view: the session itself, its waveform, the transcript sync
 * and the map replay. Everything the view needs before its first frame; built off the FX thread. When the
 * recording is still being fetched from the server's database, {@code arriving} completes with the same view
 * with the recording and its waveform; until then the session has no audio and a flat waveform.
 */
public record SessionView(RecordedSession session, Waveform waveform, TranscriptSync sync, MapReplay replay,
                          long[] timelineStarts, Optional<CompletableFuture<SessionView>> arriving) {

    public SessionView {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(waveform, "waveform");
        Objects.requireNonNull(sync, "sync");
        Objects.requireNonNull(replay, "replay");
        Objects.requireNonNull(arriving, "arriving");
    }

    /**
     * Opens {@code id} through {@code service} (audited) and computes a waveform of {@code buckets} columns, the
     * recording included: waits for it to be fetched from the server's database. For reports and figures.
     */
    public static SessionView open(ReviewService service, SessionId id, int buckets) {
        // The recording is fetched (from the server's database on a server, a copy checked against its seal) and
        // its waveform drawn on a second thread while this one reads and verifies the log; the open waits for it
        // only at the end, not before reading the log.
        CompletableFuture<Optional<Path>> fetching = fetch(service, id, ReviewService::helperThread);
        CompletableFuture<Waveform> drawing = draw(fetching, buckets);
        return complete(service.open(id), fetching, drawing, buckets);
    }

    /**
     * Opens {@code id} for the session view: like {@link #open}, but when the recording has first to be fetched from
     * the server's database (a 30-minute call is 115 MB), returns without it and {@link #arriving} brings it.
     */
    public static SessionView openForViewing(ReviewService service, SessionId id, int buckets) {
        return openForViewing(service, id, buckets, ReviewService::helperThread);
    }

    /** {@link #openForViewing(ReviewService, SessionId, int)}, fetching the recording on {@code fetchOn}. */
    static SessionView openForViewing(ReviewService service, SessionId id, int buckets, Executor fetchOn) {
        if (!service.recordingAwaitsFetch(id)) {
            CompletableFuture<Optional<Path>> fetching = fetch(service, id, fetchOn);
            return complete(service.open(id), fetching, draw(fetching, buckets), buckets);
        }
        RecordedSession s = service.openWithoutFetching(id);
        // The fetch starts once the rest is read, so the two do not share the cores while the supervisor waits.
        CompletableFuture<Optional<Path>> fetching = fetch(service, id, fetchOn);
        CompletableFuture<Waveform> drawing = draw(fetching, buckets);
        if (s.audio().isPresent()) {
            // Another open fetched it meanwhile: it is here.
            return complete(s, fetching, drawing, buckets);
        }
        CompletableFuture<SessionView> arriving = fetching.thenCombine(drawing, (file, waveform) -> {
            if (file.isEmpty() || waveform == null) {
                return of(s, Waveform.silent(buckets, s.durationMs()), Optional.empty());
            }
            return of(s.withRecording(file.get(), waveform.durationMs()), waveform, Optional.empty());
        });
        return of(s, Waveform.silent(buckets, s.durationMs()), Optional.of(arriving));
    }

    /** Whether the recording is still on its way from the server's database. */
    public boolean recordingArriving() {
        return arriving.isPresent() && !arriving.get().isDone();
    }

    private static CompletableFuture<Optional<Path>> fetch(ReviewService service, SessionId id, Executor on) {
        return CompletableFuture.supplyAsync(() -> service.recordingFile(id), on);
    }

    private static CompletableFuture<Waveform> draw(CompletableFuture<Optional<Path>> fetching, int buckets) {
        return fetching.thenApply(f -> f.map(p -> waveform(p, buckets)).orElse(null));
    }

    private static SessionView complete(RecordedSession s, CompletableFuture<Optional<Path>> fetching,
                                        CompletableFuture<Waveform> drawing, int buckets) {
        Optional<Path> file = ReviewService.join(fetching);
        Waveform waveform;
        if (file.isPresent() && s.audio().equals(file)) {
            waveform = ReviewService.join(drawing);
        } else {
            waveform = s.audio().isPresent() ? waveform(s.audio().get(), buckets)
                    : Waveform.silent(buckets, s.durationMs());
        }
        return of(s, waveform, Optional.empty());
    }

    private static SessionView of(RecordedSession s, Waveform waveform,
                                  Optional<CompletableFuture<SessionView>> arriving) {
        List<TimelineItem> timeline = s.timeline();
        long[] starts = timeline.stream().mapToLong(TimelineItem::atMs).toArray();
        return new SessionView(s, waveform, new TranscriptSync(s.utterances(), s.durationMs()),
                new MapReplay(s.unitFixes(), s.incidents()), starts, arriving);
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
