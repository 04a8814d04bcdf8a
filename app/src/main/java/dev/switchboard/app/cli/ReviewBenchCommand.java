package dev.switchboard.app.cli;

import dev.switchboard.review.engine.ReviewBenchmark;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code switchboard bench review}: the review's README figures on generated data in a temporary folder. */
@Command(name = "review", description = "Review: open a 30-minute recorded call (log, waveform, transcript, "
        + "replay), seek, and filter/search a list of 10,000 sessions, on generated data in a temporary folder.",
        mixinStandardHelpOptions = true)
public final class ReviewBenchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--minutes", defaultValue = "30", description = "Length of the long call.")
    int minutes;

    @Option(names = "--sample-rate", defaultValue = "16000", description = "Its WAV's rate (the recorder writes "
            + "16000).")
    int sampleRate;

    @Option(names = "--sessions", defaultValue = "10000", description = "Sessions in the list.")
    int sessions;

    @Override
    public Integer call() throws IOException {
        Path work = Files.createTempDirectory("switchboard-bench-review");
        try {
            ReviewBenchmark.Result r = ReviewBenchmark.run(work, minutes, sampleRate, sessions);
            spec.commandLine().getOut().println(r.describe());
            return 0;
        } finally {
            try (Stream<Path> paths = Files.walk(work)) {
                for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }
}
