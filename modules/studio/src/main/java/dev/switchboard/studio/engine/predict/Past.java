package dev.switchboard.studio.engine.predict;

/**
 * What is known at the close of bar {@code origin}: closes and feature rows up to and including it. Every read past
 * the origin throws, so a forecaster cannot use the future even by mistake.
 */
public final class Past {

    private final double[] close;
    private final long[] times;
    private final FeatureTable features;
    private final int origin;

    Past(double[] close, long[] times, FeatureTable features, int origin) {
        if (origin < 0 || origin >= close.length) {
            throw new IndexOutOfBoundsException("origin " + origin + " of " + close.length);
        }
        this.close = close;
        this.times = times;
        this.features = features;
        this.origin = origin;
    }

    public int origin() {
        return origin;
    }

    double close(int i) {
        return close[check(i)];
    }

    long time(int i) {
        return times[check(i)];
    }

    double[] features(int i) {
        return features.row(check(i));
    }

    double volatility(int i) {
        return features.volatility(check(i));
    }

    String[] featureNames() {
        return features.names();
    }

    int firstUsable() {
        return features.firstUsable();
    }

    private int check(int i) {
        if (i > origin) {
            throw new IllegalStateException("look-ahead: bar " + i + " read at origin " + origin);
        }
        return i;
    }
}
