package dev.switchboard.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.core.error.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 11's bad-input probes for text files: /dev/zero, a huge file, Latin-1 bytes. */
class TextFilesTest {

    @TempDir
    Path tmp;

    @Test
    void aDeviceIsRefusedBeforeAnythingIsRead() {
        assertThatThrownBy(() -> TextFiles.readUtf8(Path.of("/dev/zero"), 1 << 20, "an operator script"))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("/dev/zero").hasMessageContaining("not a regular file");
    }

    @Test
    void aFileOverTheLimitIsRefusedByItsSize() throws IOException {
        Path big = Files.write(tmp.resolve("big.yaml"), new byte[2048]);
        assertThatThrownBy(() -> TextFiles.readUtf8(big, 1024, "a scenario"))
                .isInstanceOf(InputException.class).hasMessageContaining("is 2.0 KB; a scenario is at most 1.0 KB");
    }

    @Test
    void bytesThatAreNotUtf8AreNamedByOffsetAndLine() throws IOException {
        Path latin1 = Files.write(tmp.resolve("script.txt"), new byte[] {'H', 'i', '\n', 'C', 'a', 'f', (byte) 0xE9,
            '\n'});
        assertThatThrownBy(() -> TextFiles.readUtf8(latin1, 1024, "a script"))
                .isInstanceOf(InputException.class)
                .hasMessage(latin1 + ":2: not UTF-8 text at byte 6 (0xE9); save the file as UTF-8");
    }

    @Test
    void utf8WithAByteOrderMarkReads() throws IOException {
        Path bom = Files.write(tmp.resolve("bom.txt"), new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'o', 'k'});
        assertThat(TextFiles.readUtf8(bom, 1024, "a file")).isEqualTo("ok");
        assertThatThrownBy(() -> TextFiles.readUtf8(tmp.resolve("missing"), 10, "a file"))
                .hasMessageContaining("no such file");
    }
}
