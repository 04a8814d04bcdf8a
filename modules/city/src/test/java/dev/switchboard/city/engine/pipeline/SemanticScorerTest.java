package dev.switchboard.city.engine.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.switchboard.city.model.EventType;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class SemanticScorerTest {

    private static final Districts TOKYO = TokyoWardCentres.districts();
    private static final int SHIBUYA = TOKYO.indexOf("shibuya");
    private static final int MINATO = TOKYO.indexOf("minato");

    @ParameterizedTest(name = "{0}: {1} x {2}")
    @CsvSource({
        "VIOLENCE, 0.95, 1.0, 50",
        "WEAPON, 1.0, 1.2, 51",
        "EARTHQUAKE, 1.0, 1.5, 70",
        "FIRE, 0.90, 1.1, 61",
        "TRAFFIC_ACCIDENT, 0.75, 0.9, 26",
    })
    void theDesignTableIsTheDefault(EventType type, double importance, double weight, int fieldId) {
        ScoringProfile profile = ScoringProfile.defaults();

        assertThat(type.fieldId()).isEqualTo(fieldId);
        assertThat(profile.baseImportance(type)).isEqualTo(importance);
        assertThat(profile.weight(type)).isEqualTo(weight);
        assertThat(profile.importance(type)).isCloseTo(importance * weight, within(1e-12));
    }

    @ParameterizedTest(name = "{0} risk {1} conf {2} age {3} ms -> {4}")
    @CsvSource({
        // 0.4 * 0.95 + 0.3 * 0.8 + 0.2 * 0.9 + 0.1 * 1.0 = 0.38 + 0.24 + 0.18 + 0.10
        "VIOLENCE, 0.8, 0.9, 0, 0.90",
        // 0.4 * 1.2 + 0.3 * 0.5 + 0.2 * 0.5 + 0.1 * 0.5 = 0.48 + 0.15 + 0.10 + 0.05
        "WEAPON, 0.5, 0.5, 5000, 0.78",
        // 0.4 * 1.5 + ... above 1: clamped
        "EARTHQUAKE, 0.9, 0.9, 0, 1.0",
        // 0.4 * 1.5 + 0 + 0 + 0 = 0.6 (age beyond the horizon gives no freshness)
        "EARTHQUAKE, 0.0, 0.0, 20000, 0.60",
        // 0.4 * 0.99 + 0.3 * 0.6 + 0.2 * 0.7 + 0.1 * 0.9 = 0.396 + 0.18 + 0.14 + 0.09
        "FIRE, 0.6, 0.7, 1000, 0.806",
        // 0.4 * 0.675 + 0.3 * 1 + 0.2 * 1 + 0.1 * 1 = 0.27 + 0.3 + 0.2 + 0.1
        "TRAFFIC_ACCIDENT, 1.0, 1.0, 0, 0.87",
        // 0.4 * 0.1 + 0.3 * 0.2 + 0.2 * 0.9 + 0.1 * 1 = 0.04 + 0.06 + 0.18 + 0.1
        "TRAFFIC_FLOW, 0.2, 0.9, 0, 0.38",
    })
    void compositeIsTheWeightedSumClampedToOne(EventType type, float risk, float confidence, long age,
                                               double expected) {
        SemanticScorer scorer = new SemanticScorer(ScoringProfile.defaults(), TOKYO);

        assertThat(scorer.score(type, risk, confidence, age, SHIBUYA)).isCloseTo((float) expected, within(1e-5f));
        assertThat(ScoringProfile.defaults().composite(type, risk, confidence, age)).isCloseTo(expected,
                within(1e-6));
    }

    @Test
    void otherTypesAreConfigurable() {
        ScoringProfile profile = ScoringProfile.defaults().with(EventType.GATHERING, 0.8, 1.25);
        SemanticScorer scorer = new SemanticScorer(profile, TOKYO);

        assertThat(profile.importance(EventType.GATHERING)).isEqualTo(1.0);
        // 0.4 * 1.0 + 0.3 * 0.5 + 0.2 * 0.5 + 0.1 = 0.75
        assertThat(scorer.score(EventType.GATHERING, 0.5f, 0.5f, 0, SHIBUYA)).isCloseTo(0.75f, within(1e-5f));
    }

    @Test
    void districtMultiplierScalesOnlyItsDistrict() {
        SemanticScorer scorer = new SemanticScorer(ScoringProfile.defaults(), TOKYO);
        scorer.prepare(ScoringContext.neutral().withDistrictMultipliers(Map.of("shibuya", 1.1, "nowhere", 3.0)), 0);

        // Violence 0.9 as above: × 1.1 in Shibuya, unchanged in Minato.
        assertThat(scorer.score(EventType.VIOLENCE, 0.8f, 0.9f, 0, SHIBUYA)).isCloseTo(0.99f, within(1e-5f));
        assertThat(scorer.score(EventType.VIOLENCE, 0.8f, 0.9f, 0, MINATO)).isCloseTo(0.90f, within(1e-5f));
    }

    @Test
    void timeOfDayMultiplierFollowsTheSimClock() {
        SemanticScorer scorer = new SemanticScorer(ScoringProfile.defaults(), TOKYO);
        // The exercise starts at 06:00; one and a half hours in it is 07:30, a traffic rush hour.
        ScoringContext ctx = ScoringContext.neutral().withTimeOfDay(TimeOfDayProfile.typical(), 6 * 3_600_000L);

        scorer.prepare(ctx, 5_400_000L);

        assertThat(scorer.preparedHour()).isEqualTo(7);
        // Accident 0.87 × 1.15 clamps to 1; violence is not a traffic stream and stays 0.9.
        assertThat(scorer.score(EventType.TRAFFIC_ACCIDENT, 1f, 1f, 0, SHIBUYA)).isEqualTo(1f);
        assertThat(scorer.score(EventType.TRAFFIC_ACCIDENT, 0.5f, 0.5f, 0, SHIBUYA))
                .isCloseTo((0.27f + 0.15f + 0.1f + 0.1f) * 1.15f, within(1e-5f));
        assertThat(scorer.score(EventType.VIOLENCE, 0.8f, 0.9f, 0, SHIBUYA)).isCloseTo(0.90f, within(1e-5f));

        scorer.prepare(ctx, 0);
        assertThat(scorer.score(EventType.TRAFFIC_ACCIDENT, 0.5f, 0.5f, 0, SHIBUYA)).isCloseTo(0.62f, within(1e-5f));
    }

    @Test
    void activeIncidentBoostsEventsInItsWard() {
        SemanticScorer scorer = new SemanticScorer(ScoringProfile.defaults(), TOKYO);
        scorer.prepare(ScoringContext.neutral().withActiveIncidents(Set.of("shibuya")).withIncidentBoost(0.15), 0);

        // Gathering 0.4 * 0.5 + 0.3 * 0.5 + 0.2 * 0.5 + 0.1 = 0.55, + 0.15 near the incident.
        assertThat(scorer.score(EventType.GATHERING, 0.5f, 0.5f, 0, SHIBUYA)).isCloseTo(0.70f, within(1e-5f));
        assertThat(scorer.score(EventType.GATHERING, 0.5f, 0.5f, 0, MINATO)).isCloseTo(0.55f, within(1e-5f));
        assertThat(scorer.incidentBoost(SHIBUYA)).isEqualTo(0.15f);
        assertThat(scorer.incidentBoost(MINATO)).isZero();
    }

    @Test
    void telemetryCannotReachTheDefaultThresholdUnlessTheContextLiftsIt() {
        SemanticScorer scorer = new SemanticScorer(ScoringProfile.defaults(), TOKYO);

        // Flow: 0.4 * 0.1 + 0.3 + 0.2 + 0.1 = 0.64 at best; loitering 0.74.
        assertThat(scorer.maxScore(EventType.TRAFFIC_FLOW)).isCloseTo(0.64f, within(1e-5f));
        assertThat(scorer.maxScore(EventType.LOITERING)).isCloseTo(0.74f, within(1e-5f));
        assertThat(scorer.maxScore(EventType.WEAPON)).isEqualTo(1f);
        assertThat(scorer.canReach(QosClass.TELEMETRY, 0.75f)).isFalse();
        assertThat(scorer.canReach(QosClass.TELEMETRY, 0.7f)).as("loitering reaches 0.74").isTrue();
        assertThat(scorer.canReach(QosClass.ALERT, 0.75f)).isTrue();
        assertThat(scorer.canReach(QosClass.COMMAND, 1f)).isTrue();

        scorer.prepare(ScoringContext.neutral().withDistrictMultipliers(Map.of("koto", 1.25)), 0);
        assertThat(scorer.maxScore(EventType.TRAFFIC_FLOW)).isCloseTo(0.8f, within(1e-5f));
        assertThat(scorer.canReach(QosClass.TELEMETRY, 0.75f)).isTrue();
    }

    @Test
    void recordsThatCannotReachTheThresholdAreNotScored() {
        SemanticScorer scorer = new SemanticScorer(ScoringProfile.defaults(), TOKYO);
        EventBatch batch = new EventBatch(2);
        batch.add(EventType.TRAFFIC_FLOW.ordinal(), 1, 35.66f, 139.70f, 0.4f, 1f, 0, (byte) 0, SHIBUYA);
        batch.add(EventType.WEAPON.ordinal(), 2, 35.66f, 139.70f, 0.5f, 0.5f, 0, EventBatch.FLAG_F51_WEAPON, SHIBUYA);
        int[] both = {0, 1};
        float[] scores = new float[2];

        scorer.score(batch, both, 0, 2, 0, scores, 0.7f);
        assertThat(scores[0]).isZero();
        assertThat(scores[1]).isCloseTo(0.83f, within(1e-5f));

        scorer.score(batch, both, 0, 2, 0, scores, 0.6f);
        // 0.04 + 0.12 + 0.2 + 0.1
        assertThat(scores[0]).isCloseTo(0.46f, within(1e-5f));
    }

    @Test
    void contextNeverLeavesZeroToOne() {
        SemanticScorer scorer = new SemanticScorer(ScoringProfile.defaults(), TOKYO);
        scorer.prepare(ScoringContext.neutral().withDistrictMultipliers(Map.of("shibuya", 10.0, "minato", 0.0))
                .withActiveIncidents(Set.of("shibuya")).withIncidentBoost(1.0), 0);

        assertThat(scorer.score(EventType.WEAPON, 1f, 1f, 0, SHIBUYA)).isEqualTo(1f);
        assertThat(scorer.score(EventType.WEAPON, 1f, 1f, 0, MINATO)).isZero();
    }
}
