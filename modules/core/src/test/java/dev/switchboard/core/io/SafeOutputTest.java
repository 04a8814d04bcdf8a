package dev.switchboard.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.core.error.InputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The probes of issue 11, item 1: an export named after the database, a folder or an existing file. */
class SafeOutputTest {

    @TempDir
    Path tmp;

    private Path data;
    private Path database;
    private SafeOutput output;

    @BeforeEach
    void dataDir() throws IOException {
        data = Files.createDirectories(tmp.resolve("data"));
        database = Files.writeString(data.resolve("switchboard.db"), "the live database");
        output = new SafeOutput(List.of(data), data.resolve("cache/pending"), false);
    }

    private static SafeOutput.Body text(String s) {
        return out -> out.write(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void neverWritesOverTheDatabaseEvenWhenForced() throws IOException {
        assertThatThrownBy(() -> output.replacing(true).write(database, text("%PDF")))
                .isInstanceOf(InputException.class).hasMessageContaining("inside " + data.toRealPath());
        assertThat(database).hasContent("the live database");
    }

    @Test
    void seesThroughASymbolicLinkIntoTheDataDir() throws IOException {
        Path link = Files.createSymbolicLink(tmp.resolve("reports"), data);
        assertThatThrownBy(() -> output.replacing(true).write(link.resolve("switchboard.db"), text("x")))
                .isInstanceOf(InputException.class);
        assertThatThrownBy(() -> output.write(link.resolve("new.pdf"), text("x")))
                .isInstanceOf(InputException.class);
        assertThat(database).hasContent("the live database");
    }

    @Test
    void aFolderIsNeverReplacedNotEvenAnEmptyOne() throws IOException {
        Path folder = Files.createDirectories(tmp.resolve("empty"));
        assertThatThrownBy(() -> output.replacing(true).write(folder, text("x")))
                .isInstanceOf(InputException.class).hasMessageContaining("is a folder");
        assertThat(folder).isDirectory();
    }

    @Test
    void anExistingFileIsReplacedOnlyWhenAsked() throws IOException {
        Path report = Files.writeString(tmp.resolve("report.pdf"), "old");
        assertThatThrownBy(() -> output.write(report, text("new")))
                .isInstanceOf(InputException.class).hasMessageContaining("--force");
        assertThat(report).hasContent("old");
        output.replacing(true).write(report, text("new"));
        assertThat(report).hasContent("new");
    }

    @Test
    void aFailedWriteLeavesTheTargetAndNoPartialFile() throws IOException {
        Path report = Files.writeString(tmp.resolve("report.csv"), "old");
        assertThatThrownBy(() -> output.replacing(true).write(report, out -> {
            out.write("half".getBytes(StandardCharsets.UTF_8));
            throw new IOException("No space left on device");
        })).isInstanceOf(IOException.class);
        assertThat(report).hasContent("old");
        try (Stream<Path> files = Files.list(tmp)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("data", "report.csv");
        }
    }

    @Test
    void newFilesAreOnlyForTheirOwner() throws IOException {
        Path report = output.write(tmp.resolve("out/report.pdf"), text("pdf"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(report))).isEqualTo("rw-------");
    }

    @Test
    void aPartialFileLeftByAKilledExportIsRemovedAtTheNextStart() throws IOException {
        Path pending = data.resolve("cache/pending");
        Files.createDirectories(pending);
        Path partial = Files.writeString(tmp.resolve(".report.pdf.1234.partial"), "half");
        Files.writeString(pending.resolve("1234.pending"), partial.toString());
        Path unrelated = Files.writeString(tmp.resolve("keep.txt"), "mine");
        Files.writeString(pending.resolve("5678.pending"), unrelated.toString());

        assertThat(SafeOutput.cleanPending(pending)).isEqualTo(1);
        assertThat(partial).doesNotExist();
        assertThat(unrelated).exists();
        try (Stream<Path> markers = Files.list(pending)) {
            assertThat(markers).isEmpty();
        }
    }
}
