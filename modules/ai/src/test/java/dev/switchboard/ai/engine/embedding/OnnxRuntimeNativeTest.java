package dev.switchboard.ai.engine.embedding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.onnxruntime.OrtException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ONNX Runtime's libraries copied once under the cache, reused while intact, replaced when damaged. */
class OnnxRuntimeNativeTest {

    @TempDir
    Path cache;

    private String runtime;
    private String jni;

    @BeforeEach
    void names() {
        assumeTrue(OnnxRuntimeNative.platform() != null, "a platform the ONNX Runtime jar has libraries for");
        runtime = System.mapLibraryName("onnxruntime");
        jni = System.mapLibraryName("onnxruntime4j_jni");
    }

    @Test
    void theLibrariesAreCopiedOnceIntoAPrivateVersionedFolder() throws Exception {
        Path folder = OnnxRuntimeNative.place(cache);

        assertThat(folder).isEqualTo(cache.resolve("onnxruntime").resolve("1.20.0"));
        assertThat(Files.readAllBytes(folder.resolve(runtime))).isEqualTo(fromJar(runtime));
        assertThat(Files.readAllBytes(folder.resolve(jni))).isEqualTo(fromJar(jni));
        assertThat(mode(folder)).isEqualTo("rwx------");
        assertThat(mode(folder.resolve(runtime))).isEqualTo("rw-------");
        assertThat(mode(folder.resolve(jni))).isEqualTo("rw-------");
        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactlyInAnyOrder(runtime, jni);
        }

        Object runtimeFile = Files.readAttributes(folder.resolve(runtime),
                java.nio.file.attribute.BasicFileAttributes.class).fileKey();
        assertThat(OnnxRuntimeNative.place(cache)).isEqualTo(folder);
        assertThat(Files.readAttributes(folder.resolve(runtime), java.nio.file.attribute.BasicFileAttributes.class)
                .fileKey()).as("an intact copy is reused, not written again").isEqualTo(runtimeFile);
    }

    @Test
    void aDamagedOrMissingCopyIsReplaced() throws Exception {
        Path folder = OnnxRuntimeNative.place(cache);
        byte[] damaged = fromJar(jni);
        damaged[damaged.length / 2] ^= 0x5a;
        Files.write(folder.resolve(jni), damaged);
        Files.delete(folder.resolve(runtime));

        OnnxRuntimeNative.place(cache);

        assertThat(Files.readAllBytes(folder.resolve(jni))).isEqualTo(fromJar(jni));
        assertThat(Files.readAllBytes(folder.resolve(runtime))).isEqualTo(fromJar(runtime));
        assertThat(mode(folder.resolve(jni))).isEqualTo("rw-------");
    }

    @Test
    void aPlaceSetBeforeIsLeftAlone() {
        String before = System.getProperty(OnnxRuntimeNative.PATH_PROPERTY);
        System.setProperty(OnnxRuntimeNative.PATH_PROPERTY, "/somewhere/else");
        try {
            OnnxRuntimeNative.install(cache);

            assertThat(System.getProperty(OnnxRuntimeNative.PATH_PROPERTY)).isEqualTo("/somewhere/else");
            assertThat(cache.resolve("onnxruntime")).doesNotExist();
        } finally {
            if (before == null) {
                System.clearProperty(OnnxRuntimeNative.PATH_PROPERTY);
            } else {
                System.setProperty(OnnxRuntimeNative.PATH_PROPERTY, before);
            }
        }
    }

    private static byte[] fromJar(String file) throws Exception {
        try (InputStream in = OrtException.class.getResourceAsStream("/ai/onnxruntime/native/"
                + OnnxRuntimeNative.platform() + "/" + file)) {
            return in.readAllBytes();
        }
    }

    private static String mode(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
