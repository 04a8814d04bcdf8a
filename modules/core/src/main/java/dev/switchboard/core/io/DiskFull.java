package dev.switchboard.core.io;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Recognises a full disk behind an error and says so in the user's words, naming the place: "no space left on
 * device on /home (12.0 KB free)", instead of "disk I/O error" or a stack trace.
 */
public final class DiskFull {

    /** Less free space than this counts as full when an error does not say why. */
    private static final long NEARLY_FULL_BYTES = 1024 * 1024;

    private DiskFull() {
    }

    /**
     * Whether {@code error} (or a cause) says the disk is full, or a write failed on a file system with almost no
     * space left at {@code where}.
     */
    public static boolean is(Throwable error, Path where) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String m = t.getMessage();
            if (m != null && (m.contains("No space left on device") || m.contains("database or disk is full")
                    || m.contains("SQLITE_FULL") || m.contains("Disk quota exceeded"))) {
                return true;
            }
        }
        return where != null && error instanceof IOException && usable(where) < NEARLY_FULL_BYTES;
    }

    /** "no space left on device on /home (12.0 KB free)": the file system holding {@code where}. */
    public static String describe(Path where) {
        Path probe = where;
        while (probe != null && !Files.exists(probe)) {
            probe = probe.getParent();
        }
        if (probe == null) {
            return "no space left on device";
        }
        try {
            FileStore store = Files.getFileStore(probe);
            String mount = store.toString();
            int cut = mount.indexOf(" (");
            return "no space left on device on " + (cut > 0 ? mount.substring(0, cut) : mount) + " ("
                    + TextFiles.human(store.getUsableSpace()) + " free, writing " + where + ")";
        } catch (IOException e) {
            return "no space left on device (writing " + where + ")";
        }
    }

    private static long usable(Path where) {
        Path probe = where;
        while (probe != null && !Files.exists(probe)) {
            probe = probe.getParent();
        }
        try {
            return probe == null ? Long.MAX_VALUE : Files.getFileStore(probe).getUsableSpace();
        } catch (IOException e) {
            return Long.MAX_VALUE;
        }
    }
}
