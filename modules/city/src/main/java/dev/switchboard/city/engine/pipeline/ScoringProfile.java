package dev.switchboard.city.engine.pipeline;

import dev.switchboard.city.model.EventType;
import java.util.Arrays;

/**
 * How much each event type matters: a base importance and a multiplier per type (defaults from
 * {@link EventType}: Violence F50 0.95 × 1.0, Weapon F51 1.0 × 1.2, Earthquake F70 1.0 × 1.5, Fire F61
 * 0.90 × 1.1, Traffic accident F26 0.75 × 0.9), and how long an event stays fresh. Immutable.
 *
 * <p>The product importance × weight is deliberately not clamped, so that a weight above 1 still lifts a
 * type; the composite score is clamped to 0..1 instead.
 */
public final class ScoringProfile {

    /** Weights of the composite: 0.4·importance + 0.3·risk + 0.2·confidence + 0.1·freshness. */
    public static final double IMPORTANCE_WEIGHT = 0.4;
    public static final double RISK_WEIGHT = 0.3;
    public static final double CONFIDENCE_WEIGHT = 0.2;
    public static final double FRESHNESS_WEIGHT = 0.1;
    /** Default age at which freshness reaches 0. */
    public static final long DEFAULT_FRESHNESS_HORIZON_MILLIS = 10_000;

    private static final EventType[] TYPES = EventType.values();

    private final double[] importance;
    private final double[] weight;
    private final long freshnessHorizonMillis;

    private ScoringProfile(double[] importance, double[] weight, long freshnessHorizonMillis) {
        this.importance = importance;
        this.weight = weight;
        this.freshnessHorizonMillis = freshnessHorizonMillis;
    }

    /** The design's table, as carried by {@link EventType}. */
    public static ScoringProfile defaults() {
        double[] importance = new double[TYPES.length];
        double[] weight = new double[TYPES.length];
        for (EventType t : TYPES) {
            importance[t.ordinal()] = t.importance();
            weight[t.ordinal()] = t.weight();
        }
        return new ScoringProfile(importance, weight, DEFAULT_FRESHNESS_HORIZON_MILLIS);
    }

    /** A copy with another importance (0..1) and weight (0..10) for one type. */
    public ScoringProfile with(EventType type, double typeImportance, double typeWeight) {
        if (!(typeImportance >= 0 && typeImportance <= 1)) {
            throw new IllegalArgumentException("importance must be within 0..1, was " + typeImportance);
        }
        if (!(typeWeight >= 0 && typeWeight <= 10)) {
            throw new IllegalArgumentException("weight must be within 0..10, was " + typeWeight);
        }
        double[] i = importance.clone();
        double[] w = weight.clone();
        i[type.ordinal()] = typeImportance;
        w[type.ordinal()] = typeWeight;
        return new ScoringProfile(i, w, freshnessHorizonMillis);
    }

    /** A copy in which an event loses all freshness at this age. */
    public ScoringProfile withFreshnessHorizon(long millis) {
        if (millis <= 0) {
            throw new IllegalArgumentException("freshness horizon must be positive, was " + millis);
        }
        return new ScoringProfile(importance, weight, millis);
    }

    public double baseImportance(EventType type) {
        return importance[type.ordinal()];
    }

    public double weight(EventType type) {
        return weight[type.ordinal()];
    }

    /** Importance × weight, the importance term of the composite (not clamped). */
    public double importance(EventType type) {
        return importance[type.ordinal()] * weight[type.ordinal()];
    }

    public long freshnessHorizonMillis() {
        return freshnessHorizonMillis;
    }

    /** Freshness 1 at age 0 falling linearly to 0 at the horizon; future timestamps count as age 0. */
    public double freshness(long ageMillis) {
        return Math.max(0, Math.min(1, 1 - (double) ageMillis / freshnessHorizonMillis));
    }

    /** The composite before context, clamped to 0..1. */
    public double composite(EventType type, double risk, double confidence, long ageMillis) {
        double s = IMPORTANCE_WEIGHT * importance(type) + RISK_WEIGHT * risk + CONFIDENCE_WEIGHT * confidence
                + FRESHNESS_WEIGHT * freshness(ageMillis);
        return Math.max(0, Math.min(1, s));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ScoringProfile p && Arrays.equals(importance, p.importance)
                && Arrays.equals(weight, p.weight) && freshnessHorizonMillis == p.freshnessHorizonMillis;
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(importance) + Arrays.hashCode(weight) + Long.hashCode(freshnessHorizonMillis);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("ScoringProfile[");
        for (EventType t : TYPES) {
            sb.append(t).append('=').append(importance[t.ordinal()]).append('x').append(weight[t.ordinal()])
                    .append(", ");
        }
        return sb.append("freshness=").append(freshnessHorizonMillis).append("ms]").toString();
    }
}
