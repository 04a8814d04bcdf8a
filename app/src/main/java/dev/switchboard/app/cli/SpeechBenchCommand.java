package dev.switchboard.app.cli;

import dev.switchboard.speech.engine.SpeechBenchmark;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code switchboard bench speech}: the offline speech figures, on synthesised speech in a temporary cache. */
@Command(name = "speech", description = "TTS init and first-sentence latency, STT real-time factor, partial-result "
        + "latency and trainee-to-caller turn-around, on synthesised speech (about a minute).",
        mixinStandardHelpOptions = true)
public final class SpeechBenchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        Path cache = Files.createTempDirectory("switchboard-bench-speech");
        try {
            spec.commandLine().getOut().println(SpeechBenchmark.run(cache).describe());
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
