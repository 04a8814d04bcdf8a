package dev.switchboard.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.core.error.SwitchboardException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataDirTest {

    @TempDir
    Path tmp;

    @Test
    void commandLineOptionWinsOverEnvironment() {
        DataDir dir = DataDir.resolve(tmp.resolve("cli"), Map.of(DataDir.ENV, tmp.resolve("env").toString())::get);

        assertThat(dir.root()).isEqualTo(tmp.resolve("cli"));
        assertThat(dir.source()).isEqualTo("--data-dir");
    }

    @Test
    void environmentWinsOverDefault() {
        DataDir dir = DataDir.resolve(null, Map.of(DataDir.ENV, "  " + tmp.resolve("env") + " ")::get);

        assertThat(dir.root()).isEqualTo(tmp.resolve("env"));
        assertThat(dir.source()).isEqualTo("SWITCHBOARD_DATA");
    }

    @Test
    void blankEnvironmentFallsBackToTheOperatingSystemDataFolder() {
        DataDir dir = DataDir.resolve(null, Map.of(DataDir.ENV, " ")::get);

        assertThat(dir.source()).isEqualTo("default");
        assertThat(dir.root()).isAbsolute();
        assertThat(dir.root().getFileName().toString()).isEqualToIgnoringCase("switchboard");
    }

    @Test
    void namesEveryFolderUnderTheRoot() {
        DataDir dir = DataDir.of(tmp.resolve("a/../data"));

        assertThat(dir.root()).isEqualTo(tmp.resolve("data"));
        assertThat(dir.database()).isEqualTo(tmp.resolve("data/switchboard.db"));
        assertThat(dir.backups()).isEqualTo(tmp.resolve("data/backups"));
        assertThat(dir.logs()).isEqualTo(tmp.resolve("data/logs"));
        assertThat(dir.recordings()).isEqualTo(tmp.resolve("data/recordings"));
        assertThat(dir.broken()).isEqualTo(tmp.resolve("data/broken"));
        assertThat(dir.cache()).isEqualTo(tmp.resolve("data/cache"));
    }

    @Test
    void ensureCreatedMakesTheFolders() {
        DataDir dir = DataDir.of(tmp.resolve("data")).ensureCreated();

        assertThat(dir.backups()).isDirectory();
        assertThat(dir.logs()).isDirectory();
        assertThat(dir.recordings()).isDirectory();
        assertThat(dir.broken()).isDirectory();
        assertThat(dir.cache()).isDirectory();
    }

    @Test
    void ensureCreatedNamesAFolderItCannotCreate() throws Exception {
        Path file = Files.writeString(tmp.resolve("not-a-folder"), "x");
        DataDir dir = DataDir.of(file.resolve("data"));

        assertThatThrownBy(dir::ensureCreated)
                .isInstanceOf(SwitchboardException.class)
                .hasMessageContaining(file.resolve("data").toString())
                .satisfies(e -> assertThat(((SwitchboardException) e).hint()).contains("--data-dir"));
    }

    @Test
    void aSeatKeepsOneIdOfItsOwnInAPrivateFileAndAnEmptyOneIsRefusedByName() throws Exception {
        DataDir one = DataDir.of(tmp.resolve("one")).ensureCreated();
        DataDir two = DataDir.of(tmp.resolve("two")).ensureCreated();
        String id = one.seat();
        assertThat(id).matches("[0-9a-f-]{36}");
        assertThat(DataDir.of(tmp.resolve("one")).seat()).as("the same after a restart").isEqualTo(id);
        assertThat(two.seat()).isNotEqualTo(id);
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(one.root().resolve("seat")))).isEqualTo("rw-------");
        try (var left = Files.list(one.root())) {
            assertThat(left.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".partial"));
        }

        Files.writeString(two.root().resolve("seat"), "\n");
        assertThatThrownBy(two::seat).isInstanceOf(SwitchboardException.class)
                .hasMessageContaining(two.root().resolve("seat").toString()).hasMessageContaining("empty");
    }
}
