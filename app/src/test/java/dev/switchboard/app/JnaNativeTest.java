package dev.switchboard.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** JNA's unpacking folder: a private folder under the data dir's cache, set once per process. */
class JnaNativeTest {

    @TempDir
    Path cache;

    private String before;

    @BeforeEach
    void remember() {
        before = System.getProperty(JnaNative.TMP_DIR);
        System.clearProperty(JnaNative.TMP_DIR);
    }

    @AfterEach
    void restore() {
        if (before == null) {
            System.clearProperty(JnaNative.TMP_DIR);
        } else {
            System.setProperty(JnaNative.TMP_DIR, before);
        }
    }

    @Test
    void jnaUnpacksIntoAPrivateFolderOfTheCache() throws Exception {
        Path folder = JnaNative.install(cache);

        assertThat(folder).isEqualTo(cache.resolve("jna"));
        assertThat(System.getProperty(JnaNative.TMP_DIR)).isEqualTo(folder.toString());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder))).isEqualTo("rwx------");
    }

    @Test
    void theFirstPlaceOfTheProcessWins() {
        System.setProperty(JnaNative.TMP_DIR, "/somewhere/else");

        assertThat(JnaNative.install(cache)).isEqualTo(Path.of("/somewhere/else"));
        assertThat(cache.resolve("jna")).doesNotExist();
    }
}
