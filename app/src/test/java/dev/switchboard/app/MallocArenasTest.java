package dev.switchboard.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The arena cap for starts without the launcher script: applied on glibc, left alone otherwise, never thrown. */
class MallocArenasTest {

    @Test
    void onGlibcLinuxTheCapIsApplied() throws IOException {
        assumeTrue(System.getProperty("os.name", "").startsWith("Linux"), "Linux only");
        // This JVM runs on glibc when its own libc is glibc's libc.so.6 (musl maps ld-musl-*.so.1).
        assumeTrue(Files.readString(Path.of("/proc/self/maps")).contains("/libc.so.6"), "glibc only");

        assertThat(MallocArenas.limit(Map.of(), "Linux")).isTrue();
    }

    @Test
    void aValueInTheEnvironmentIsLeftToGlibc() {
        assertThat(MallocArenas.limit(Map.of(MallocArenas.ENV, "4"), "Linux")).isFalse();
    }

    @Test
    void otherSystemsAreLeftAlone() {
        assertThat(MallocArenas.limit(Map.of(), "Mac OS X")).isFalse();
        assertThat(MallocArenas.limit(Map.of(), "Windows 11")).isFalse();
    }

    @Test
    void theRealCallNeverThrows() {
        boolean applied = MallocArenas.limit();
        assertThat(applied).isIn(true, false);
    }
}
