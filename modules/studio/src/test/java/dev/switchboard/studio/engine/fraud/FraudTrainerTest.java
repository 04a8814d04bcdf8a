package dev.switchboard.studio.engine.fraud;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.studio.model.fraud.ModelKind;
import dev.switchboard.studio.model.fraud.ModelProvenance;
import dev.switchboard.studio.model.fraud.TrainingSpec;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Trains on small simulated data (the million-transaction figures come from {@code bench studio}). */
class FraudTrainerTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
    private static TrainingSpec spec;
    private static FraudTrainer.Result gbt;

    /** A small world and small models so the suite stays quick. */
    static TrainingSpec small(ModelKind kind, int trees, int depth) {
        TrainingSpec d = TrainingSpec.simulated(11, 30_000, kind);
        return new TrainingSpec(d.dataKind(), d.simulatorSeed(), d.transactions(), 3000, 300, 10, 20, 0.004, null,
                null, null, null, kind, 42, trees, depth, 20, 0.6, 0.2, 0.9, 0);
    }

    @BeforeAll
    static void train() {
        spec = small(ModelKind.GRADIENT_BOOSTED_TREES, 40, 4);
        gbt = new FraudModels(null, CLOCK).train(spec);
    }

    @Test
    void theTreesFindTheInjectedFraudAndBeatTheBaseline() {
        ModelProvenance p = gbt.provenance();
        assertThat(p.metrics().positives()).isGreaterThan(20);
        assertThat(p.metrics().rocAuc()).isGreaterThan(0.95);
        double fraudRate = (double) p.metrics().positives() / p.metrics().rows();
        assertThat(p.metrics().prAuc()).isGreaterThan(10 * fraudRate);
        assertThat(p.metrics().prAuc()).isGreaterThan(p.baseline().prAuc());
        assertThat(p.baseline().model()).isEqualTo("lr");
        assertThat(p.importance()).isNotEmpty();
        assertThat(p.tribuoProvenance()).contains("XGBoostClassificationTrainer");
    }

    @Test
    void aRecordRebuildsTheSameModel() {
        String json = FraudModels.toJson(gbt.provenance());
        ModelProvenance record = FraudModels.fromJson(json);
        assertThat(record.spec()).isEqualTo(spec);
        FraudTrainer.Result again = new FraudModels(null, CLOCK).rebuild(record);
        assertThat(again.provenance().scoresSha256()).isEqualTo(gbt.provenance().scoresSha256());
        LabelledData data = FraudModels.data(spec);
        assertThat(again.model().probabilities(data.x(), 0, 500)).containsExactly(
                gbt.model().probabilities(data.x(), 0, 500));
        assertThat(again.provenance().metrics()).isEqualTo(gbt.provenance().metrics());
    }

    @Test
    void theCompiledTreesScoreAsXGBoostDoes() {
        LabelledData data = FraudModels.data(spec);
        FraudModel model = gbt.model();
        assertThat(model.compiled()).isTrue();
        double[] compiled = model.probabilities(data.x(), 1000, 2000);
        double[] nativeScores = model.nativeScores(data.x(), 1000, 2000);
        for (int i = 0; i < compiled.length; i++) {
            assertThat(compiled[i]).isCloseTo(model.calibrate(nativeScores[i]),
                    org.assertj.core.data.Offset.offset(1e-5));
            assertThat(model.probability(data.row(1000 + i))).isCloseTo(compiled[i],
                    org.assertj.core.data.Offset.offset(1e-9));
        }
    }

    @Test
    void aRandomForestTrainsAndRebuildsToo() {
        TrainingSpec d = small(ModelKind.RANDOM_FOREST, 6, 6);
        TrainingSpec rf = new TrainingSpec(d.dataKind(), d.simulatorSeed(), 12_000, d.accounts(), d.merchants(),
                d.assets(), d.transactionsPerSecond(), 0.008, null, null, null, null, d.model(), d.seed(), d.trees(),
                d.maxDepth(), 5, d.trainShare(), d.calibrationShare(), d.targetPrecision(), 0);
        FraudTrainer.Result first = new FraudModels(null, CLOCK).train(rf);
        assertThat(first.provenance().metrics().rocAuc()).isGreaterThan(0.9);
        FraudTrainer.Result again = new FraudModels(null, CLOCK).rebuild(first.provenance());
        assertThat(again.provenance().scoresSha256()).isEqualTo(first.provenance().scoresSha256());
    }

    @Test
    void alertsExplainThemselves() {
        LabelledData data = FraudModels.data(spec);
        for (int i = data.rows() - 1; i > 0; i--) {
            if (data.fraud()[i] && gbt.model().probability(data.row(i)) >= gbt.model().threshold()) {
                assertThat(gbt.model().reasons(data.row(i), 3)).isNotEmpty().allSatisfy(r -> {
                    assertThat(r.scoreDrop()).isPositive();
                    assertThat(FeatureExtractor.NAMES).contains(r.feature());
                });
                return;
            }
        }
        throw new AssertionError("no fraud above the threshold in the data");
    }

    @Test
    void plattScalingMatchesTheFrequencies() {
        // Scores whose true fraud rate is sigmoid(2z - 1): Platt must find about a = 2, b = -1.
        java.util.SplittableRandom random = new java.util.SplittableRandom(3);
        int n = 20_000;
        double[] z = new double[n];
        boolean[] y = new boolean[n];
        for (int i = 0; i < n; i++) {
            z[i] = random.nextGaussian() * 2;
            y[i] = random.nextDouble() < FraudModel.sigmoid(2 * z[i] - 1);
        }
        double[] ab = FraudTrainer.platt(z, y);
        assertThat(ab[0]).isCloseTo(2, org.assertj.core.data.Offset.offset(0.15));
        assertThat(ab[1]).isCloseTo(-1, org.assertj.core.data.Offset.offset(0.15));
    }

    @Test
    void theThresholdReachesTheAskedPrecision() {
        double[] p = {0.9, 0.8, 0.7, 0.6, 0.5, 0.4};
        boolean[] y = {true, true, false, true, false, false};
        // Precision at 0.8 is 1.0; at 0.6 it is 0.75; asking 0.75 gives the lower threshold with more recall.
        assertThat(FraudTrainer.precisionThreshold(p, y, 0.75)).isEqualTo(0.6);
        assertThat(FraudTrainer.precisionThreshold(p, y, 0.95)).isEqualTo(0.8);
        assertThat(FraudTrainer.budgetThreshold(p, 500)).isEqualTo(0.7);
    }
}
