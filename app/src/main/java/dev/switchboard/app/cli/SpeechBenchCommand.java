package dev.switchboard.app.cli;

import dev.switchboard.core.error.InputException;
import dev.switchboard.speech.engine.SpeechBenchmark;
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

/** {@code switchboard bench speech}: the offline speech figures, on synthesised speech in a temporary cache. */
@Command(name = "speech", description = "TTS init and first-sentence latency, STT real-time factor, partial-result "
        + "latency and trainee-to-caller turn-around, and recognition accuracy (word error rate, safety keywords) on "
        + "the held-out sentences in two voices (MaryTTS; espeak-ng when installed), on synthesised speech (a few "
        + "minutes).", mixinStandardHelpOptions = true)
public final class SpeechBenchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--runs", defaultValue = "3", paramLabel = "N",
            description = "Times the held-out sentences are recognised per voice, for the real-time factor's "
                    + "min/median/max (default 3).")
    int runs;

    @Override
    public Integer call() throws IOException {
        if (runs < 1 || runs > 50) {
            throw InputException.field("--runs", "must be between 1 and 50, was " + runs);
        }
        Path cache = Files.createTempDirectory("switchboard-bench-speech");
        try {
            spec.commandLine().getOut().println(SpeechBenchmark.run(cache, runs).describe());
            return 0;
        } finally {
            try (Stream<Path> paths = Files.walk(cache)) {
                for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }
}
