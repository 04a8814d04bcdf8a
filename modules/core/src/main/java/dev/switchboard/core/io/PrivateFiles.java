package dev.switchboard.core.io;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Files and folders only their owner can read: folders {@code rwx------} (0700), files {@code rw-------} (0600).
 * On a file system without POSIX permissions (Windows) these calls create plainly and change nothing; the user's
 * profile folder is private there already.
 */
public final class PrivateFiles {

    /** Owner read, write and search: 0700. */
    public static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");
    /** Owner read and write: 0600. */
    public static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private PrivateFiles() {
    }

    /**
     * Not a static field: the app makes its log folder with {@link #createFolders} before it tells the logging where
     * that folder is, and a logger made at class load would start the logging with the temp folder instead.
     */
    private static Logger log() {
        return LoggerFactory.getLogger(PrivateFiles.class);
    }

    /**
     * What {@link #fixTree(Path)} changed.
     *
     * @param rootWasOpen whether the root folder itself let other users in: only then could they read anything
     *                    (entries of a private folder are out of their reach whatever their own mode)
     */
    public record Fixed(int folders, int files, boolean rootWasOpen) {
        /** Whether any mode was changed. */
        public boolean any() {
            return folders + files > 0;
        }
    }

    /** Creates {@code folder} and missing parents; the folders created are 0700. */
    public static Path createFolders(Path folder) throws IOException {
        if (Files.isDirectory(folder)) {
            return folder;
        }
        Path parent = folder.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            createFolders(parent);
        }
        try {
            if (posix(parent)) {
                Files.createDirectory(folder, PosixFilePermissions.asFileAttribute(FOLDER));
                // The umask may have taken bits away; set exactly.
                Files.setPosixFilePermissions(folder, FOLDER);
            } else {
                Files.createDirectory(folder);
            }
        } catch (java.nio.file.FileAlreadyExistsException e) {
            if (!Files.isDirectory(folder)) {
                throw e;
            }
        }
        return folder;
    }

    /** Creates a new, empty file only its owner can read; fails if it exists. */
    public static Path createFile(Path file) throws IOException {
        if (posix(file.toAbsolutePath().getParent())) {
            FileAttribute<Set<PosixFilePermission>> mode = PosixFilePermissions.asFileAttribute(FILE);
            return Files.createFile(file, mode);
        }
        return Files.createFile(file);
    }

    /**
     * Makes {@code file} hold exactly {@code bytes}, written only when it is missing or differs: through a private
     * {@code .partial} beside it and an atomic rename, so a reader (or a process killed half-way) never sees a torn
     * file. For copies of native libraries out of jars into the data dir's cache. Returns whether it wrote.
     */
    public static boolean replaceIfDifferent(Path file, byte[] bytes) throws IOException {
        if (Files.isRegularFile(file) && Files.size(file) == bytes.length
                && java.util.Arrays.equals(Files.readAllBytes(file), bytes)) {
            return false;
        }
        Path partial = file.resolveSibling(file.getFileName() + "." + ProcessHandle.current().pid() + ".partial");
        Files.deleteIfExists(partial);
        createFile(partial);
        Files.write(partial, bytes);
        Files.move(partial, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        return true;
    }

    /** Makes an existing file or folder private (0600 or 0700); returns whether anything changed. */
    public static boolean makePrivate(Path path) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(path, PosixFileAttributeView.class,
                java.nio.file.LinkOption.NOFOLLOW_LINKS);
        if (view == null || Files.isSymbolicLink(path)) {
            return false;
        }
        Set<PosixFilePermission> want = Files.isDirectory(path) ? FOLDER : FILE;
        Set<PosixFilePermission> have = view.readAttributes().permissions();
        if (have.equals(want)) {
            return false;
        }
        view.setPermissions(want);
        return true;
    }

    /**
     * Makes {@code root} and everything under it private, without following links. Files and folders the user
     * does not own are left alone (and logged).
     */
    public static Fixed fixTree(Path root) throws IOException {
        if (!Files.isDirectory(root) || !posix(root)) {
            return new Fixed(0, 0, false);
        }
        boolean rootWasOpen = !Files.getPosixFilePermissions(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)
                .equals(FOLDER);
        int[] counts = new int[2];
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                fix(dir, 0);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (attrs.isRegularFile() || attrs.isDirectory()) {
                    fix(file, 1);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                log().warn("Could not check the permissions of {}: {}", file, e.getMessage());
                return FileVisitResult.CONTINUE;
            }

            private void fix(Path path, int kind) {
                try {
                    if (makePrivate(path)) {
                        counts[kind]++;
                    }
                } catch (IOException | SecurityException e) {
                    log().warn("Could not make {} private: {}", path, e.getMessage());
                }
            }
        });
        return new Fixed(counts[0], counts[1], rootWasOpen);
    }

    /** Syncs a folder's entries to disk where the platform allows it. */
    public static void syncFolder(Path folder) {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            log().debug("Could not sync folder {}: {}", folder, e.getMessage());
        }
    }

    private static boolean posix(Path near) {
        Path probe = near == null ? Path.of("").toAbsolutePath() : near;
        return probe.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
