package dev.switchboard.studio.engine.fraud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.core.event.EventBus;
import dev.switchboard.core.incident.IncidentCreated;
import dev.switchboard.core.incident.ResponderType;
import dev.switchboard.store.DataDir;
import dev.switchboard.store.Database;
import dev.switchboard.studio.TestDatabases;
import dev.switchboard.studio.engine.csv.CsvProblem;
import dev.switchboard.studio.model.fraud.Alert;
import dev.switchboard.studio.model.fraud.AlertDecision;
import dev.switchboard.studio.model.fraud.AlertKind;
import dev.switchboard.studio.model.fraud.ModelKind;
import dev.switchboard.studio.model.fraud.Reason;
import dev.switchboard.studio.model.fraud.Transaction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FraudStreamTest {

    @TempDir
    Path temp;

    @Test
    void escalatingAnAlertOpensAnIncidentOnTheBusAndEveryDecisionIsStored() {
        try (Database db = TestDatabases.open(DataDir.of(temp.resolve("data")).ensureCreated());
             EventBus bus = new EventBus()) {
            List<IncidentCreated> incidents = new ArrayList<>();
            bus.subscribe(IncidentCreated.class, incidents::add);
            AlertDesk desk = new AlertDesk(db, bus, Clock.systemUTC());
            desk.raise(new Alert("T1", AlertKind.TRANSACTION, 1000, "C000001", "Transfer of 9,000.00 to C000002",
                    0.97, List.of(new Reason("new_device", 1, 0, 0.4)), "ACCOUNT_TAKEOVER", null));
            desk.raise(new Alert("T2", AlertKind.TRANSACTION, 2000, "C000003", "Payment of 1.00", 0.6, List.of(),
                    "NONE", null));
            assertThat(desk.open()).extracting(Alert::id).containsExactly("T2", "T1");

            desk.decide("T2", AlertDecision.DISMISS, "instructor");
            assertThat(incidents).isEmpty();
            Alert escalated = desk.decide("T1", AlertDecision.ESCALATE, "instructor");
            assertThat(escalated.decision()).isEqualTo(AlertDecision.ESCALATE);
            assertThat(desk.open()).isEmpty();
            assertThat(incidents).singleElement().satisfies(i -> {
                assertThat(i.reference()).isEqualTo("FRAUD-T1");
                assertThat(i.natureCode()).isEqualTo("POL-FRAUD");
                assertThat(i.nature()).contains("C000001").contains("Transfer of 9,000.00");
                assertThat(i.units()).containsExactly(ResponderType.POLICE);
            });
            assertThat(desk.decisions(10)).extracting(d -> d[0] + " " + d[1] + " " + d[2] + " " + d[3])
                    .containsExactly("T1 escalate instructor ACCOUNT_TAKEOVER", "T2 dismiss instructor NONE");
            assertThatThrownBy(() -> desk.decide("T1", AlertDecision.ACCEPT, "x"))
                    .hasMessageContaining("no open alert");
        }
    }

    @Test
    void theStreamScoresRaisesAlertsAndCountsLatency() {
        FraudTrainer.Result r = new FraudModels(null, Clock.systemUTC()).train(
                FraudTrainerTest.small(ModelKind.GRADIENT_BOOSTED_TREES, 20, 3));
        AlertDesk desk = new AlertDesk(null, new EventBus(), Clock.systemUTC());
        NetworkDetector network = NetworkDetector.train(5, 100, 5000);
        FraudStream stream = new FraudStream(r.model(), network, desk, new FraudStream.Settings(9, 0, 64, 2));
        FraudStream.Stats stats = stream.runFor(java.time.Duration.ofMillis(800));
        assertThat(stats.transactions()).isGreaterThan(0);
        assertThat(stats.windows()).isEqualTo(stats.transactions() / 64 * 2);
        assertThat(stats.p99Micros()).isGreaterThanOrEqualTo(stats.p50Micros()).isPositive();
        assertThat(desk.open().size() + desk.dropped()).isEqualTo(stats.alerts());
    }

    @Test
    void featuresOfATransactionDoNotDependOnLaterOnes() {
        TransactionSimulator.Config config = new TransactionSimulator.Config(4, 500, 50, 5, 20, 0.01);
        TransactionSimulator sim = new TransactionSimulator(config);
        List<Transaction> txs = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            txs.add(sim.next());
        }
        FeatureExtractor a = new FeatureExtractor();
        List<double[]> first = new ArrayList<>();
        for (Transaction t : txs) {
            first.add(a.next(t));
        }
        FeatureExtractor b = new FeatureExtractor();
        for (int i = 0; i < 2000; i++) {
            assertThat(b.next(txs.get(i))).containsExactly(first.get(i));
        }
    }

    @Test
    void theIsolationForestScoresOutliersHigh() {
        SplittableRandom random = new SplittableRandom(1);
        double[][] rows = new double[2000][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = new double[] {random.nextGaussian(), random.nextGaussian(), random.nextGaussian()};
        }
        IsolationForest forest = IsolationForest.train(rows, 100, 256, 7);
        assertThat(forest.score(new double[] {0, 0, 0})).isLessThan(0.5);
        assertThat(forest.score(new double[] {6, -6, 6})).isGreaterThan(0.7);
        assertThat(IsolationForest.train(rows, 100, 256, 7).score(rows[3])).isEqualTo(forest.score(rows[3]));
    }

    @Test
    void theNetworkDetectorCatchesInjectedAttacks() {
        NetworkDetector detector = NetworkDetector.train(3, 200, 20_000);
        ConnectionSimulator held = new ConnectionSimulator(99, 200, 0.01);
        int attacks = 0;
        int caught = 0;
        int alerts = 0;
        for (int i = 0; i < 20_000; i++) {
            var w = held.next();
            boolean alert = detector.score(w) >= detector.threshold();
            alerts += alert ? 1 : 0;
            if (NetworkDetector.isAttack(w)) {
                attacks++;
                caught += alert ? 1 : 0;
            }
        }
        assertThat(attacks).isGreaterThan(100);
        assertThat((double) caught / attacks).isGreaterThan(0.8);
        assertThat((double) caught / alerts).isGreaterThan(0.5);
    }

    @Test
    void theSimulatorCsvReadsBackAsTheSameData() {
        TransactionSimulator.Config config = new TransactionSimulator.Config(8, 500, 50, 5, 20, 0.01);
        Path file = temp.resolve("tx.csv");
        FraudCsv.writeSimulated(config, 2000, file);
        assertThat(FraudCsv.layout(file)).isEqualTo("simulator-csv");
        LabelledData read = FraudCsv.read(file, Map.of());
        LabelledData direct = SimulatedData.generate(config, 2000);
        assertThat(read.x()).containsExactly(direct.x());
        assertThat(read.fraud()).containsExactly(direct.fraud());
        assertThatThrownBy(() -> FraudCsv.writeSimulated(config, 10, file)).isInstanceOf(CsvProblem.class)
                .hasMessageContaining("already exists");
    }

    @Test
    void brokenLabelledFilesAreRefusedWithTheirLineAndColumn() throws Exception {
        Path card = temp.resolve("card.csv");
        Files.writeString(card, "Time,V1,V2,Amount,Class\n0,1.0,2.0,10,0\n5,0.5,abc,3,1\n");
        assertThat(FraudCsv.layout(card)).isEqualTo("card-fraud");
        assertThatThrownBy(() -> FraudCsv.read(card, Map.of())).isInstanceOf(CsvProblem.class)
                .hasMessage(card + ":3: V2: 'abc' is not a number");
        Path unsorted = temp.resolve("unsorted.csv");
        Files.writeString(unsorted, "ts,f1,fraud\n10,1,0\n5,2,1\n");
        assertThatThrownBy(() -> FraudCsv.read(unsorted, Map.of())).hasMessageContaining("--map time=");
        assertThatThrownBy(() -> FraudCsv.read(unsorted, Map.of("time", "ts", "label", "fraud")))
                .hasMessage(unsorted + ":3: ts: is earlier than the line before: rows must be in time order");
        Path generic = temp.resolve("generic.csv");
        Files.writeString(generic, "ts,f1,f2,fraud\n1,1,0,0\n2,2,1,yes\n3,3,1,maybe\n");
        assertThatThrownBy(() -> FraudCsv.read(generic, Map.of("time", "ts", "label", "fraud")))
                .hasMessage(generic + ":4: fraud: 'maybe' is not a label (0 or 1)");
    }
}
