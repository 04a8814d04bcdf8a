package dev.switchboard.studio.engine.predict;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Objects;
import org.tribuo.Example;
import org.tribuo.MutableDataset;
import org.tribuo.Model;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;
import org.tribuo.regression.xgboost.XGBoostRegressionTrainer;

/**
 * Gradient-boosted regression trees (XGBoost through Tribuo) on the indicator and return features. Small and
 * strongly regularised on purpose: a few hundred noisy returns per retrain do not support more.
 */
public final class BoostedReturnModel implements ReturnModel {

    private final String name;
    private final boolean sentiment;
    private final int trees;
    private final int depth;

    /** The model the CLI and the window call {@code gbm}: 60 trees of depth 3. */
    public static BoostedReturnModel standard(boolean withSentiment) {
        return new BoostedReturnModel(withSentiment ? "gbm+sentiment" : "gbm", withSentiment, 60, 3);
    }

    public BoostedReturnModel(String name, boolean sentiment, int trees, int depth) {
        this.name = Objects.requireNonNull(name, "name");
        this.sentiment = sentiment;
        this.trees = trees;
        this.depth = depth;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean usesSentiment() {
        return sentiment;
    }

    @Override
    public Predictor train(double[][] x, double[] y, String[] names, long seed) {
        RegressionFactory factory = new RegressionFactory();
        MutableDataset<Regressor> data = new MutableDataset<>(
                new SimpleDataSourceProvenance("walk-forward window", OffsetDateTime.parse("2000-01-01T00:00Z"),
                        factory), factory);
        for (int i = 0; i < x.length; i++) {
            data.add(new ArrayExample<>(new Regressor("return", y[i]), names, x[i]));
        }
        // eta 0.05, gamma 0, depth, min child weight 5, subsample 0.8, feature subsample 0.8, L2 1, L1 0, 1 thread.
        XGBoostRegressionTrainer trainer = new XGBoostRegressionTrainer(
                XGBoostRegressionTrainer.RegressionType.LINEAR, trees, 0.05, 0, depth, 5, 0.8, 0.8, 1, 0, 1, true,
                seed);
        Model<Regressor> model = trainer.train(data);
        String[] ownNames = names.clone();
        return row -> {
            Example<Regressor> example = new ArrayExample<>(RegressionFactory.UNKNOWN_REGRESSOR, ownNames,
                    Arrays.copyOf(row, row.length));
            return model.predict(example).getOutput().getValues()[0];
        };
    }
}
