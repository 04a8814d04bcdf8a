package dev.switchboard.app.cli;

import dev.switchboard.calltaking.engine.entities.EntitiesBenchmark;
import dev.switchboard.core.error.InputException;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code switchboard bench entities}: time per utterance of the call console's entity extractor. */
@Command(name = "entities", mixinStandardHelpOptions = true,
        description = "Entity extraction time per utterance over the bundled labelled set (one thread, after a "
                + "warm-up), with the set's precision and recall. Target: <= 5 ms per utterance.")
final class EntitiesBenchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--rounds", defaultValue = "50", description = "Passes over the set per run (default 50).")
    int rounds;

    @Option(names = "--runs", defaultValue = "3", description = "Runs (default 3).")
    int runs;

    @Override
    public Integer call() {
        if (rounds < 1 || runs < 1) {
            throw InputException.field("--rounds/--runs", "must be at least 1");
        }
        PrintWriter out = spec.commandLine().getOut();
        for (int run = 1; run <= runs; run++) {
            EntitiesBenchmark.Result r = EntitiesBenchmark.run(rounds);
            if (run == 1) {
                out.printf(Locale.ROOT, "entities: %d utterances x %d rounds per run (target: <= 5000 us per "
                        + "utterance); labelled set precision %.3f, recall %.3f%n", r.utterances(), rounds,
                        r.precision(), r.recall());
            }
            out.printf(Locale.ROOT, "run %d: mean %.1f us, p50 %.1f us, p99 %.1f us, max %.1f us per utterance%n",
                    run, r.meanMicros(), r.p50Micros(), r.p99Micros(), r.maxMicros());
        }
        return 0;
    }
}
