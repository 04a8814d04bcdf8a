package dev.switchboard.studio.engine.fraud;

import dev.switchboard.core.event.EventBus;
import dev.switchboard.studio.engine.predict.PredictionBenchmark;
import dev.switchboard.studio.model.fraud.FraudMetrics;
import dev.switchboard.studio.model.fraud.ModelKind;
import dev.switchboard.studio.model.fraud.TrainingSpec;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;

/**
 * The fraud figures of the README, all on simulated data (no labelled fraud data is reachable offline): simulating
 * and training on a million transactions, the metrics on the held-out newest fifth, and the live stream's rate and
 * latency at full speed.
 */
public final class FraudBenchmark {

    private FraudBenchmark() {
    }

    public static String run(int transactions, ModelKind kind, int streamSeconds, int runs) {
        StringBuilder out = new StringBuilder();
        TrainingSpec spec = TrainingSpec.simulated(42, transactions, kind);
        double[] simulate = new double[runs];
        double[] train = new double[runs];
        FraudTrainer.Result result = null;
        for (int r = 0; r < runs; r++) {
            long t0 = System.nanoTime();
            LabelledData data = FraudModels.data(spec);
            long t1 = System.nanoTime();
            result = new FraudTrainer(Clock.systemUTC()).train(data, spec);
            long t2 = System.nanoTime();
            simulate[r] = (t1 - t0) / 1e9;
            train[r] = (t2 - t1) / 1e9;
            out.append(String.format(Locale.ROOT, "run %d phases (s): %s%n", r + 1, result.phaseSeconds()));
        }
        out.append(String.format(Locale.ROOT, "simulate + features, %,d simulated transactions: %s s%n", transactions,
                PredictionBenchmark.minMedMax(simulate)));
        out.append(String.format(Locale.ROOT, "train %s (with calibration, threshold, held-out evaluation and the "
                + "logistic baseline): %s s%n", kind.code(), PredictionBenchmark.minMedMax(train)));
        out.append(describe(result.provenance().metrics())).append(describe(result.provenance().baseline()));
        AlertDesk desk = new AlertDesk(null, new EventBus(), Clock.systemUTC());
        NetworkDetector network = NetworkDetector.train(42, 400, 40_000);
        FraudStream stream = new FraudStream(result.model(), network, desk, new FraudStream.Settings(7, 0, 256, 0));
        stream.runFor(Duration.ofSeconds(Math.max(1, streamSeconds / 5)));
        FraudStream measured = new FraudStream(result.model(), network, desk, new FraudStream.Settings(8, 0, 256, 0));
        FraudStream.Stats s = measured.runFor(Duration.ofSeconds(streamSeconds));
        out.append(String.format(Locale.ROOT, "live scoring (simulate, features, %s score, alerts with reasons;"
                + " batches of 256, one thread): %,.0f transactions/s over %.1f s; latency p50 %.1f µs,"
                + " p99 %.1f µs, max %.1f µs;"
                + " %d alerts, precision %.3f, recall %.3f%n", kind.code(), s.perSecond(), s.seconds(), s.p50Micros(),
                s.p99Micros(), s.maxMicros(), s.alerts(), s.precision(), s.recall()));
        out.append(PredictionBenchmark.loadAverage());
        return out.toString();
    }

    static String describe(FraudMetrics m) {
        return String.format(Locale.ROOT, "  held-out newest 20 %% (%,d rows, %d fraud) %-3s ROC-AUC %.4f"
                + "  PR-AUC %.4f  "
                + "threshold %.3f  precision %.3f  recall %.3f  alerts/1000 %.2f  recall by pattern %s%n", m.rows(),
                m.positives(), m.model(), m.rocAuc(), m.prAuc(), m.threshold(), m.precision(), m.recall(),
                m.alertsPerThousand(), m.recallByPattern());
    }
}
