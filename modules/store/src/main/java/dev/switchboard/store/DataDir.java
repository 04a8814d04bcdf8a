package dev.switchboard.store;

import dev.dirs.ProjectDirectories;
import dev.switchboard.core.error.SwitchboardException;
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
                Files.createDirectories(folder);
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
