package dev.switchboard.studio.model.fraud;

import java.util.Map;
import java.util.Objects;

/**
 * Everything that decides a trained fraud model, so it can be rebuilt exactly: the data (the simulator's settings,
 * or a file with its SHA-256 and column mapping), the model and its parameters, the seed, the time split, the
 * class-imbalance handling and the threshold policy.
 *
 * @param dataKind             {@code simulator} or {@code file}
 * @param simulatorSeed        the simulator's seed (simulator data)
 * @param transactions         how many simulated transactions
 * @param file                 the imported file's path (file data)
 * @param fileSha256           its SHA-256, checked before a rebuild
 * @param layout               {@code simulator-csv}, {@code card-fraud} or {@code generic}
 * @param mapping              the generic layout's columns: {@code time}, {@code label}, {@code features}
 * @param negativesPerPositive legitimate rows kept per fraud row in training (balanced sampling)
 * @param trainShare           the oldest share of rows that trains
 * @param calibrationShare     the next share: calibrates probabilities and picks the threshold; the rest is the
 *                             held-out test slice
 * @param targetPrecision      the threshold is the lowest with at least this precision on the calibration slice,
 *                             when {@code alertsPerThousand} is 0
 * @param alertsPerThousand    an alert budget instead: the threshold lets this many alerts per 1,000 through
 */
public record TrainingSpec(String dataKind, long simulatorSeed, int transactions, int accounts, int merchants,
                           int assets, double transactionsPerSecond, double episodeRate, String file,
                           String fileSha256, String layout, Map<String, String> mapping, ModelKind model, long seed,
                           int trees, int maxDepth, int negativesPerPositive, double trainShare,
                           double calibrationShare, double targetPrecision, double alertsPerThousand) {

    public TrainingSpec {
        Objects.requireNonNull(dataKind, "dataKind");
        Objects.requireNonNull(model, "model");
        mapping = mapping == null ? Map.of() : Map.copyOf(mapping);
        if (trainShare <= 0 || calibrationShare <= 0 || trainShare + calibrationShare >= 1) {
            throw new IllegalArgumentException("train and calibration shares must leave a test slice");
        }
    }

    /**
     * Simulated data with the standard world, 60/20/20 split, 10 legitimate rows per fraud, precision 0.9; 100
     * boosted trees of depth 6 (or 60 forest trees of depth 14).
     */
    public static TrainingSpec simulated(long simulatorSeed, int transactions, ModelKind model) {
        return new TrainingSpec("simulator", simulatorSeed, transactions, 20_000, 2_000, 20, 20, 0.001, null, null,
                null, Map.of(), model, 42, model == ModelKind.GRADIENT_BOOSTED_TREES ? 100 : 60,
                model == ModelKind.GRADIENT_BOOSTED_TREES ? 6 : 14, 10, 0.6, 0.2, 0.9, 0);
    }

    /** An imported file with the same defaults. */
    public static TrainingSpec file(String file, String sha256, String layout, Map<String, String> mapping,
                                    ModelKind model) {
        TrainingSpec s = simulated(0, 0, model);
        return new TrainingSpec("file", 0, 0, 0, 0, 0, 0, 0, file, sha256, layout, mapping, model, s.seed(),
                s.trees(), s.maxDepth(), s.negativesPerPositive(), s.trainShare(), s.calibrationShare(),
                s.targetPrecision(), s.alertsPerThousand());
    }

    public TrainingSpec withModel(ModelKind kind) {
        TrainingSpec d = simulated(0, 0, kind);
        return new TrainingSpec(dataKind, simulatorSeed, transactions, accounts, merchants, assets,
                transactionsPerSecond, episodeRate, file, fileSha256, layout, mapping, kind, seed, d.trees(),
                d.maxDepth(), negativesPerPositive, trainShare, calibrationShare, targetPrecision, alertsPerThousand);
    }

    public TrainingSpec withThreshold(double precision, double perThousand) {
        return new TrainingSpec(dataKind, simulatorSeed, transactions, accounts, merchants, assets,
                transactionsPerSecond, episodeRate, file, fileSha256, layout, mapping, model, seed, trees, maxDepth,
                negativesPerPositive, trainShare, calibrationShare, precision, perThousand);
    }
}
