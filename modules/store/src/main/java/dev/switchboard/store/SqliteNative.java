package dev.switchboard.store;

import dev.switchboard.core.io.PrivateFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteJDBCLoader;
import org.sqlite.util.LibraryLoaderUtil;

/**
 * Where SQLite's native library is loaded from. By default sqlite-jdbc copies it into the temp folder under a new
 * name at every start and deletes it at exit, so each killed process leaves 1 MB in {@code /tmp} for good. Here it
 * is copied once per driver version into {@code <data dir>/cache/sqlite/<version>/} (checked by content at each
 * start) and loaded from there through sqlite-jdbc's {@code org.sqlite.lib.path}; {@code org.sqlite.tmpdir} points
 * into the same cache, should the driver extract anyway.
 */
public final class SqliteNative {

    private static final Logger LOG = LoggerFactory.getLogger(SqliteNative.class);
    private static final String LIB_PATH = "org.sqlite.lib.path";
    private static final String LIB_NAME = "org.sqlite.lib.name";
    private static final String TMP_DIR = "org.sqlite.tmpdir";

    private SqliteNative() {
    }

    /**
     * Makes the first SQLite connection of this JVM load the library from {@code cacheDir}. Does nothing when the
     * location was set already (the first data dir of the process wins; the library is loaded once) or the jar
     * holds no library for this platform. Never throws: the driver's own loading is the fallback.
     */
    public static synchronized void install(Path cacheDir) {
        if (System.getProperty(LIB_PATH) != null) {
            return;
        }
        String resource = LibraryLoaderUtil.getNativeLibResourcePath() + "/" + LibraryLoaderUtil.getNativeLibName();
        Path folder = cacheDir.resolve("sqlite").resolve(SQLiteJDBCLoader.getVersion());
        Path library = folder.resolve(LibraryLoaderUtil.getNativeLibName());
        try (InputStream in = SQLiteJDBCLoader.class.getResourceAsStream(resource)) {
            if (in == null) {
                return;
            }
            byte[] bytes = in.readAllBytes();
            PrivateFiles.createFolders(folder);
            if (PrivateFiles.replaceIfDifferent(library, bytes)) {
                LOG.info("Copied SQLite's native library to {}", library);
            }
            System.setProperty(TMP_DIR, folder.toString());
            System.setProperty(LIB_NAME, library.getFileName().toString());
            System.setProperty(LIB_PATH, folder.toString());
        } catch (IOException | RuntimeException e) {
            LOG.warn("Could not place SQLite's native library under {}; the driver unpacks it itself: {}", folder,
                    e.getMessage());
        }
    }
}
