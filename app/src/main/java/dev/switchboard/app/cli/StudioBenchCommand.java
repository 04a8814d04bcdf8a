package dev.switchboard.app.cli;

import dev.switchboard.studio.engine.fraud.FraudBenchmark;
import dev.switchboard.studio.engine.predict.PredictionBenchmark;
import dev.switchboard.studio.model.fraud.ModelKind;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code switchboard bench studio}: the studio's README figures; touches no user data. */
@Command(name = "studio", mixinStandardHelpOptions = true,
        description = "Studio figures: indicators over 100,000 bars (simulated), the walk-forward backtest over the "
                + "bundled BTC bars (real), fraud training on 1,000,000 simulated transactions with held-out metrics, "
                + "and live scoring rate and p99 latency.")
final class StudioBenchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--bars", defaultValue = "100000")
    int bars;

    @Option(names = "--transactions", defaultValue = "1000000")
    int transactions;

    @Option(names = "--model", defaultValue = "gbt", description = "rf, gbt or lr")
    String model;

    @Option(names = "--stream-seconds", defaultValue = "10")
    int streamSeconds;

    @Option(names = "--runs", defaultValue = "3")
    int runs;

    @Option(names = "--only", description = "prediction or fraud")
    String only;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (only == null || only.equals("prediction")) {
            out.print(PredictionBenchmark.run(bars, runs));
            out.flush();
        }
        if (only == null || only.equals("fraud")) {
            out.print(FraudBenchmark.run(transactions, ModelKind.ofCode(model), streamSeconds, Math.max(1, runs / 3)));
            out.flush();
        }
        return 0;
    }
}
