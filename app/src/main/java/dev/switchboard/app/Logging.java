package dev.switchboard.app;

import dev.switchboard.core.io.PrivateFiles;
import dev.switchboard.store.DataDir;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Points the rolling log files at the data dir's {@code logs/} folder. Must run before the first
 * logger is created, so it reads {@code --data-dir} from the raw arguments itself.
 */
public final class Logging {

    private static final String LOG_DIR_PROPERTY = "switchboard.logDir";

    private Logging() {
    }

    /** Sets the log folder from {@code --data-dir DIR} / {@code --data-dir=DIR}, SWITCHBOARD_DATA or the default. */
    public static void configure(String[] args) {
        if (System.getProperty(LOG_DIR_PROPERTY) != null) {
            return;
        }
        try {
            Path logs = DataDir.resolve(dataDirArgument(args)).logs();
            try {
                // Made here, private, before the logger makes it (and a missing data dir) with the default mode.
                PrivateFiles.createFolders(logs);
            } catch (IOException | RuntimeException e) {
                // The command reports an unusable data dir itself.
            }
            System.setProperty(LOG_DIR_PROPERTY, logs.toString());
        } catch (RuntimeException e) {
            // Unusable data dir: the command itself reports it; logs go to the temp folder meanwhile.
            System.setProperty(LOG_DIR_PROPERTY, Path.of(System.getProperty("java.io.tmpdir"), "switchboard-logs")
                    .toString());
        }
    }

    /**
     * The {@code --data-dir DIR} / {@code --data-dir=DIR} of the raw arguments (the last one), or null: for what must
     * happen before picocli parses them.
     */
    static Path dataDirArgument(String[] args) {
        Path override = null;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--data-dir") && i + 1 < args.length) {
                override = Path.of(args[i + 1]);
            } else if (args[i].startsWith("--data-dir=")) {
                override = Path.of(args[i].substring("--data-dir=".length()));
            }
        }
        return override;
    }

    /** The current log file, for messages that point the user at it. */
    public static Path logFile() {
        // The same fallback as logback.xml's LOG_DIR.
        String dir = System.getProperty(LOG_DIR_PROPERTY,
                Path.of(System.getProperty("java.io.tmpdir"), "switchboard-logs").toString());
        return Path.of(dir, "switchboard.log");
    }
}
