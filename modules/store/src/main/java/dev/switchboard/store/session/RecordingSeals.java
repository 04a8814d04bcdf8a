package dev.switchboard.store.session;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.core.id.SessionId;
import dev.switchboard.core.io.PrivateFiles;
import dev.switchboard.store.eventlog.AppendRequest;
import dev.switchboard.store.eventlog.EventLog;
import dev.switchboard.store.eventlog.EventLogEntry;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts a recording's SHA-256 and length on its session's chain when it closes ({@value #SEALED}), and checks the
 * recording against them whenever it is opened, played or exported. The checksum in the {@code recording} table is a
 * convenience; the chained seal is what a changed or swapped WAV is caught by. A recording kept in the database
 * ({@link RecordingChunks}, on a training center's server) is checked there; any other is a file under the
 * recordings folder. Thread-safe.
 */
public final class RecordingSeals {

    /** The entry type of a seal on the session's chain; its payload is {@link Seal}. */
    public static final String SEALED = "recording.sealed";

    private static final Logger LOG = LoggerFactory.getLogger(RecordingSeals.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final EventLog log;
    private final RecordingCatalog catalog;
    private final Path recordingsDir;
    private final RecordingChunks chunks;

    public RecordingSeals(EventLog log, RecordingCatalog catalog, Path recordingsDir) {
        this.log = Objects.requireNonNull(log, "log");
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.recordingsDir = Objects.requireNonNull(recordingsDir, "recordingsDir");
        this.chunks = new RecordingChunks(log.database());
    }

    /**
     * A recording's fingerprint as chained.
     *
     * @param file   relative to the recordings folder
     * @param bytes  the file's length when sealed
     * @param status {@code complete} or {@code interrupted}
     */
    public record Seal(String file, String sha256, long bytes, long durationMs, String status) {
    }

    /** What checking one recording found. */
    public enum State {
        /** The file has the sealed length and checksum. */
        VERIFIED,
        /** The file differs from its seal: edited, cut or replaced. */
        MODIFIED,
        /** The sealed file is gone. */
        MISSING,
        /** No seal yet: still recording, or recorded before recordings were sealed (then checked by its row). */
        UNSEALED
    }

    /** The check of one recording; {@code detail} says what differs, in words. */
    public record Check(String file, State state, String detail) {
        public boolean ok() {
            return state == State.VERIFIED;
        }
    }

    /**
     * Closes the recording: its row gets length, checksum and status, and its seal goes on the session's chain.
     *
     * @param sha256Hex the checksum computed while writing, or null to compute it from the file
     */
    public Seal seal(SessionId session, String file, long durationMs, String sha256Hex, String status)
            throws IOException {
        String sha;
        long bytes;
        if (chunks.contains(session, file)) {
            RecordingChunks.Content stored = chunks.digest(session, file);
            if (sha256Hex != null && !sha256Hex.equals(stored.sha256())) {
                throw new IOException("the recording " + file + " of session " + session + " in the database differs "
                        + "from the one written on this seat");
            }
            sha = stored.sha256();
            bytes = stored.bytes();
        } else {
            Path path = resolve(file);
            sha = sha256Hex != null ? sha256Hex : sha256(path);
            bytes = Files.size(path);
            PrivateFiles.makePrivate(path);
        }
        Seal seal = new Seal(file, sha, bytes, durationMs, status);
        catalog.closed(session, file, durationMs, sha, status);
        log.append(new AppendRequest(session, durationMs, SEALED, json(seal)));
        return seal;
    }

    /** Checks every recording of {@code session} against its newest seal (reads each recording once). */
    public List<Check> check(SessionId session) {
        Map<String, Seal> seals = seals(session);
        List<Check> out = new ArrayList<>();
        for (RecordingInfo r : catalog.of(session)) {
            Seal seal = seals.remove(r.file());
            out.add(seal == null ? unsealed(r) : check(session, seal));
        }
        // A seal whose row was deleted still names a recording that must be there.
        seals.values().forEach(s -> out.add(check(session, s)));
        return out;
    }

    /** The newest seal of {@code file} of {@code session}; empty while it is being recorded (or never sealed). */
    public Optional<Seal> sealOf(SessionId session, String file) {
        return Optional.ofNullable(seals(session).get(file));
    }

    /** The newest seal of each recording of {@code session}, by file. */
    private Map<String, Seal> seals(SessionId session) {
        Map<String, Seal> seals = new LinkedHashMap<>();
        for (EventLogEntry e : log.readType(session, SEALED)) {
            try {
                Seal s = JSON.readValue(e.payload(), Seal.class);
                seals.put(s.file(), s);
            } catch (JsonProcessingException ex) {
                LOG.warn("Seal {} of session {} does not parse: {}", e.seq(), session, ex.getMessage());
            }
        }
        return seals;
    }

    private Check check(SessionId session, Seal seal) {
        if (chunks.contains(session, seal.file())) {
            return checkStored(session, seal);
        }
        Path path;
        try {
            path = resolve(seal.file());
        } catch (IOException e) {
            return new Check(seal.file(), State.MODIFIED, e.getMessage());
        }
        if (!Files.isRegularFile(path)) {
            return new Check(seal.file(), State.MISSING, "the recording " + seal.file() + " is missing");
        }
        try {
            long bytes = Files.size(path);
            if (bytes != seal.bytes()) {
                return new Check(seal.file(), State.MODIFIED, "the recording is " + bytes + " bytes long, "
                        + seal.bytes() + " when it was closed");
            }
            String sha = sha256(path);
            if (!sha.equals(seal.sha256())) {
                return new Check(seal.file(), State.MODIFIED, "the recording's SHA-256 differs from the one sealed "
                        + "when it was closed");
            }
            return new Check(seal.file(), State.VERIFIED, "length and SHA-256 as sealed when it was closed");
        } catch (IOException e) {
            return new Check(seal.file(), State.MISSING, "the recording cannot be read: " + e.getMessage());
        }
    }

    /** Checks a recording kept in the database against its seal, reading it from there. */
    private Check checkStored(SessionId session, Seal seal) {
        RecordingChunks.Content stored;
        try {
            stored = chunks.digest(session, seal.file());
        } catch (RuntimeException e) {
            LOG.warn("Could not read the recording {} of session {} from the database", seal.file(), session, e);
            return new Check(seal.file(), State.MISSING, "the recording of session " + session
                    + " cannot be read from the database: " + e.getMessage());
        }
        if (stored.bytes() != seal.bytes()) {
            return new Check(seal.file(), State.MODIFIED, "the recording of session " + session + " in the database is "
                    + stored.bytes() + " bytes long, " + seal.bytes() + " when it was closed");
        }
        if (!stored.sha256().equals(seal.sha256())) {
            return new Check(seal.file(), State.MODIFIED, "the recording of session " + session + " in the database "
                    + "is damaged: its SHA-256 differs from the one sealed when it was closed");
        }
        return new Check(seal.file(), State.VERIFIED, "length and SHA-256 as sealed when it was closed");
    }

    private Check unsealed(RecordingInfo r) {
        if ("recording".equals(r.status())) {
            return new Check(r.file(), State.UNSEALED, "still recording");
        }
        if (r.sha256() != null && !r.sha256().isBlank() && chunks.contains(r.session(), r.file())) {
            if (!chunks.digest(r.session(), r.file()).sha256().equals(r.sha256())) {
                return new Check(r.file(), State.MODIFIED, "the recording of session " + r.session() + " in the "
                        + "database differs from the checksum stored when it was closed");
            }
        } else if (r.sha256() != null && !r.sha256().isBlank()) {
            try {
                Path path = resolve(r.file());
                if (!Files.isRegularFile(path)) {
                    return new Check(r.file(), State.MISSING, "the recording " + r.file() + " is missing");
                }
                if (!sha256(path).equals(r.sha256())) {
                    return new Check(r.file(), State.MODIFIED, "the recording's SHA-256 differs from the one "
                            + "stored when it was closed");
                }
            } catch (IOException e) {
                return new Check(r.file(), State.MISSING, "the recording cannot be read: " + e.getMessage());
            }
        }
        return new Check(r.file(), State.UNSEALED, "recorded before recordings were sealed on the chain; it matches "
                + "its stored checksum, which is not anchored");
    }

    private Path resolve(String file) throws IOException {
        Path root = recordingsDir.toAbsolutePath().normalize();
        Path p = root.resolve(file).normalize();
        if (!p.startsWith(root)) {
            throw new IOException("the recording " + file + " lies outside the recordings folder");
        }
        return p;
    }

    /** The SHA-256 of a file as lower-case hex, read in 64 KB blocks. */
    public static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            for (int n = in.read(buf); n > 0; n = in.read(buf)) {
                digest.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    private static String json(Seal seal) {
        try {
            return JSON.writeValueAsString(seal);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A seal always serializes", e);
        }
    }
}
