package dev.switchboard.testkit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/**
 * The project's shared test data ({@code shared/data} beside the repository, e.g. real Tokyo boundaries), which
 * may be read by tests but never copied into the repository. Found by walking up from the working directory to a
 * folder that has {@code shared/data}, or given with {@code -Dswitchboard.sharedData=DIR}.
 */
public final class SharedData {

    /** System property naming the {@code shared/data} folder directly. */
    public static final String PROPERTY = "switchboard.sharedData";

    private SharedData() {
    }

    /** The {@code shared/data} folder, if there is one. */
    public static Optional<Path> root() {
        String given = System.getProperty(PROPERTY);
        if (given != null && !given.isBlank()) {
            Path p = Path.of(given);
            return Files.isDirectory(p) ? Optional.of(p) : Optional.empty();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve("data");
            if (Files.isDirectory(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /**
     * The file {@code relative} under {@code shared/data}; skips the calling test (JUnit assumption) with a message
     * saying what is missing when it is absent, as on a machine without the shared folder.
     */
    public static Path require(String relative) {
        Optional<Path> root = root();
        Path file = root.map(r -> r.resolve(relative)).orElse(null);
        Assumptions.assumeTrue(file != null && Files.isRegularFile(file), () -> "Skipped: shared test data "
                + relative + " is not here (looked for shared/data above " + Path.of("").toAbsolutePath()
                + "; set -D" + PROPERTY + "=DIR to point at it)");
        return file;
    }
}
