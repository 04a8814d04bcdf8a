package dev.switchboard.city.engine.pipeline;

import dev.switchboard.city.model.EventType;
import java.util.Objects;

/**
 * Stage 2: scores records. The composite is
 * {@code clamp(0.4·importance + 0.3·risk + 0.2·confidence + 0.1·freshness)} with importance = type
 * importance × weight from the {@link ScoringProfile}; the context then makes it
 * {@code clamp(composite × district × hour-of-day + incident boost)}. Everything per type and per
 * district is resolved once per tick by {@link #prepare}, so scoring one record is a handful of float
 * operations on primitive arrays. Not thread-safe.
 */
public final class SemanticScorer {

    private static final EventType[] TYPES = EventType.values();

    private final ScoringProfile profile;
    private final Districts districts;
    /** 0.4 × importance × weight, per type. */
    private final float[] importanceTerm = new float[TYPES.length];
    /** Time-of-day multiplier per type for the prepared tick. */
    private final float[] typeMultiplier = new float[TYPES.length];
    /** Per district, plus one neutral slot at the end for records without a district. */
    private final float[] districtMultiplier;
    private final float[] districtBoost;
    private final boolean[] skipped = new boolean[TYPES.length];
    private final float invHorizon;
    private int hour;
    private ScoringContext context = ScoringContext.neutral();

    public SemanticScorer(ScoringProfile profile, Districts districts) {
        this.profile = Objects.requireNonNull(profile, "profile");
        this.districts = Objects.requireNonNull(districts, "districts");
        for (EventType t : TYPES) {
            importanceTerm[t.ordinal()] = (float) (ScoringProfile.IMPORTANCE_WEIGHT * profile.importance(t));
        }
        districtMultiplier = new float[districts.count() + 1];
        districtBoost = new float[districts.count() + 1];
        invHorizon = 1f / profile.freshnessHorizonMillis();
        prepare(ScoringContext.neutral(), 0);
    }

    /** Resolves the context for a tick at {@code simTimeMillis}. */
    public void prepare(ScoringContext ctx, long simTimeMillis) {
        context = Objects.requireNonNull(ctx, "ctx");
        hour = ctx.hourAt(simTimeMillis);
        for (EventType t : TYPES) {
            typeMultiplier[t.ordinal()] = (float) ctx.timeOfDay().multiplier(t.stream(), hour);
        }
        int n = districts.count();
        for (int d = 0; d <= n; d++) {
            districtMultiplier[d] = 1f;
            districtBoost[d] = 0f;
        }
        ctx.districtMultipliers().forEach((id, m) -> {
            int d = districts.indexOf(id);
            if (d >= 0) {
                districtMultiplier[d] = m.floatValue();
            }
        });
        for (String id : ctx.activeIncidentWards()) {
            int d = districts.indexOf(id);
            if (d >= 0) {
                districtBoost[d] = (float) ctx.incidentBoost();
            }
        }
    }

    /**
     * Scores the records {@code indices[0..n)} of {@code batch} as of {@code nowMillis} into
     * {@code scores[0..n)}. The records must have passed the filter (valid type, finite values).
     */
    public void score(EventBatch batch, int[] indices, int n, long nowMillis, float[] scores) {
        score(batch, indices, 0, n, nowMillis, scores, 0f);
    }

    /**
     * Scores the records {@code indices[from..to)} into {@code scores[from..to)}; a record whose type
     * cannot reach {@code skipBelow} in the prepared tick ({@link #maxScore}) gets 0 without its fields
     * being read, since it could never be kept.
     */
    public void score(EventBatch batch, int[] indices, int from, int to, long nowMillis, float[] scores,
                      float skipBelow) {
        skipBelow(skipBelow);
        scorePrepared(batch, indices, from, to, nowMillis, scores);
    }

    /**
     * Makes {@link #scorePrepared} give 0 to the types that cannot reach {@code threshold} in the prepared
     * tick ({@link #maxScore}), without reading their fields. Call after {@link #prepare}.
     */
    public void skipBelow(float threshold) {
        for (EventType t : TYPES) {
            skipped[t.ordinal()] = maxScore(t) < threshold;
        }
    }

    /**
     * Scores {@code indices[from..to)} into {@code scores[from..to)} with the prepared context and skipped
     * types; changes nothing else, so two threads may score disjoint ranges at once.
     */
    public void scorePrepared(EventBatch batch, int[] indices, int from, int to, long nowMillis, float[] scores) {
        boolean[] skip = skipped;
        float[] imp = importanceTerm;
        float[] typeMul = typeMultiplier;
        float[] wardMul = districtMultiplier;
        float[] wardBoost = districtBoost;
        int neutral = wardMul.length - 1;
        float inv = invHorizon;
        for (int k = from; k < to; k++) {
            int i = indices[k];
            int t = batch.type(i);
            if (skip[t]) {
                scores[k] = 0f;
                continue;
            }
            float fresh = 1f - (nowMillis - batch.time(i)) * inv;
            fresh = Math.max(0f, Math.min(1f, fresh));
            float s = imp[t] + 0.3f * batch.risk(i) + 0.2f * batch.confidence(i) + 0.1f * fresh;
            s = Math.min(1f, s);
            int w = batch.ward(i);
            if (w < 0 || w >= neutral) {
                w = neutral;
            }
            s = s * typeMul[t] * wardMul[w] + wardBoost[w];
            scores[k] = Math.max(0f, Math.min(1f, s));
        }
    }

    /** One record's score, for tests and explanations; the same arithmetic as {@link #score}. */
    public float score(EventType type, float risk, float confidence, long ageMillis, int ward) {
        EventBatch one = new EventBatch(1);
        one.add(type.ordinal(), 0, 0f, 0f, risk, confidence, -ageMillis, EventBatch.fieldFlag(type), ward);
        float[] out = new float[1];
        score(one, new int[] {0}, 1, 0, out);
        return out[0];
    }

    /**
     * The highest score a record of this type can reach in the prepared tick (risk, confidence and
     * freshness 1, the largest district multiplier and boost), computed with the same float arithmetic as
     * {@link #score}, so no record of the type scores above it.
     */
    public float maxScore(EventType type) {
        int t = type.ordinal();
        float mul = 0f;
        float boost = 0f;
        for (int d = 0; d < districtMultiplier.length; d++) {
            mul = Math.max(mul, districtMultiplier[d]);
            boost = Math.max(boost, districtBoost[d]);
        }
        float s = Math.min(1f, importanceTerm[t] + 0.3f * 1f + 0.2f * 1f + 0.1f * 1f);
        return Math.max(0f, Math.min(1f, s * typeMultiplier[t] * mul + boost));
    }

    /**
     * Whether any record routed to {@code qos} can reach {@code threshold} in the prepared tick. Commands
     * and responses may carry any type, so they always can; for alerts and telemetry it depends on their
     * types' {@link #maxScore}.
     */
    public boolean canReach(QosClass qos, float threshold) {
        if (qos == QosClass.COMMAND || qos == QosClass.RESPONSE) {
            return true;
        }
        for (EventType t : TYPES) {
            if (QosClass.of(t) == qos && maxScore(t) >= threshold) {
                return true;
            }
        }
        return false;
    }

    /** The time-of-day multiplier of the prepared tick for a type. */
    public float hourMultiplier(EventType type) {
        return typeMultiplier[type.ordinal()];
    }

    /** The district multiplier of the prepared tick (1 for -1 or unknown). */
    public float districtMultiplier(int ward) {
        return ward >= 0 && ward < districtMultiplier.length - 1 ? districtMultiplier[ward] : 1f;
    }

    /** The incident boost of the prepared tick for a district (0 when none). */
    public float incidentBoost(int ward) {
        return ward >= 0 && ward < districtBoost.length - 1 ? districtBoost[ward] : 0f;
    }

    public int preparedHour() {
        return hour;
    }

    public ScoringContext context() {
        return context;
    }

    public ScoringProfile profile() {
        return profile;
    }
}
