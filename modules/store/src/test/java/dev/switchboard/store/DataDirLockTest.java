package dev.switchboard.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11 item 2: "db restore while another process writes exits 0 and moves that process's data into broken/".
 * A second JVM holds the data dir open (as a running {@code call simulate} does); restore must refuse and name it.
 * Also items 6: that process, killed, leaves no SQLite library in the temp folder, and its leftovers are removed
 * only by the next process that has the data dir to itself.
 */
class DataDirLockTest {

    @TempDir
    Path tmp;

    @Test
    void restoreRefusesWhileAnotherProcessHasTheDataDirOpenAndNamesIt() throws Exception {
        DataDir dir = DataDir.of(tmp.resolve("data"));
        Path backup = healthyBackup();
        Path childTmp = Files.createDirectories(tmp.resolve("child-tmp"));
        String java = ProcessHandle.current().info().command().orElse("java");
        Process child = new ProcessBuilder(List.of(java, "-Xmx128m", "-Djava.io.tmpdir=" + childTmp,
                "-cp", System.getProperty("java.class.path"), HoldingProcess.class.getName(), dir.root().toString()))
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        CompletableFuture.delayedExecutor(2, TimeUnit.MINUTES).execute(child::destroyForcibly);
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8)); PrintWriter in = new PrintWriter(child.getOutputStream(), true,
                StandardCharsets.UTF_8)) {
            String line = out.readLine();
            while (line != null && !line.startsWith("open ")) {
                line = out.readLine();
            }
            assertThat(line).as("the child opened the data dir").startsWith("open ");
            long pid = Long.parseLong(line.substring(5));
            byte[] live = Files.readAllBytes(dir.database());

            assertThatThrownBy(() -> Recovery.restore(dir, backup))
                    .isInstanceOf(DataDirInUseException.class)
                    .hasMessageContaining("in use by PID " + pid)
                    .satisfies(e -> assertThat(((DataDirInUseException) e).pids()).containsExactly(pid));
            assertThatThrownBy(() -> Recovery.moveAside(dir)).isInstanceOf(DataDirInUseException.class);
            assertThat(dir.database()).exists().hasBinaryContent(live);
            assertThat(dir.broken()).isEmptyDirectory();

            // A second process opens beside it, not alone: what the other one writes is not a leftover.
            Path partial = Files.writeString(dir.backups().resolve("switchboard-20250101-000000-manual.db.partial"),
                    "half");
            try (Database db = Database.open(dir)) {
                assertThat(db.openedAlone()).isFalse();
            }
            assertThat(partial).exists();

            in.println("halt");
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            try (Stream<Path> left = Files.list(childTmp)) {
                assertThat(left.map(p -> p.getFileName().toString()))
                        .as("no SQLite library left in the killed process's temp folder")
                        .noneMatch(name -> name.startsWith("sqlite-"));
            }
            try (Stream<Path> cached = Files.walk(dir.cache().resolve("sqlite"))) {
                assertThat(cached.map(p -> p.getFileName().toString())).contains("libsqlitejdbc.so");
            }

            try (Database db = Database.open(dir)) {
                assertThat(db.openedAlone()).isTrue();
                assertThat(db.cleanedUp()).anyMatch(l -> l.contains(partial.getFileName().toString()));
            }
            assertThat(partial).doesNotExist();
            Recovery.restore(dir, backup);
            assertThat(dir.broken()).isNotEmptyDirectory();
        } finally {
            child.destroyForcibly();
        }
    }

    @Test
    void insideOneProcessTheDatabaseMustBeClosedBeforeARestore() {
        DataDir dir = DataDir.of(tmp.resolve("same"));
        Path backup = healthyBackup();
        try (Database first = Database.open(dir); Database second = Database.open(dir)) {
            assertThat(first.openedAlone()).isTrue();
            assertThat(second.openedAlone()).isFalse();
            assertThatThrownBy(() -> Recovery.restore(dir, backup))
                    .isInstanceOf(DataDirInUseException.class).hasMessageContaining("still open in this program");
        }
        Recovery.restore(dir, backup);
    }

    private Path healthyBackup() {
        DataDir other = DataDir.of(tmp.resolve("other-" + System.nanoTime()));
        try (Database db = Database.open(other)) {
            return new Backups(db, java.time.Clock.systemDefaultZone()).create("manual").file();
        }
    }
}
