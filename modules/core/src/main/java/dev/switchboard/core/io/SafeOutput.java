package dev.switchboard.core.io;

import dev.switchboard.core.error.InputException;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a file the user named (a report, an export, a WAV) so that nothing is ever destroyed by it: the bytes go
 * to a private temporary file beside the target ({@code .<name>.<random>.partial}, mode 0600), are synced, and
 * take the target's name in one rename, so a failure leaves the target as it was and a reader never sees half a
 * file. Refused before anything is written:
 * <ul>
 *   <li>a target that is a folder or not a regular file (a device, a pipe);</li>
 *   <li>a target inside one of the protected folders (the data dir: database, backups, recordings), also when
 *       reached through a symbolic link;</li>
 *   <li>an existing file, unless replacing was asked for ({@link #replacing(boolean)}, the CLI's {@code --force}).</li>
 * </ul>
 * While a file is written, a marker naming its temporary file is kept in the pending folder, so that
 * {@link #cleanPending(Path)} removes what a killed process left behind. Immutable and thread-safe.
 */
public final class SafeOutput {

    /** What writes the file's bytes. The stream must not be closed by the body. */
    @FunctionalInterface
    public interface Body {
        void writeTo(OutputStream out) throws IOException;
    }

    private static final Logger LOG = LoggerFactory.getLogger(SafeOutput.class);
    private static final String PARTIAL = ".partial";
    private static final String MARKER = ".pending";

    private final List<Path> protectedFolders;
    private final Path pendingDir;
    private final boolean replace;

    /**
     * @param protectedFolders folders no output may be written into (their real paths are compared)
     * @param pendingDir       where markers of files being written are kept, or null for none
     * @param replace          whether an existing file may be replaced
     */
    public SafeOutput(List<Path> protectedFolders, Path pendingDir, boolean replace) {
        this.protectedFolders = protectedFolders.stream().map(SafeOutput::real).toList();
        this.pendingDir = pendingDir;
        this.replace = replace;
    }

    /** An output that protects no folder, for tools and tests outside a data dir. */
    public static SafeOutput unprotected(boolean replace) {
        return new SafeOutput(List.of(), null, replace);
    }

    /** The same protection, with replacing of existing files allowed or not. */
    public SafeOutput replacing(boolean allowed) {
        return allowed == replace ? this : new SafeOutput(protectedFolders, pendingDir, allowed);
    }

    /** Whether an existing file may be replaced. */
    public boolean replaces() {
        return replace;
    }

    /**
     * Checks {@code target} against the rules without writing anything.
     *
     * @return the target's absolute, normalised path
     * @throws InputException naming the target, saying why it may not be written and what to do
     */
    public Path check(Path target) {
        Objects.requireNonNull(target, "target");
        Path absolute = target.toAbsolutePath().normalize();
        if (absolute.getFileName() == null) {
            throw refuse(absolute, "is a folder; give a file name");
        }
        if (Files.isDirectory(absolute)) {
            throw refuse(absolute, "is a folder; give a file name inside it");
        }
        boolean exists = Files.exists(absolute, LinkOption.NOFOLLOW_LINKS);
        if (exists && Files.exists(absolute) && !Files.isRegularFile(absolute)) {
            throw refuse(absolute, "is not a regular file (a device or a pipe)");
        }
        Path real = realTarget(absolute);
        for (Path folder : protectedFolders) {
            if (real.startsWith(folder)) {
                throw refuse(absolute, "is inside " + folder + ", which holds the workstation's database, "
                        + "backups and recordings; write it somewhere else");
            }
        }
        if (exists && !replace) {
            throw refuse(absolute, "exists; add --force to replace it");
        }
        return absolute;
    }

    /**
     * Writes {@code target} through a temporary file (see the class comment).
     *
     * @return the target's absolute path
     * @throws InputException when the target breaks a rule (nothing is written then)
     * @throws IOException    when writing fails; the target is left as it was and the temporary file removed
     */
    public Path write(Path target, Body body) throws IOException {
        Objects.requireNonNull(body, "body");
        Path out = check(target);
        Files.createDirectories(out.getParent());
        String random = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
        Path partial = out.resolveSibling("." + out.getFileName() + "." + random + PARTIAL);
        Path marker = pendingDir == null ? null : pendingDir.resolve(random + MARKER);
        if (marker != null) {
            Files.createDirectories(pendingDir);
            Files.writeString(marker, partial.toString(), StandardCharsets.UTF_8);
        }
        boolean done = false;
        try {
            PrivateFiles.createFile(partial);
            try (FileChannel channel = FileChannel.open(partial, StandardOpenOption.WRITE)) {
                OutputStream stream = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16);
                body.writeTo(new UnclosableStream(stream));
                stream.flush();
                channel.force(true);
            }
            move(partial, out);
            PrivateFiles.syncFolder(out.getParent());
            done = true;
            return out;
        } finally {
            if (!done) {
                deleteQuietly(partial);
            }
            if (marker != null) {
                deleteQuietly(marker);
            }
        }
    }

    /**
     * Removes the temporary files that writes interrupted by a crash or kill left behind, as listed by the markers
     * in {@code pendingDir}; run at start-up when no other process writes into the same pending folder.
     *
     * @return how many temporary files were removed
     */
    public static int cleanPending(Path pendingDir) {
        if (pendingDir == null || !Files.isDirectory(pendingDir)) {
            return 0;
        }
        int removed = 0;
        List<Path> markers = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(pendingDir, "*" + MARKER)) {
            files.forEach(markers::add);
        } catch (IOException e) {
            LOG.warn("Could not list {}: {}", pendingDir, e.getMessage());
            return 0;
        }
        for (Path marker : markers) {
            try {
                Path partial = Path.of(Files.readString(marker, StandardCharsets.UTF_8).strip());
                String name = partial.getFileName() == null ? "" : partial.getFileName().toString();
                if (name.startsWith(".") && name.endsWith(PARTIAL) && Files.deleteIfExists(partial)) {
                    removed++;
                    LOG.warn("Removed {}, left by an export that did not finish", partial);
                }
                Files.deleteIfExists(marker);
            } catch (IOException | RuntimeException e) {
                LOG.warn("Could not clean up after {}: {}", marker, e.getMessage());
            }
        }
        return removed;
    }

    private void move(Path partial, Path out) throws IOException {
        try {
            if (replace) {
                Files.move(partial, out, StandardCopyOption.ATOMIC_MOVE);
            } else {
                // Without REPLACE_EXISTING the move refuses a target that appeared meanwhile.
                Files.move(partial, out);
            }
        } catch (FileAlreadyExistsException e) {
            throw refuse(out, "exists; add --force to replace it");
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(partial, out, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** The real path of the target, or of its nearest existing parent plus the rest, so links are seen through. */
    private static Path realTarget(Path absolute) {
        Path existing = absolute;
        Path rest = absolute.getFileSystem().getPath("");
        while (existing != null) {
            try {
                return existing.toRealPath().resolve(rest).normalize();
            } catch (NoSuchFileException e) {
                rest = existing.getFileName().resolve(rest);
                existing = existing.getParent();
            } catch (IOException e) {
                return absolute;
            }
        }
        return absolute;
    }

    private static Path real(Path folder) {
        return realTarget(folder.toAbsolutePath().normalize());
    }

    private static InputException refuse(Path target, String why) {
        return new InputException(target, 0, null, why);
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warn("Could not remove {}: {}", file, e.getMessage());
        }
    }

    /** Keeps a body from closing the channel before it is synced. */
    private static final class UnclosableStream extends OutputStream {
        private final OutputStream out;

        UnclosableStream(OutputStream out) {
            this.out = out;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }

        @Override
        public void close() throws IOException {
            out.flush();
        }
    }
}
