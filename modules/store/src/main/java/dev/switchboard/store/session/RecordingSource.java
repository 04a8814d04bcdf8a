package dev.switchboard.store.session;

import dev.switchboard.core.id.SessionId;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where a seat reads a session's recording from, wherever it is kept: the seat's own file, or the database of a
 * training center's server. Playback, the waveform and reports read through this, never a path of their own.
 */
public interface RecordingSource {

    /**
     * The recording as a WAV file this seat can read and play: the seat's own file, or a private copy of the one
     * kept in the database, checked against the length and SHA-256 sealed when it closed (a recording still being
     * made on another seat is copied as far as it goes). Blocks while copying; call it off the FX thread.
     *
     * @param file the recording's name in the catalogue, e.g. {@code <session>/call.wav}
     * @return empty when the recording is nowhere to be found
     * @throws DamagedRecordingException when the stored recording differs from its seal; it is not handed out
     */
    Optional<Path> localFile(SessionId session, String file);

    /**
     * Whether {@link #localFile} would first have to fetch the recording (from the server's database) rather than
     * hand out a file already here: lets a view show what it has at once and the recording when it arrives. Cheap: a
     * few small queries, no audio read.
     */
    default boolean needsFetch(SessionId session, String file) {
        return false;
    }
}
