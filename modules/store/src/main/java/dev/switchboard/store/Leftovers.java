package dev.switchboard.store;

import dev.switchboard.core.io.SafeOutput;
import dev.switchboard.core.text.Counts;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What killed runs leave in a data dir and nothing else ever reads: the {@code .partial} files (and SQLite's
 * {@code .partial-journal}) of a backup cut short, the copy of a restore cut short, the temporary files of exports.
 * Removed when a process opens the data dir alone, so it never pulls a file from under a live backup or export.
 */
final class Leftovers {

    private static final Logger LOG = LoggerFactory.getLogger(Leftovers.class);

    private Leftovers() {
    }

    /** Removes the leftovers; one line per file removed. Call only while no other process has the data dir open. */
    static List<String> clean(DataDir dir) {
        List<String> removed = new ArrayList<>();
        if (Files.isDirectory(dir.backups())) {
            try (DirectoryStream<Path> files = Files.newDirectoryStream(dir.backups(), "switchboard-*.db.partial*")) {
                for (Path f : files) {
                    delete(f, "an unfinished backup", removed);
                }
            } catch (IOException e) {
                LOG.warn("Could not look for unfinished backups in {}: {}", dir.backups(), e.getMessage());
            }
        }
        Path restoring = dir.database().resolveSibling(dir.database().getFileName() + Recovery.RESTORING);
        delete(restoring, "an unfinished restore", removed);
        int exports = SafeOutput.cleanPending(dir.pendingExports());
        if (exports > 0) {
            removed.add(Counts.of(exports, "temporary file", "temporary files")
                    + " of unfinished exports");
        }
        return removed;
    }

    private static void delete(Path file, String what, List<String> removed) {
        try {
            if (Files.deleteIfExists(file)) {
                removed.add(file + " (" + what + ")");
                LOG.warn("Removed {}, left by {}", file, what);
            }
        } catch (IOException e) {
            LOG.warn("Could not remove {}: {}", file, e.getMessage());
        }
    }
}
