package dev.switchboard.workflow.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Child JVMs keep runs of the chaos workflow going and are killed with SIGKILL at 55 random moments; a last child
 * finishes what is left. Every run's outputs must equal those of an uninterrupted run, and the counter behind every
 * non-idempotent task must show that it ran exactly once.
 *
 * <p>Each kill costs one JVM start, so the child is made to start fast: its class path holds only the engine, the
 * store and their libraries (no JavaFX, Temporal or AI), packed into jars so that the first, uninterrupted child can
 * write a class-data archive the others map at start; and it runs with C1 only and the serial collector.
 */
class ChaosTest {

    private static final int KILLS = 55;
    /** Jars (by file-name prefix) the engine and the store need; everything else stays out of the child. */
    private static final List<String> LIBRARIES = List.of("jackson-", "snakeyaml-", "jdbi3-", "geantyref-",
            "sqlite-jdbc-", "flyway-core-", "slf4j-api-", "commons-jexl3-", "commons-logging-", "jgrapht-core-",
            "jheaps-", "HdrHistogram-", "directories-");
    /** The modules the child needs, as class folders (in the reactor) or jars. */
    private static final Set<String> MODULES = Set.of("workflow", "core", "store");

    @TempDir
    Path temp;

    @Test
    void killedAtRandomMomentsEveryRunEndsWithTheSameOutputsAndEachCounterOnce() throws Exception {
        long t0 = System.nanoTime();
        String classPath = leanClassPath(temp.resolve("jars"));
        Path archive = temp.resolve("chaos.jsa");

        // An uninterrupted child: the reference outputs, and the class-data archive it writes as it exits.
        Path reference = temp.resolve("reference");
        Files.createDirectories(reference);
        Files.createFile(reference.resolve("stop"));
        Process warm = start(classPath, reference, 2, 2, "-XX:ArchiveClassesAtExit=" + archive);
        assertThat(lines(warm, 120)).as(() -> "the uninterrupted child; its errors: " + errors())
                .anyMatch(l -> l.startsWith("DONE"));
        Map<String, String> expected = outputs(reference).values().iterator().next();

        long t1 = System.nanoTime();
        Path chaos = temp.resolve("chaos");
        Files.createDirectories(chaos);
        String share = Files.isRegularFile(archive) ? "-XX:SharedArchiveFile=" + archive : "-Xshare:auto";
        SplittableRandom random = new SplittableRandom(20251207);
        for (int kill = 0; kill < KILLS; kill++) {
            Process child = start(classPath, chaos, 1, 3, share);
            BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                    StandardCharsets.UTF_8));
            String line = out.readLine();
            int n = kill;
            assertThat(line).as(() -> "child " + n + " starts or resumes; its errors: " + errors()).isNotNull()
                    .startsWith("STARTED");
            assertThat(child.waitFor(random.nextInt(10, 250), TimeUnit.MILLISECONDS))
                    .as("a child only ends once told to stop").isFalse();
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        long t2 = System.nanoTime();
        Files.createFile(chaos.resolve("stop"));
        assertThat(lines(start(classPath, chaos, 1, 3, share), 120))
                .as(() -> "the last child finishes every run; its errors: " + errors())
                .anyMatch(l -> l.startsWith("DONE"));

        Map<String, Map<String, String>> runs = outputs(chaos);
        System.out.printf(java.util.Locale.ROOT, "chaos: reference child %.1f s (class-data archive %s), %d kills "
                + "%.1f s, last child %.1f s; %d runs; load average %.1f%n", (t1 - t0) / 1e9,
                Files.isRegularFile(archive) ? Files.size(archive) / 1_000_000 + " MB" : "not written", KILLS,
                (t2 - t1) / 1e9, (System.nanoTime() - t2) / 1e9, runs.size(),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        assertThat(runs.size()).as("runs carried through the kills").isGreaterThanOrEqualTo(3);
        runs.forEach((run, out) -> assertThat(out).as("run %s", run).isEqualTo(expected));
        Map<String, Integer> counters = counters(chaos);
        assertThat(counters).hasSize(runs.size() * 8).allSatisfy((k, n) -> assertThat(n).as(k).isEqualTo(1));
        assertThat(history(chaos)).as("the kills landed while tasks ran")
                .anyMatch(h -> h.startsWith("was running when the program stopped"));
    }

    /** The child's class path: the engine, the store and their libraries, class folders packed into jars. */
    private static String leanClassPath(Path jars) throws IOException {
        Files.createDirectories(jars);
        List<String> out = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            Path p = Path.of(entry);
            String name = p.getFileName() == null ? "" : p.getFileName().toString();
            if (Files.isDirectory(p) && p.getParent() != null && p.getParent().getParent() != null
                    && MODULES.contains(p.getParent().getParent().getFileName().toString())) {
                Path jar = jars.resolve(p.getParent().getParent().getFileName() + "-" + name + ".jar");
                pack(p, jar);
                out.add(jar.toString());
            } else if (name.endsWith(".jar") && (LIBRARIES.stream().anyMatch(name::startsWith)
                    || MODULES.stream().anyMatch(m -> name.startsWith("switchboard-" + m + "-")))) {
                out.add(entry);
            }
        }
        return String.join(java.io.File.pathSeparator, out);
    }

    private static void pack(Path folder, Path jar) throws IOException {
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream zip = new JarOutputStream(file);
             Stream<Path> files = Files.walk(folder)) {
            // Folders get entries too: Flyway finds its migrations by asking the class loader for the folder.
            for (Path f : files.filter(f -> !f.equals(folder)).sorted().toList()) {
                String name = folder.relativize(f).toString().replace('\\', '/');
                boolean isFolder = Files.isDirectory(f);
                zip.putNextEntry(new JarEntry(isFolder ? name + "/" : name));
                if (!isFolder) {
                    Files.copy(f, zip);
                }
                zip.closeEntry();
            }
        }
    }

    private Process start(String classPath, Path dir, int minRuns, int inFlight, String share) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(List.of(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx128m", share,
                "-Xlog:cds=off", "-Xlog:cds+dynamic=off", "-cp", classPath, ChaosChild.class.getName(), dir.toString(),
                Integer.toString(minRuns), Integer.toString(inFlight)))
                .redirectError(ProcessBuilder.Redirect.appendTo(temp.resolve("child.err").toFile())).start();
    }

    private String errors() {
        try {
            String all = Files.readString(temp.resolve("child.err"));
            return all.length() > 4000 ? all.substring(all.length() - 4000) : all;
        } catch (IOException e) {
            return "(none written)";
        }
    }

    private static List<String> lines(Process p, int seconds) throws Exception {
        List<String> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                out.add(line);
            }
        }
        assertThat(p.waitFor(seconds, TimeUnit.SECONDS)).isTrue();
        return out;
    }

    // The children's databases hold only the migrations on their class path, so they are read here with plain
    // JDBC rather than opened (and migrated) as a Database.

    private static Connection open(Path dir) throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("switchboard.db"));
    }

    /** Each run's tasks as {@code key -> "state output"}, the run's id written as RUN. */
    private static Map<String, Map<String, String>> outputs(Path dir) throws SQLException {
        Map<String, Map<String, String>> out = new TreeMap<>();
        try (Connection c = open(dir); Statement s = c.createStatement();
             ResultSet runs = s.executeQuery("SELECT id, state FROM workflow_run")) {
            List<String> ids = new ArrayList<>();
            while (runs.next()) {
                assertThat(runs.getString(2)).as("run %s", runs.getString(1)).isEqualTo("Succeeded");
                ids.add(runs.getString(1));
            }
            try (PreparedStatement tasks = c.prepareStatement(
                    "SELECT task_key, state, output FROM workflow_task WHERE run_id = ?")) {
                for (String id : ids) {
                    tasks.setString(1, id);
                    Map<String, String> one = new TreeMap<>();
                    try (ResultSet t = tasks.executeQuery()) {
                        while (t.next()) {
                            one.put(t.getString(1), t.getString(2) + " " + String.valueOf(t.getString(3))
                                    .replace(id, "RUN"));
                        }
                    }
                    out.put(id, one);
                }
            }
        }
        return out;
    }

    private static Map<String, Integer> counters(Path dir) throws SQLException {
        Map<String, Integer> out = new TreeMap<>();
        try (Connection c = open(dir); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT key, n FROM chaos_counter")) {
            while (r.next()) {
                out.put(r.getString(1), r.getInt(2));
            }
        }
        return out;
    }

    private static List<String> history(Path dir) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = open(dir); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT what FROM workflow_history")) {
            while (r.next()) {
                out.add(r.getString(1));
            }
        }
        return out;
    }
}
