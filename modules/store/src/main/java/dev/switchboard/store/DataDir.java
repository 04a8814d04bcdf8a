package dev.switchboard.store;

import dev.dirs.ProjectDirectories;
import dev.switchboard.core.error.SwitchboardException;
import dev.switchboard.core.io.PrivateFiles;
import dev.switchboard.core.io.SafeOutput;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * The folder that holds everything the workstation keeps: the database, backups, logs, recordings,
 * damaged databases moved aside and caches. Chosen once at start-up, in this order: the
 * {@code --data-dir} option, the {@code SWITCHBOARD_DATA} environment variable, the operating
 * system's data folder (on Linux {@code ~/.local/share/switchboard}).
 *
 * <p>The folder is private to its user: folders are created 0700 and files 0600, and {@link #makePrivate()} puts
 * right an existing folder that others could read. No export may be written into it ({@link #safeOutput}).
 */
public final class DataDir {

    /** The environment variable that overrides the default location. */
    public static final String ENV = "SWITCHBOARD_DATA";
    /** The database file's name inside the data dir. */
    public static final String DATABASE_FILE = "switchboard.db";

    private final Path root;
    private final String source;

    private DataDir(Path root, String source) {
        this.root = root.toAbsolutePath().normalize();
        this.source = source;
    }

    /**
     * The data dir for this run. {@code cliOverride} is the {@code --data-dir} value, or null when the
     * option was not given. Creates nothing; call {@link #ensureCreated()}.
     */
    public static DataDir resolve(Path cliOverride) {
        return resolve(cliOverride, System::getenv);
    }

    static DataDir resolve(Path cliOverride, Function<String, String> env) {
        if (cliOverride != null) {
            return new DataDir(cliOverride, "--data-dir");
        }
        String fromEnv = env.apply(ENV);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return new DataDir(Path.of(fromEnv.trim()), ENV);
        }
        return new DataDir(Path.of(ProjectDirectories.from("dev", "switchboard", "Switchboard").dataDir),
                "default");
    }

    /** A data dir at {@code root}, e.g. for tests and tools. */
    public static DataDir of(Path root) {
        return new DataDir(Objects.requireNonNull(root, "root"), "explicit");
    }

    /** The folder itself, absolute. */
    public Path root() {
        return root;
    }

    /** The SQLite database file. */
    public Path database() {
        return root.resolve(DATABASE_FILE);
    }

    /** Where backups of the database are written. */
    public Path backups() {
        return root.resolve("backups");
    }

    public Path logs() {
        return root.resolve("logs");
    }

    /** Audio recordings of training sessions (WAV). */
    public Path recordings() {
        return root.resolve("recordings");
    }

    /** Where a damaged database is moved aside; nothing here is ever deleted by the program. */
    public Path broken() {
        return root.resolve("broken");
    }

    /** Files that can be rebuilt, such as model caches; safe to delete. */
    public Path cache() {
        return root.resolve("cache");
    }

    /** Markers of exports being written, so a killed export's temporary file is removed at the next start. */
    public Path pendingExports() {
        return cache().resolve("pending-exports");
    }

    /** The workstation's own keys, such as the one that signs event-log checkpoints. */
    public Path keys() {
        return root.resolve("keys");
    }

    /**
     * This seat's name on a shared database: a random id made the first time it is asked for and kept in the file
     * {@code seat} here, so it stays the same across restarts and differs between seats (each has its own data folder).
     * Sessions started here are marked with it, so a seat that was killed closes its own sessions when it starts again
     * and never another seat's.
     *
     * @throws SwitchboardException naming the file when it cannot be read or made
     */
    public String seat() {
        Path file = root.resolve("seat");
        try {
            if (!Files.isRegularFile(file)) {
                String id = java.util.UUID.randomUUID().toString();
                Path partial = root.resolve("seat." + id + ".partial");
                PrivateFiles.createFile(partial);
                Files.writeString(partial, id + "\n");
                try {
                    // Never replaces an id another process made first: both then use that one.
                    Files.move(partial, file);
                } catch (java.nio.file.FileAlreadyExistsException raced) {
                    Files.deleteIfExists(partial);
                }
            }
            String id = Files.readString(file).strip();
            if (id.isEmpty()) {
                throw new IOException("it is empty");
            }
            return id;
        } catch (IOException e) {
            throw new SwitchboardException("This seat's id in " + file + " cannot be read or made: " + e.getMessage(),
                    "Check the data folder's permissions; an empty or damaged file may be deleted, a new id is then "
                            + "made", e);
        }
    }

    /**
     * How exports (reports, CSV, WAV) are written: never into this data dir, through a private temporary file,
     * replacing an existing file only when {@code replace} (the CLI's {@code --force}).
     */
    public SafeOutput safeOutput(boolean replace) {
        return new SafeOutput(List.of(root), pendingExports(), replace);
    }

    /**
     * Where the location came from: {@code "--data-dir"}, {@code "SWITCHBOARD_DATA"}, {@code "default"},
     * or {@code "explicit"} for {@link #of(Path)}.
     */
    public String source() {
        return source;
    }

    /**
     * Creates the folder and its sub-folders where missing.
     *
     * @throws SwitchboardException naming the folder when it cannot be created or written
     */
    public DataDir ensureCreated() {
        for (Path folder : List.of(root, backups(), logs(), recordings(), broken(), cache())) {
            try {
                if (folder.equals(root) && !Files.isDirectory(root)) {
                    Path parent = root.getParent();
                    if (parent != null) {
                        Files.createDirectories(parent);
                    }
                }
                PrivateFiles.createFolders(folder);
            } catch (IOException | SecurityException e) {
                throw new SwitchboardException("Cannot create the data folder " + folder + " (" + describe(e) + ").",
                        hint(), e);
            }
        }
        if (!Files.isWritable(root)) {
            throw new SwitchboardException("The data folder " + root + " is not writable.", hint());
        }
        return this;
    }

    /**
     * Makes the folder and everything in it private (folders 0700, files 0600), as an existing data dir from an
     * older version or copied by hand may be readable by every local user.
     *
     * @return what had to be changed; nothing on a platform without POSIX permissions
     */
    public PrivateFiles.Fixed makePrivate() {
        try {
            return PrivateFiles.fixTree(root);
        } catch (IOException e) {
            throw new SwitchboardException("Cannot make the data folder " + root + " private (" + describe(e) + ").",
                    hint(), e);
        }
    }

    private String hint() {
        return "Fix the folder's permissions, or choose another folder with --data-dir or " + ENV
                + " (the folder came from " + source + ").";
    }

    private static String describe(Exception e) {
        String name = e.getClass().getSimpleName();
        return e.getMessage() == null ? name : name + ": " + e.getMessage();
    }

    @Override
    public String toString() {
        return root + " (" + source + ")";
    }
}
