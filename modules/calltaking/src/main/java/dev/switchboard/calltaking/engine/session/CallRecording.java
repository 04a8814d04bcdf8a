package dev.switchboard.calltaking.engine.session;

import dev.switchboard.core.id.SessionId;
import dev.switchboard.speech.Pcm;
import dev.switchboard.store.Database;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * A call's stereo recording as the session sees it: the caller on the left channel, the trainee on the right,
 * each clip placed at its time (ms since the recording started), silence between. The WAV on disk stays playable
 * up to the last flush; the session flushes about once a second.
 */
public interface CallRecording {

    /**
     * Opens each session's recording where {@code db} keeps recordings: on a training center's server in its
     * database ({@link ServerCallRecording}, playable on every seat), else as the seat's own WAV file under
     * {@code recordingsDir} ({@link WavCallRecording}).
     */
    static Function<SessionId, CallRecording> opener(Database db, Path recordingsDir, int sampleRate) {
        return db.isServer() ? ServerCallRecording.opener(db, recordingsDir, sampleRate)
                : WavCallRecording.opener(recordingsDir, sampleRate);
    }

    /** The file, relative to the recordings folder, '/'-separated, e.g. {@code <session>/call.wav}. */
    String file();

    int sampleRate();

    /** Places caller audio (any rate; resampled) from {@code atMs} on. */
    void caller(long atMs, Pcm pcm);

    /** Places trainee audio (any rate; resampled) from {@code atMs} on. */
    void trainee(long atMs, Pcm pcm);

    /** Makes everything written so far durable and the file's header current. */
    void flush();

    /** Pads both channels to {@code endMs}, finishes the file and returns its length and checksum. */
    Closed close(long endMs);

    /** @param sha256 hex of the finished file */
    record Closed(long durationMs, String sha256) {
    }
}
