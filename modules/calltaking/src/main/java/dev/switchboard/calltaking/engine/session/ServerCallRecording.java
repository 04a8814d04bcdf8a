package dev.switchboard.calltaking.engine.session;

import dev.switchboard.core.error.SwitchboardException;
import dev.switchboard.core.id.SessionId;
import dev.switchboard.speech.DualChannelRecorder;
import dev.switchboard.speech.Pcm;
import dev.switchboard.speech.RecordingResult;
import dev.switchboard.speech.WavFiles;
import dev.switchboard.store.Database;
import dev.switchboard.store.session.RecordingChunks;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A call's recording on a training center's server: kept in the database ({@link RecordingChunks}) as the call goes,
 * so a supervisor on any seat can play it, even while it is being made. The audio is mixed in this seat's working
 * WAV under the recordings folder exactly as on a seat of its own (a late clip may overwrite a few seconds back);
 * every {@link #flush()} (about once a second) sends the pieces that changed since the last one, with the header,
 * in one transaction. A killed seat therefore loses at most the last second on the server, and its working file keeps
 * even that.
 *
 * <p>If the server cannot be reached for a while, flushes keep the changes pending and send them all when it
 * answers again; closing needs the server (the call's end is refused with the reason, and the working file keeps the
 * whole recording). Thread-safe.
 */
public final class ServerCallRecording implements CallRecording {

    private static final Logger LOG = LoggerFactory.getLogger(ServerCallRecording.class);
    private static final int FRAME_BYTES = 4;
    /** Audio pieces sent per transaction when much is pending (2 MB): bounded memory after a long outage. */
    private static final int PIECES_PER_WRITE = 16;

    private final DualChannelRecorder recorder;
    private final RecordingChunks chunks;
    private final SessionId session;
    private final String file;
    private final String server;
    /** Audio bytes (after the header) the server has, as far as this seat knows. */
    private long sentEnd;
    /** The first audio byte changed since the last send below {@link #sentEnd}; MAX_VALUE when none. */
    private long changedFrom = Long.MAX_VALUE;
    private boolean warned;

    private ServerCallRecording(DualChannelRecorder recorder, RecordingChunks chunks, SessionId session, String file,
                                String server) {
        this.recorder = recorder;
        this.chunks = chunks;
        this.session = session;
        this.file = file;
        this.server = server;
    }

    /**
     * Opens each session's recording on {@code db}'s server, with its working file under {@code recordingsDir};
     * the header goes to the server at once, so every seat sees the recording from its first second.
     */
    static Function<SessionId, CallRecording> opener(Database db, Path recordingsDir, int sampleRate) {
        Objects.requireNonNull(db, "db");
        Objects.requireNonNull(recordingsDir, "recordingsDir");
        RecordingChunks chunks = new RecordingChunks(db);
        return session -> {
            String relative = session.value() + "/" + WavCallRecording.FILE_NAME;
            Path path = recordingsDir.resolve(session.value()).resolve(WavCallRecording.FILE_NAME);
            try {
                Files.createDirectories(path.getParent());
            } catch (IOException e) {
                throw new SwitchboardException("Cannot create the recording folder " + path.getParent() + ": "
                        + e.getMessage(), "Check the data folder's permissions and free space.", e);
            }
            ServerCallRecording recording = new ServerCallRecording(DualChannelRecorder.create(path, sampleRate),
                    chunks, session, relative, db.location());
            recording.sendWhenPossible();
            return recording;
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
    public synchronized void caller(long atMs, Pcm pcm) {
        changed(atMs);
        recorder.writeLeft(atMs, pcm);
    }

    @Override
    public synchronized void trainee(long atMs, Pcm pcm) {
        changed(atMs);
        recorder.writeRight(atMs, pcm);
    }

    /** Flushes the working file, then sends what changed; a server that does not answer is tried again next time. */
    @Override
    public synchronized void flush() {
        recorder.flush();
        sendWhenPossible();
    }

    /** Sends what changed, or says once that the server does not answer and leaves it pending for the next flush. */
    private void sendWhenPossible() {
        try {
            send();
            if (warned) {
                LOG.info("The recording of session {} reaches the server {} again", session, server);
                warned = false;
            }
        } catch (RuntimeException e) {
            if (!warned) {
                LOG.warn("The recording of session {} could not be sent to the server {} ({}); it goes on on this "
                        + "seat and is sent when the server answers", session, server, e.getMessage());
                warned = true;
            }
        }
    }

    @Override
    public synchronized Closed close(long endMs) {
        recorder.extendTo(endMs);
        RecordingResult result = recorder.close();
        try {
            send();
        } catch (RuntimeException e) {
            throw new UncheckedIOException(new IOException("the recording could not be stored on the server "
                    + server + " (" + e.getMessage() + "); it is kept whole on this seat as " + recorder.file(), e));
        }
        return new Closed(result.durationMs(), result.sha256Hex());
    }

    private void changed(long atMs) {
        if (atMs >= 0) {
            long at = atMs * recorder.sampleRate() / 1000 * FRAME_BYTES;
            if (at < sentEnd) {
                changedFrom = Math.min(changedFrom, at);
            }
        }
    }

    /** Sends the header and every audio piece changed or added since the last send. */
    private void send() {
        try (FileChannel in = FileChannel.open(recorder.file(), StandardOpenOption.READ)) {
            long dataBytes = Math.max(0, in.size() - WavFiles.HEADER_BYTES);
            dataBytes -= dataBytes % FRAME_BYTES;
            long from = Math.min(changedFrom, sentEnd);
            from -= from % RecordingChunks.CHUNK_BYTES;
            long step = (long) RecordingChunks.CHUNK_BYTES * PIECES_PER_WRITE;
            do {
                int length = (int) Math.min(step, dataBytes - from);
                byte[] data = new byte[length];
                ByteBuffer buf = ByteBuffer.wrap(data);
                while (buf.hasRemaining()) {
                    if (in.read(buf, WavFiles.HEADER_BYTES + from + buf.position()) < 0) {
                        break;
                    }
                }
                // Each transaction's header claims only the audio the server holds once it commits, so a seat
                // killed between two transactions of one send leaves a playable recording, not a header that
                // promises pieces that never came.
                long heldAfter = Math.max(from + buf.position(), Math.min(sentEnd, dataBytes));
                byte[] head = WavFiles.header(2, recorder.sampleRate(), heldAfter);
                chunks.write(session, file, head, from, data, buf.position());
                from += length;
            } while (from < dataBytes);
            sentEnd = dataBytes;
            changedFrom = Long.MAX_VALUE;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read back the recording " + recorder.file(), e);
        }
    }
}
