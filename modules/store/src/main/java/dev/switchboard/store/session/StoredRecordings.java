package dev.switchboard.store.session;

import dev.switchboard.core.id.SessionId;
import dev.switchboard.core.io.PrivateFiles;
import dev.switchboard.store.eventlog.EventLog;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The recordings of this seat's database, wherever each is kept: a file under the seat's recordings folder (a seat on
 * its own SQLite file, or recorded before recordings went into the server), or pieces in the server's database
 * ({@link RecordingChunks}). A recording in the database is copied to a private file under the data folder's
 * {@code cache/recordings} for playback, because the media player and the waveform read files; the copy is checked
 * against the recording's seal as it is made and is never handed out when it differs. Opening the same sealed
 * recording again, in this process or after a restart, reuses the copy only while the database says none of its
 * pieces changed (their row versions, read without the audio) and the copy is the file written then (its length and
 * time, kept in a small sidecar file next to it, {@code call.wav.verified}, written after the check); otherwise it is
 * copied and checked again. The newest {@value #KEPT_COPIES} sessions' copies are kept. Thread-safe.
 */
public final class StoredRecordings implements RecordingSource {

    /** How many sessions' copies the cache keeps; older ones are deleted when a new one is made. */
    static final int KEPT_COPIES = 8;

    private static final Logger LOG = LoggerFactory.getLogger(StoredRecordings.class);

    private final Path recordingsDir;
    private final Path copies;
    private final RecordingChunks chunks;
    private final RecordingSeals seals;
    private final Map<String, Object> locks = new ConcurrentHashMap<>();
    /** Copies checked against their seal in this process, by key. */
    private final Map<String, Checked> checked = new ConcurrentHashMap<>();

    /** A copy this process made and checked: what the database held then, and the file as written. */
    private record Checked(String version, String sha256, long bytes, long modifiedMs) {
    }

    public StoredRecordings(EventLog log, Path recordingsDir) {
        Objects.requireNonNull(log, "log");
        this.recordingsDir = Objects.requireNonNull(recordingsDir, "recordingsDir");
        this.copies = log.database().dataDir().cache().resolve("recordings");
        this.chunks = new RecordingChunks(log.database());
        this.seals = new RecordingSeals(log, new RecordingCatalog(log.database()), recordingsDir);
    }

    @Override
    public Optional<Path> localFile(SessionId session, String file) {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(file, "file");
        Optional<Path> own = inside(recordingsDir, file);
        if (own.isEmpty()) {
            return Optional.empty();
        }
        if (!chunks.contains(session, file)) {
            return own.filter(Files::isRegularFile);
        }
        String key = session.value() + "/" + file;
        synchronized (locks.computeIfAbsent(key, k -> new Object())) {
            try {
                return Optional.of(copy(session, file, key));
            } catch (IOException e) {
                throw new UncheckedIOException("Could not copy the recording of session " + session
                        + " from the database to " + copies + ": " + e.getMessage(), e);
            }
        }
    }

    @Override
    public boolean needsFetch(SessionId session, String file) {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(file, "file");
        if (inside(recordingsDir, file).isEmpty() || !chunks.contains(session, file)) {
            return false;
        }
        String key = session.value() + "/" + file;
        try {
            Optional<Path> target = inside(copies.resolve(session.value()), file.substring(file.indexOf('/') + 1));
            Optional<RecordingSeals.Seal> seal = seals.sealOf(session, file);
            return target.isEmpty() || seal.isEmpty()
                    || !reusable(target.get(), key, chunks.version(session, file), seal.get());
        } catch (IOException e) {
            return true;
        }
    }

    private Path copy(SessionId session, String file, String key) throws IOException {
        Path target = inside(copies.resolve(session.value()), file.substring(file.indexOf('/') + 1))
                .orElseThrow(() -> new IOException("the recording name " + file + " is not a plain file name"));
        Optional<RecordingSeals.Seal> seal = seals.sealOf(session, file);
        String version = chunks.version(session, file);
        if (seal.isPresent() && reusable(target, key, version, seal.get())) {
            return target;
        }
        PrivateFiles.createFolders(target.getParent());
        Path partial = target.resolveSibling(target.getFileName() + ".partial");
        Files.deleteIfExists(partial);
        PrivateFiles.createFile(partial);
        RecordingChunks.Content stored;
        try (OutputStream out = Files.newOutputStream(partial)) {
            stored = chunks.copyTo(session, file, out);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(partial);
            throw e;
        }
        checked.remove(key);
        Files.deleteIfExists(sidecar(target));
        if (seal.isPresent()) {
            String problem = stored.bytes() != seal.get().bytes()
                    ? "it is " + stored.bytes() + " bytes long in the database, " + seal.get().bytes()
                    + " when it was closed"
                    : !stored.sha256().equals(seal.get().sha256())
                    ? "its SHA-256 in the database differs from the one sealed when it was closed" : null;
            if (problem != null) {
                Files.deleteIfExists(partial);
                Files.deleteIfExists(target);
                LOG.error("Recording {} of session {} in the database differs from its seal: {}", file, session,
                        problem);
                throw new DamagedRecordingException(session, problem);
            }
        }
        Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        if (seal.isPresent() && version != null) {
            Checked c = new Checked(version, seal.get().sha256(), stored.bytes(), modified(target));
            checked.put(key, c);
            writeSidecar(target, c);
        }
        LOG.info("Copied the recording {} of session {} from the database ({} bytes{})", file, session,
                stored.bytes(), seal.isPresent() ? ", as sealed" : ", still being recorded");
        forgetOldCopies(session);
        return target;
    }

    /**
     * Whether the copy made earlier by this process is still the sealed recording: the database's pieces unchanged
     * since, and the file as this process wrote it.
     */
    private boolean reusable(Path target, String key, String version, RecordingSeals.Seal seal) throws IOException {
        Checked c = checked.computeIfAbsent(key, k -> readSidecar(target));
        return c != null && version != null && c.version().equals(version) && c.sha256().equals(seal.sha256())
                && Files.isRegularFile(target) && Files.size(target) == c.bytes()
                && modified(target) == c.modifiedMs();
    }

    /** The file next to a checked copy that says what was checked, so a later process can reuse the copy. */
    private static Path sidecar(Path target) {
        return target.resolveSibling(target.getFileName() + ".verified");
    }

    /** Records {@code c} beside {@code target}; a failure only costs a fresh copy next time. */
    private static void writeSidecar(Path target, Checked c) {
        Properties p = new Properties();
        p.setProperty("version", c.version());
        p.setProperty("sha256", c.sha256());
        p.setProperty("bytes", Long.toString(c.bytes()));
        p.setProperty("modifiedMs", Long.toString(c.modifiedMs()));
        Path file = sidecar(target);
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        try {
            Files.deleteIfExists(partial);
            PrivateFiles.createFile(partial);
            try (Writer w = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
                p.store(w, "A copy of a recording in the database, checked against its seal; see StoredRecordings");
            }
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOG.debug("Could not write {}: {}", file, e.getMessage());
        }
    }

    /** What the sidecar beside {@code target} says was checked, or null when there is none or it is unreadable. */
    private static Checked readSidecar(Path target) {
        Path file = sidecar(target);
        if (!Files.isRegularFile(file)) {
            return null;
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
            return new Checked(Objects.requireNonNull(p.getProperty("version")),
                    Objects.requireNonNull(p.getProperty("sha256")), Long.parseLong(p.getProperty("bytes")),
                    Long.parseLong(p.getProperty("modifiedMs")));
        } catch (IOException | RuntimeException e) {
            LOG.debug("Not reusing the copy {}: its sidecar {} is unreadable: {}", target, file, e.getMessage());
            return null;
        }
    }

    /** Deletes the copies of all but the newest {@value #KEPT_COPIES} sessions (never {@code keep}'s). */
    private void forgetOldCopies(SessionId keep) {
        List<Path> sessions;
        try (Stream<Path> list = Files.list(copies)) {
            sessions = list.filter(Files::isDirectory)
                    .filter(p -> !p.getFileName().toString().equals(keep.value()))
                    .sorted(Comparator.comparing(StoredRecordings::modified).reversed())
                    .toList();
        } catch (IOException e) {
            LOG.debug("Could not list {}: {}", copies, e.getMessage());
            return;
        }
        for (Path old : sessions.subList(Math.min(sessions.size(), KEPT_COPIES - 1), sessions.size())) {
            try (Stream<Path> files = Files.walk(old)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
                checked.keySet().removeIf(k -> k.startsWith(old.getFileName() + "/"));
            } catch (IOException e) {
                LOG.debug("Could not delete the old copy {}: {}", old, e.getMessage());
            }
        }
    }

    private static long modified(Path p) {
        try {
            return Files.getLastModifiedTime(p).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }

    /** {@code root/relative}, or empty when {@code relative} leads outside {@code root}. */
    private static Optional<Path> inside(Path root, String relative) {
        Path base = root.toAbsolutePath().normalize();
        Path p = base.resolve(relative).normalize();
        return p.startsWith(base) && !p.equals(base) ? Optional.of(p) : Optional.empty();
    }
}
