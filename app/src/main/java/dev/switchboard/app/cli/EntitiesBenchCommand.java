package dev.switchboard.app.cli;

import dev.switchboard.calltaking.engine.entities.EntitiesBenchmark;
import dev.switchboard.calltaking.engine.entities.EntityEvaluation;
import dev.switchboard.calltaking.engine.entities.EntityType;
import dev.switchboard.core.error.InputException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code switchboard bench entities}: time per utterance of the call console's entity extractor, with min/median/max
 * over runs and the load average, then precision and recall per type on the held-out proxy of real calls and on the
 * development set, clean and with recogniser noise.
 */
@Command(name = "entities", mixinStandardHelpOptions = true,
        description = "Entity extraction time per utterance over the development set as typed and as a recogniser "
                + "writes it (one thread, after a warm-up; target p99 <= 5 ms), the time for one long input, and "
                + "precision and recall per type on the held-out proxy of real calls (never tuned on) and the "
                + "development set, clean and noisy.")
final class EntitiesBenchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--rounds", defaultValue = "20", description = "Passes over the set per run (default 20).")
    int rounds;

    @Option(names = "--runs", defaultValue = "3", description = "Runs (default 3).")
    int runs;

    @Option(names = "--long-input", defaultValue = "100000", paramLabel = "CHARS",
            description = "Length of the one long input timed (default 100000; 0 skips it).")
    int longInput;

    @Override
    public Integer call() {
        if (rounds < 1 || runs < 1) {
            throw InputException.field("--rounds/--runs", "must be at least 1");
        }
        if (longInput < 0 || longInput > 10_000_000) {
            throw InputException.field("--long-input", "must be between 0 and 10000000 characters");
        }
        PrintWriter out = spec.commandLine().getOut();
        List<EntitiesBenchmark.Latency> all = new ArrayList<>();
        for (int run = 1; run <= runs; run++) {
            EntitiesBenchmark.Latency r = EntitiesBenchmark.latency(rounds);
            if (run == 1) {
                out.printf(Locale.ROOT, "entities: %d utterances (development set, clean and noisy) x %d rounds "
                        + "per run, one thread (target: p99 <= 5000 us per utterance)%n", r.utterances(), rounds);
            }
            out.printf(Locale.ROOT, "run %d: mean %.1f us, p50 %.1f us, p99 %.1f us, max %.1f us per utterance%n",
                    run, r.meanMicros(), r.p50Micros(), r.p99Micros(), r.maxMicros());
            all.add(r);
        }
        out.printf(Locale.ROOT, "over %d runs: p50 %s us, p99 %s us (min/median/max); load average %.2f%n",
                runs, spread(all.stream().mapToDouble(EntitiesBenchmark.Latency::p50Micros).toArray()),
                spread(all.stream().mapToDouble(EntitiesBenchmark.Latency::p99Micros).toArray()),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        if (longInput > 0) {
            out.printf(Locale.ROOT, "one input of %,d characters without punctuation: %.0f ms (time is linear in "
                    + "the length)%n", longInput, EntitiesBenchmark.longInputMillis(longInput));
        }
        for (EntitiesBenchmark.Accuracy a : EntitiesBenchmark.accuracy()) {
            out.printf(Locale.ROOT, "%n%s, %d utterances: precision %.3f, recall %.3f clean; %.3f, %.3f noisy%n",
                    a.name(), a.utterances(), a.clean().overall().precision(), a.clean().overall().recall(),
                    a.noisy().overall().precision(), a.noisy().overall().recall());
            out.printf(Locale.ROOT, "  %-13s %9s %7s %9s %7s%n", "type", "P clean", "R clean", "P noisy", "R noisy");
            for (EntityType t : EntityType.values()) {
                EntityEvaluation.Counts c = a.clean().perType().get(t);
                EntityEvaluation.Counts n = a.noisy().perType().get(t);
                if (c.truePositives() + c.falseNegatives() + c.falsePositives() == 0) {
                    continue;
                }
                out.printf(Locale.ROOT, "  %-13s %9.3f %7.3f %9.3f %7.3f%n", t.name(), c.precision(), c.recall(),
                        n.precision(), n.recall());
            }
        }
        return 0;
    }

    private static String spread(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        return String.format(Locale.ROOT, "%.1f/%.1f/%.1f", v[0], v[v.length / 2], v[v.length - 1]);
    }
}
