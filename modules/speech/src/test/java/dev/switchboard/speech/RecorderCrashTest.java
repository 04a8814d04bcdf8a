package dev.switchboard.speech;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A recording whose JVM is killed with SIGKILL is playable up to the last flush and repairable to the end. */
class RecorderCrashTest {

    @TempDir
    Path dir;

    @Test
    void aKilledRecorderLeavesAPlayableFile() throws Exception {
        Path file = dir.resolve("killed.wav");
        String java = ProcessHandle.current().info().command().orElse(
                Path.of(System.getProperty("java.home"), "bin", "java").toString());
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                RecorderChild.class.getName(), file.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile()).start();
        try {
            waitForFlushedAudio(file, 3000, child);
        } finally {
            child.destroyForcibly();
            child.waitFor(30, TimeUnit.SECONDS);
        }

        WavAudio flushed = WavFiles.read(file);
        assertThat(flushed.durationMs()).isGreaterThanOrEqualTo(3000);
        long repaired = WavFiles.repair(file);
        assertThat(repaired).isGreaterThanOrEqualTo(flushed.durationMs());
        WavAudio all = WavFiles.read(file);
        assertThat(all.durationMs()).isEqualTo(repaired);
        // Both tones run without a gap to the last whole 100 ms the child wrote.
        long whole = repaired / 100 * 100;
        assertThat(Tones.frequency(all.channel(0).slice(0, whole))).isCloseTo(300, within(0.5));
        assertThat(Tones.frequency(all.channel(1).slice(0, whole))).isCloseTo(500, within(0.5));
        assertThat(Tones.levelDb(all.channel(0).slice(0, whole))).isCloseTo(Tones.levelDb(
                Tones.sine(300, 1000, 16_000, 0.3)), within(0.2));
    }

    /** Polls the header's data size until it covers {@code ms} of audio; fails if the child dies first. */
    private static void waitForFlushedAudio(Path file, long ms, Process child) throws Exception {
        long wanted = ms * 16 * 4;
        for (int attempt = 0; attempt < 600; attempt++) {
            if (!child.isAlive()) {
                throw new AssertionError("the recorder child exited with " + child.exitValue());
            }
            if (headerDataBytes(file) >= wanted) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the recorder child flushed less than " + ms + " ms in a minute");
    }

    private static long headerDataBytes(Path file) throws IOException {
        if (!Files.exists(file) || Files.size(file) < WavFiles.HEADER_BYTES) {
            return 0;
        }
        try (FileChannel ch = FileChannel.open(file)) {
            ByteBuffer b = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN);
            ch.read(b, 40);
            return Integer.toUnsignedLong(b.getInt(0));
        }
    }
}
