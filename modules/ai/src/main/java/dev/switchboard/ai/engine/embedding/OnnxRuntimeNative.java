package dev.switchboard.ai.engine.embedding;

import ai.onnxruntime.OrtException;
import dev.switchboard.core.io.PrivateFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where ONNX Runtime's native libraries are loaded from. By default its Java binding copies {@code libonnxruntime.so}
 * (16 MB) and its JNI library out of the jar into a new temp folder at every start and deletes them at exit, so
 * each killed process leaves them in {@code /tmp} for good. Here they are copied once per ONNX Runtime version into
 * {@code <data dir>/cache/onnxruntime/<version>/} (0700; files 0600; checked by content each time the model loads,
 * replaced by an atomic rename) and loaded from there through the binding's {@code onnxruntime.native.path}. The
 * binding still makes an empty {@code onnxruntime-java*} folder in the temp folder while it loads (removed at exit).
 */
final class OnnxRuntimeNative {

    /** The binding's property for a folder that holds its libraries. */
    static final String PATH_PROPERTY = "onnxruntime.native.path";

    private static final Logger LOG = LoggerFactory.getLogger(OnnxRuntimeNative.class);
    /** The runtime, its JNI glue, and the shared-provider library some builds carry. */
    private static final List<String> LIBRARIES = List.of("onnxruntime", "onnxruntime4j_jni",
            "onnxruntime_providers_shared");
    private static final int REQUIRED = 2;

    private OnnxRuntimeNative() {
    }

    /**
     * Makes the first ONNX Runtime environment of this JVM load its libraries from under {@code cacheDir}. Does
     * nothing when the location was set already (the first data dir of the process wins; the libraries load once).
     * Call it before the first {@code OrtEnvironment}. Never throws: the binding's own unpacking is the fallback.
     */
    static synchronized void install(Path cacheDir) {
        if (System.getProperty(PATH_PROPERTY) != null) {
            return;
        }
        try {
            Path folder = place(cacheDir);
            if (folder != null) {
                System.setProperty(PATH_PROPERTY, folder.toString());
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("Could not place ONNX Runtime's native libraries under {}; it unpacks them itself: {}", cacheDir,
                    e.getMessage());
        }
    }

    /**
     * Copies this platform's libraries from the jar into {@code cacheDir/onnxruntime/<version>/} where a file is
     * missing or differs from the jar's, and returns that folder; null when the jar holds none for this platform.
     */
    static Path place(Path cacheDir) throws IOException {
        String platform = platform();
        if (platform == null) {
            return null;
        }
        Path folder = cacheDir.resolve("onnxruntime").resolve(version());
        int placed = 0;
        for (String name : LIBRARIES) {
            String file = System.mapLibraryName(name);
            try (InputStream in = OrtException.class.getResourceAsStream("/ai/onnxruntime/native/" + platform + "/"
                    + file)) {
                if (in == null) {
                    if (placed < REQUIRED) {
                        return null;
                    }
                    continue;
                }
                PrivateFiles.createFolders(folder);
                Path library = folder.resolve(file);
                if (PrivateFiles.replaceIfDifferent(library, in.readAllBytes())) {
                    LOG.info("Copied ONNX Runtime's native library to {}", library);
                }
                placed++;
            }
        }
        return folder;
    }

    /** The binding's version from its jar's manifest; read without loading the runtime. */
    private static String version() {
        String version = OrtException.class.getPackage().getImplementationVersion();
        return version == null || version.isBlank() ? "unknown" : version;
    }

    /** The jar's folder name for this OS and CPU, as the binding names it; null for one it has no folder for. */
    static String platform() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        String osPart = os.contains("linux") ? "linux" : os.contains("mac") ? "osx" : os.contains("win") ? "win"
                : null;
        String archPart = arch.equals("amd64") || arch.equals("x86_64") ? "x64"
                : arch.equals("aarch64") || arch.equals("arm64") ? "aarch64" : null;
        return osPart == null || archPart == null ? null : osPart + "-" + archPart;
    }
}
