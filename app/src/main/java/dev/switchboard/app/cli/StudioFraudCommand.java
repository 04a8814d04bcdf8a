package dev.switchboard.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.app.Workstation;
import dev.switchboard.core.error.InputException;
import dev.switchboard.studio.engine.fraud.AlertDesk;
import dev.switchboard.studio.engine.fraud.FraudCsv;
import dev.switchboard.studio.engine.fraud.FraudModels;
import dev.switchboard.studio.engine.fraud.FraudStream;
import dev.switchboard.studio.engine.fraud.FraudTrainer;
import dev.switchboard.studio.engine.fraud.LabelledData;
import dev.switchboard.studio.engine.fraud.NetworkDetector;
import dev.switchboard.studio.engine.fraud.TransactionSimulator;
import dev.switchboard.studio.engine.predict.MarketStore;
import dev.switchboard.studio.model.fraud.Alert;
import dev.switchboard.studio.model.fraud.FraudMetrics;
import dev.switchboard.studio.model.fraud.ModelKind;
import dev.switchboard.studio.model.fraud.ModelProvenance;
import dev.switchboard.studio.model.fraud.TrainingSpec;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code switchboard studio fraud simulate|train|stream}: the fraud desk without a window. */
@Command(name = "fraud", mixinStandardHelpOptions = true,
        description = "Fraud detection: simulate labelled transactions (PaySim-style, with injected fraud), train and "
                + "evaluate a model on a time-ordered split, stream and score live.")
final class StudioFraudCommand {

    @ParentCommand
    StudioCommand studio;

    @Spec
    CommandSpec spec;

    @Command(name = "simulate", description = "Write N simulated transactions to a new CSV file.")
    int simulate(@Option(names = "--transactions", defaultValue = "100000") int transactions,
                 @Option(names = "--seed", defaultValue = "42") long seed,
                 @Option(names = "--out", required = true) Path out) {
        if (transactions < 1 || transactions > FraudCsv.MAX_ROWS) {
            throw InputException.field("--transactions", "must be within 1.." + FraudCsv.MAX_ROWS);
        }
        FraudCsv.writeSimulated(TransactionSimulator.Config.standard(seed), transactions, out);
        spec.commandLine().getOut().printf(Locale.ROOT, "Wrote %,d simulated transactions (seed %d) to %s%n",
                transactions, seed, out);
        return 0;
    }

    @Command(name = "train", description = "Train on FILE (the simulator's CSV, the card-fraud layout Time,V1..V28,"
            + "Amount,Class, or any CSV with --map) and print ROC-AUC, PR-AUC, precision and recall at the threshold "
            + "on the newest 20 %, beside a logistic-regression baseline. The model's record is kept in the store.")
    int train(@Parameters(paramLabel = "FILE") Path file,
              @Option(names = "--model", defaultValue = "gbt", description = "rf, gbt or lr") String model,
              @Option(names = "--map", split = ",", description = "Generic CSV columns: time=COL,label=COL"
                      + "[,features=A;B;C]") Map<String, String> mapping,
              @Option(names = "--precision", defaultValue = "0.9", description = "Threshold: the lowest with at least "
                      + "this precision on the calibration slice.") double precision,
              @Option(names = "--alerts-per-1000", defaultValue = "0", description = "Threshold by alert budget "
                      + "instead.") double budget,
              @Option(names = "--json") boolean json) throws Exception {
        if (!Files.isRegularFile(file)) {
            throw InputException.field("FILE", file + " is not a file");
        }
        ModelKind kind;
        try {
            kind = ModelKind.ofCode(model);
        } catch (IllegalArgumentException e) {
            throw InputException.field("--model", e.getMessage());
        }
        if (!(precision > 0 && precision <= 1) || budget < 0) {
            throw InputException.field("--precision/--alerts-per-1000", "precision within 0..1, budget not negative");
        }
        Map<String, String> map = mapping == null ? Map.of() : mapping;
        LabelledData data = FraudCsv.read(file, map);
        TrainingSpec trainingSpec = TrainingSpec.file(file.toAbsolutePath().toString(), MarketStore.sha256Of(file),
                FraudCsv.layout(file), map, kind).withThreshold(precision, budget);
        FraudTrainer.Result result;
        try (Workstation ws = studio.openWorkstation()) {
            try {
                result = new FraudModels(ws.database(), ws.wallClock()).train(data, trainingSpec);
            } catch (IllegalArgumentException e) {
                throw InputException.field("FILE", e.getMessage());
            }
        }
        print(result.provenance(), data, json);
        return 0;
    }

    @Command(name = "stream", description = "Train on simulated data, then stream simulated transactions (and "
            + "connection logs) through the model for S seconds and print the rate, latency and alerts.")
    int stream(@Option(names = "--seconds", defaultValue = "10") int seconds,
               @Option(names = "--rate", defaultValue = "0", description = "Transactions per second (0: as fast as "
                       + "possible).") double rate,
               @Option(names = "--train", defaultValue = "200000", description = "Simulated transactions to train on.")
               int train,
               @Option(names = "--model", defaultValue = "gbt") String model,
               @Option(names = "--seed", defaultValue = "42") long seed) {
        if (seconds < 1 || train < 10_000) {
            throw InputException.field("--seconds/--train", "at least 1 second and 10000 training transactions");
        }
        PrintWriter out = spec.commandLine().getOut();
        TrainingSpec trainingSpec = TrainingSpec.simulated(seed, train, ModelKind.ofCode(model));
        FraudTrainer.Result result = new FraudModels(null, java.time.Clock.systemUTC()).train(trainingSpec);
        out.printf(Locale.ROOT, "Trained %s on %,d simulated transactions in %.1f s (threshold %.3f)%n", model, train,
                result.provenance().trainingSeconds(), result.model().threshold());
        try (Workstation ws = studio.openWorkstation()) {
            AlertDesk desk = new AlertDesk(null, ws.bus(), ws.wallClock());
            NetworkDetector network = NetworkDetector.train(seed, 400, 40_000);
            FraudStream stream = new FraudStream(result.model(), network, desk,
                    new FraudStream.Settings(seed + 1, rate, rate > 0 ? 16 : 256, 1));
            FraudStream.Stats s = stream.runFor(Duration.ofSeconds(seconds));
            out.printf(Locale.ROOT, "%,d transactions and %,d connection windows in %.1f s: %,.0f transactions/s, "
                    + "latency p50 %.1f µs, p99 %.1f µs, max %.1f µs%n", s.transactions(), s.windows(), s.seconds(),
                    s.perSecond(), s.p50Micros(), s.p99Micros(), s.maxMicros());
            out.printf(Locale.ROOT, "%d alerts; of the transaction alerts %.1f %% were fraud, %.1f %% of the fraud "
                    + "raised one (simulated data)%n", s.alerts(), s.precision() * 100, s.recall() * 100);
            int shown = 0;
            for (Alert a : desk.open()) {
                if (shown++ == 10) {
                    break;
                }
                out.printf(Locale.ROOT, "  %-7s %-11s %.3f  %s  (simulator: %s)%n",
                        a.kind().name().toLowerCase(Locale.ROOT), a.who(), a.score(), a.what(), a.truth());
            }
        }
        return 0;
    }

    private void print(ModelProvenance p, LabelledData data, boolean json) throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            ObjectMapper mapper = new ObjectMapper();
            ObjectNode root = mapper.createObjectNode();
            root.put("data", data.source()).put("rows", data.rows()).put("fraudRows", data.positives())
                    .put("trainingSeconds", p.trainingSeconds()).put("library", p.library());
            root.set("model", mapper.valueToTree(metrics(p.metrics())));
            root.set("baseline", mapper.valueToTree(metrics(p.baseline())));
            root.set("importance", mapper.valueToTree(p.importance()));
            root.set("spec", mapper.valueToTree(p.spec()));
            out.println(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(root));
            return;
        }
        out.printf(Locale.ROOT, "%s: %,d rows, %,d fraud. %s, trained in %.1f s.%n", data.source(), data.rows(),
                data.positives(), p.library(), p.trainingSeconds());
        out.println("Held out: the newest 20 % of rows, never used to train, calibrate or choose the threshold.");
        for (FraudMetrics m : new FraudMetrics[] {p.metrics(), p.baseline()}) {
            out.printf(Locale.ROOT, "  %-3s ROC-AUC %.4f  PR-AUC %.4f  threshold %.3f  precision %.3f  recall %.3f  "
                    + "alerts per 1000: %.2f%n", m.model(), m.rocAuc(), m.prAuc(), m.threshold(), m.precision(),
                    m.recall(), m.alertsPerThousand());
            if (!m.recallByPattern().isEmpty()) {
                out.println("      recall by pattern: " + m.recallByPattern());
            }
        }
        out.println("Most important features: " + p.importance().stream().limit(6)
                .map(w -> String.format(Locale.ROOT, "%s (%.3g)", w.feature(), w.importance())).toList());
    }

    private static Map<String, Object> metrics(FraudMetrics m) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("model", m.model());
        out.put("rows", m.rows());
        out.put("positives", m.positives());
        out.put("rocAuc", m.rocAuc());
        out.put("prAuc", m.prAuc());
        out.put("threshold", m.threshold());
        out.put("precision", m.precision());
        out.put("recall", m.recall());
        out.put("alertsPerThousand", m.alertsPerThousand());
        out.put("recallByPattern", m.recallByPattern());
        return out;
    }
}
