package dev.switchboard.app;

import dev.switchboard.core.io.PrivateFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where JNA unpacks the native libraries it finds in jars: its own {@code jnidispatch}, Vosk's {@code libvosk} and
 * the like. By default that is a folder in the temp folder, where a killed process leaves them behind; here it is
 * {@code <data dir>/cache/jna/} (0700), through JNA's {@code jna.tmpdir}. JNA reads the property when its
 * {@code Native} class loads, so this runs in {@link Main} before anything uses JNA.
 */
public final class JnaNative {

    /** JNA's own property for its unpacking folder. */
    static final String TMP_DIR = "jna.tmpdir";

    private static final Logger LOG = LoggerFactory.getLogger(JnaNative.class);

    private JnaNative() {
    }

    /**
     * Points JNA at {@code cacheDir/jna}. Does nothing when the location was set already (the first data dir of the
     * process wins, as for SQLite). Never throws: JNA's own temp folder is the fallback.
     *
     * @return the folder JNA unpacks to from now on, or null when it is JNA's default
     */
    public static synchronized Path install(Path cacheDir) {
        String set = System.getProperty(TMP_DIR);
        if (set != null) {
            return Path.of(set);
        }
        Path folder = cacheDir.resolve("jna");
        try {
            if (Files.isDirectory(folder)) {
                PrivateFiles.makePrivate(folder);
            } else {
                PrivateFiles.createFolders(folder);
            }
            if (!Files.isWritable(folder)) {
                throw new IOException("not writable");
            }
            System.setProperty(TMP_DIR, folder.toString());
            return folder;
        } catch (IOException | RuntimeException e) {
            LOG.warn("Could not prepare {} for native libraries; JNA unpacks them in the temp folder: {}", folder,
                    e.getMessage());
            return null;
        }
    }
}
