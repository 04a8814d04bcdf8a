package dev.switchboard.store;

import dev.switchboard.core.error.SwitchboardException;
import dev.switchboard.core.io.PrivateFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The two ways out of a damaged database: move it aside and start fresh, or restore a backup. Both
 * work on files only, so they run while no {@link Database} is open on the data dir (close it first),
 * including when the database cannot be opened at all. Both take the data dir's exclusive {@link DataDirLock} and
 * refuse, naming the other process, while any other process has it open. Nothing is ever deleted: the replaced
 * files go to {@link DataDir#broken()}.
 */
public final class Recovery {

    private static final Logger LOG = LoggerFactory.getLogger(Recovery.class);
    /** The suffix of the copy a restore places beside the database before swapping it in. */
    static final String RESTORING = ".restoring";
    private static final List<String> COMPANIONS = List.of("-wal", "-shm", "-journal");

    private Recovery() {
    }

    /**
     * Moves the database and its {@code -wal}/{@code -shm} files into {@link DataDir#broken()} as
     * {@code switchboard-YYYYMMDD-HHMMSS.db} (with matching companions), so the next open starts fresh.
     *
     * @return where the database file now is
     * @throws SwitchboardException when there is no database file or it cannot be moved
     */
    public static Path moveAside(DataDir dir) {
        return moveAside(dir, Clock.systemDefaultZone());
    }

    static Path moveAside(DataDir dir, Clock clock) {
        try (DataDirLock lock = DataDirLock.exclusive(dir, "move the database aside")) {
            return moveAsideLocked(dir, clock);
        }
    }

    private static Path moveAsideLocked(DataDir dir, Clock clock) {
        Path db = dir.database();
        if (!Files.exists(db)) {
            throw new SwitchboardException("There is no database at " + db + " to move aside.", "");
        }
        try {
            Files.createDirectories(dir.broken());
            String stamp = Backups.stamp(clock);
            Path target = null;
            for (int n = 1; target == null; n++) {
                String base = "switchboard-" + stamp + (n == 1 ? "" : "-" + n);
                Path candidate = dir.broken().resolve(base + ".db");
                if (Files.notExists(candidate) && COMPANIONS.stream()
                        .allMatch(c -> Files.notExists(dir.broken().resolve(base + ".db" + c)))) {
                    target = candidate;
                }
            }
            // Companions first: a WAL left beside a new or restored database would be replayed into it.
            for (String companion : COMPANIONS) {
                Path from = db.resolveSibling(db.getFileName() + companion);
                if (Files.exists(from)) {
                    Backups.move(from, target.resolveSibling(target.getFileName() + companion));
                }
            }
            Backups.move(db, target);
            LOG.warn("Moved the database {} aside to {}", db, target);
            return target;
        } catch (IOException e) {
            throw new SwitchboardException("Could not move the database " + db + " to " + dir.broken() + ": "
                    + e.getMessage(), "Check that the data folder is writable and that no other Switchboard "
                    + "is running.", e);
        }
    }

    /**
     * Replaces the database with a copy of {@code backup}, after checking that the backup is a healthy
     * Switchboard database. The current database, if any, is moved aside first (see
     * {@link #moveAside(DataDir)}). Take a {@code before-restore} backup before closing the database
     * when it is still readable.
     *
     * @throws SwitchboardException naming the backup when it is missing, damaged or not a Switchboard
     *                              database; the current database is then left untouched
     * @throws DataDirInUseException naming the other process when any other process has the data dir open
     *                               (restoring would move its data away underneath it); nothing is changed
     */
    public static void restore(DataDir dir, Path backup) {
        restore(dir, backup, Clock.systemDefaultZone());
    }

    static void restore(DataDir dir, Path backup, Clock clock) {
        Objects.requireNonNull(backup, "backup");
        dir.ensureCreated();
        SqliteNative.install(dir.cache());
        try (DataDirLock lock = DataDirLock.exclusive(dir, "restore " + backup.getFileName())) {
            restoreLocked(dir, backup, clock);
        }
    }

    private static void restoreLocked(DataDir dir, Path backup, Clock clock) {
        String hint = "Choose another backup from " + dir.backups() + ".";
        if (!Files.isRegularFile(backup)) {
            throw new SwitchboardException("The backup " + backup + " does not exist.", hint);
        }
        if (backup.toAbsolutePath().normalize().equals(dir.database())) {
            throw new SwitchboardException("The backup " + backup + " is the database itself.", hint);
        }
        String check = Database.quickCheck(backup);
        if (!"ok".equals(check)) {
            throw new SwitchboardException("The backup " + backup + " is not a healthy SQLite database: " + check,
                    hint);
        }
        if (!Database.hasSwitchboardSchema(backup)) {
            throw new SwitchboardException("The backup " + backup + " is not a Switchboard database.", hint);
        }
        Path db = dir.database();
        Path incoming = db.resolveSibling(db.getFileName() + RESTORING);
        try {
            // Copy beside the database first, so a failed copy leaves the current database in place.
            Files.copy(backup, incoming, StandardCopyOption.REPLACE_EXISTING);
            PrivateFiles.makePrivate(incoming);
            Backups.force(incoming);
            boolean anyCurrent = Files.exists(db) || COMPANIONS.stream()
                    .anyMatch(c -> Files.exists(db.resolveSibling(db.getFileName() + c)));
            if (anyCurrent && !Files.exists(db)) {
                // Orphaned -wal/-shm without a database: keep them, but never beside the restored file.
                Files.createFile(db);
            }
            if (anyCurrent) {
                moveAsideLocked(dir, clock);
            }
            Backups.move(incoming, db);
            Backups.force(dir.root());
            LOG.warn("Restored the database {} from {}", db, backup);
        } catch (IOException e) {
            throw new SwitchboardException("Could not restore " + backup + " into " + db + ": " + e.getMessage(),
                    "Check the free disk space and that the data folder is writable.", e);
        } finally {
            try {
                Files.deleteIfExists(incoming);
            } catch (IOException e) {
                LOG.warn("Could not remove {}: {}", incoming, e.getMessage());
            }
        }
    }
}
