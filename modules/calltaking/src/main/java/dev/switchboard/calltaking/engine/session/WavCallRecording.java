package dev.switchboard.calltaking.engine.session;

import dev.switchboard.core.error.SwitchboardException;
import dev.switchboard.core.id.SessionId;
import dev.switchboard.speech.DualChannelRecorder;
import dev.switchboard.speech.Pcm;
import dev.switchboard.speech.RecordingResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Function;

/** A call's recording as a stereo WAV file under the recordings folder: {@code <session>/call.wav}. */
public final class WavCallRecording implements CallRecording {

    /** The file name of a call's recording inside its session folder. */
    public static final String FILE_NAME = "call.wav";

    private final DualChannelRecorder recorder;
    private final String file;

    private WavCallRecording(DualChannelRecorder recorder, String file) {
        this.recorder = recorder;
        this.file = file;
    }

    /** Opens recordings under {@code recordingsDir} at {@code sampleRate} Hz, one per session. */
    public static Function<SessionId, CallRecording> opener(Path recordingsDir, int sampleRate) {
        Objects.requireNonNull(recordingsDir, "recordingsDir");
        return session -> {
            String relative = session.value() + "/" + FILE_NAME;
            Path path = recordingsDir.resolve(session.value()).resolve(FILE_NAME);
            try {
                Files.createDirectories(path.getParent());
            } catch (IOException e) {
                throw new SwitchboardException("Cannot create the recording folder " + path.getParent() + ": "
                        + e.getMessage(), "Check the data folder's permissions and free space.", e);
            }
            return new WavCallRecording(DualChannelRecorder.create(path, sampleRate), relative);
        };
    }

    @Override
    public String file() {
        return file;
    }

    @Override
    public int sampleRate() {
        return recorder.sampleRate();
    }

    @Override
    public void caller(long atMs, Pcm pcm) {
        recorder.writeLeft(atMs, pcm);
    }

    @Override
    public void trainee(long atMs, Pcm pcm) {
        recorder.writeRight(atMs, pcm);
    }

    @Override
    public void flush() {
        recorder.flush();
    }

    @Override
    public Closed close(long endMs) {
        recorder.extendTo(endMs);
        RecordingResult result = recorder.close();
        return new Closed(result.durationMs(), result.sha256Hex());
    }
}
