package dev.switchboard.studio.engine.factory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.studio.model.factory.FactoryRun;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The factory's Java project is real: generated into a temporary folder, Maven compiles it and its JUnit tests
 * pass. Maven runs offline against the local repository (JUnit 5.11.4 and the plugins this build uses are there);
 * the test is skipped, saying why, when {@code mvn} is not on the PATH.
 */
class GeneratedProjectBuildTest {

    @TempDir
    Path dir;

    @Test
    void theGeneratedJavaProjectCompilesAndItsTestsPass() throws Exception {
        Path mvn = onPath("mvn");
        Assumptions.assumeTrue(mvn != null, "mvn is not on the PATH: the generated project's build is not run");
        ApplicationFactory factory = new ApplicationFactory(new IntentReader(null), null, dir.resolve("runs"),
                Clock.systemUTC());
        FactoryRun run = factory.run("Create a REST API to track incidents and units, with search", "java-maven",
                false, "test", dir.resolve("project"), (k, p) -> { });

        ProcessBuilder pb = new ProcessBuilder(mvn.toString(), "-o", "-B", "-q", "test")
                .directory(run.folder().toFile())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("build.log").toFile());
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process build = pb.start();
        boolean finished = build.waitFor(5, TimeUnit.MINUTES);
        if (!finished) {
            build.destroyForcibly();
        }
        String log = Files.readString(dir.resolve("build.log"));

        assertThat(finished).as("the build finished within 5 minutes").isTrue();
        assertThat(build.exitValue()).as("mvn test of the generated project:%n%s", log).isZero();
        List<Path> reports = reports(run.folder().resolve("target/surefire-reports"));
        String all = String.join("\n", reports.stream().map(GeneratedProjectBuildTest::read).toList());
        assertThat(all).contains("IncidentServiceTest").contains("UnitTest").contains("ApiServerTest");
        assertThat(all).containsPattern("Tests run: [1-9]").doesNotContain("FAILURE");
    }

    private static Path onPath(String tool) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path p = Path.of(d, tool);
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }

    private static List<Path> reports(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.toString().endsWith(".txt")).toList();
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
