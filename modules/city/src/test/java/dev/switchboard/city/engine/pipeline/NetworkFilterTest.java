package dev.switchboard.city.engine.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.city.model.EventType;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class NetworkFilterTest {

    private static final Districts TOKYO = TokyoWardCentres.districts();
    private static final float LAT = 35.664f;
    private static final float LON = 139.698f;
    private static final long NOW = 60_000;

    private final EventBatch batch = new EventBatch(64);
    private final NetworkFilter filter = new NetworkFilter(TOKYO, 5_000, 1_000, 4);

    private int add(EventType type, long sensor, int track, long time) {
        return batch.add(type.ordinal(), EventBatch.source(sensor, track), LAT, LON, 0.5f, 0.5f, time,
                EventBatch.fieldFlag(type), TOKYO.indexOf("shibuya"));
    }

    @Test
    void everySchemaViolationIsCountedUnderItsReason() {
        batch.ensureRoom(20);
        add(EventType.WEAPON, 1, 0, NOW);
        batch.setType(add(EventType.WEAPON, 1, 1, NOW), 99);
        batch.setSource(add(EventType.WEAPON, 1, 2, NOW), -5);
        batch.setLat(add(EventType.WEAPON, 1, 3, NOW), Float.NaN);
        batch.setLat(add(EventType.WEAPON, 1, 4, NOW), 91f);
        batch.setLon(add(EventType.WEAPON, 1, 5, NOW), -181f);
        int outside = add(EventType.WEAPON, 1, 6, NOW);
        batch.setLat(outside, 0f);
        batch.setLon(outside, 0f);
        batch.setRisk(add(EventType.WEAPON, 1, 7, NOW), Float.NaN);
        batch.setConfidence(add(EventType.WEAPON, 1, 8, NOW), 1.01f);
        add(EventType.WEAPON, 1, 9, NOW + 1);
        add(EventType.WEAPON, 1, 10, -1);
        batch.setFlags(add(EventType.WEAPON, 1, 11, NOW), EventBatch.FLAG_F70_EARTHQUAKE);

        int passed = filter.filter(batch, NOW);

        assertThat(passed).isEqualTo(1);
        assertThat(filter.malformed()).isEqualTo(11);
        assertThat(filter.invalid(InvalidReason.UNKNOWN_TYPE)).isEqualTo(1);
        assertThat(filter.invalid(InvalidReason.BAD_SOURCE)).isEqualTo(1);
        assertThat(filter.invalid(InvalidReason.BAD_LATITUDE)).isEqualTo(2);
        assertThat(filter.invalid(InvalidReason.BAD_LONGITUDE)).isEqualTo(1);
        assertThat(filter.invalid(InvalidReason.OUTSIDE_CITY)).isEqualTo(1);
        assertThat(filter.invalid(InvalidReason.BAD_RISK)).isEqualTo(1);
        assertThat(filter.invalid(InvalidReason.BAD_CONFIDENCE)).isEqualTo(1);
        assertThat(filter.invalid(InvalidReason.BAD_TIME)).isEqualTo(2);
        assertThat(filter.invalid(InvalidReason.FLAG_MISMATCH)).isEqualTo(1);
        // The sample keeps the last four, oldest first.
        assertThat(filter.sampled()).isEqualTo(4);
        assertThat(filter.sampledIndex(0)).isEqualTo(8);
        assertThat(filter.sampledReason(0)).isEqualTo(InvalidReason.BAD_CONFIDENCE);
        assertThat(filter.sampledIndex(3)).isEqualTo(11);
        assertThat(filter.sampledReason(3)).isEqualTo(InvalidReason.FLAG_MISMATCH);
    }

    @Test
    void duplicatesAreDroppedWithinTheWindowAcrossTicks() {
        add(EventType.VIOLENCE, 7, 1, 10_000);
        add(EventType.VIOLENCE, 7, 1, 10_000);
        assertThat(filter.filter(batch, 10_000)).isEqualTo(1);
        assertThat(filter.duplicates()).isEqualTo(1);

        batch.clear();
        add(EventType.VIOLENCE, 7, 1, 14_999);
        assertThat(filter.filter(batch, 14_999)).as("4,999 ms later").isZero();

        batch.clear();
        add(EventType.VIOLENCE, 7, 1, 15_000);
        assertThat(filter.filter(batch, 15_000)).as("5,000 ms later").isEqualTo(1);
        assertThat(filter.duplicates()).isZero();
    }

    @Test
    void routesCommandsThenAlertsThenResponsesThenTelemetryKeepingOrderWithinAClass() {
        int flow = add(EventType.TRAFFIC_FLOW, 1, 0, NOW);
        int weapon = add(EventType.WEAPON, 2, 0, NOW);
        int response = add(EventType.AIR_QUALITY, 3, 0, NOW);
        batch.setFlags(response, (byte) (batch.flags(response) | EventBatch.FLAG_RESPONSE));
        int command = add(EventType.LOITERING, 4, 0, NOW);
        batch.setFlags(command, (byte) (batch.flags(command) | EventBatch.FLAG_COMMAND));
        int loitering = add(EventType.LOITERING, 5, 0, NOW);
        int fire = add(EventType.FIRE, 6, 0, NOW);

        int passed = filter.filter(batch, NOW);

        assertThat(Arrays.copyOf(filter.routed(), passed)).containsExactly(command, weapon, fire, response, flow,
                loitering);
        assertThat(filter.passed(QosClass.COMMAND)).isEqualTo(1);
        assertThat(filter.passed(QosClass.ALERT)).isEqualTo(2);
        assertThat(filter.passed(QosClass.RESPONSE)).isEqualTo(1);
        assertThat(filter.passed(QosClass.TELEMETRY)).isEqualTo(2);
    }

    @Test
    void underTheSeedRuleAnyObservationOfTheSameSensorAndTypeWithin5SecondsIsADuplicate() {
        NetworkFilter seedRule = new NetworkFilter(TOKYO, DedupRule.SAME_SOURCE_AND_TYPE, 5_000, 1_000, 4, 1, 64);
        add(EventType.VIOLENCE, 7, 1, 10_000);
        add(EventType.VIOLENCE, 7, 2, 10_000);
        add(EventType.WEAPON, 7, 3, 10_000);
        add(EventType.VIOLENCE, 8, 1, 10_000);
        assertThat(seedRule.filter(batch, 10_000)).as("the second violence of sensor 7 is dropped").isEqualTo(3);

        batch.clear();
        add(EventType.VIOLENCE, 7, 9, 14_999);
        add(EventType.VIOLENCE, 8, 9, 15_000);
        assertThat(seedRule.filter(batch, 15_000)).as("4,999 ms later dropped, 5,000 ms later passes").isEqualTo(1);
        assertThat(seedRule.duplicates()).isEqualTo(1);
    }

    /** Two partitions (two cores) give exactly the answer of one, record for record. */
    @Test
    void twoPartitionsGiveTheSameResultAsOne() {
        for (DedupRule rule : DedupRule.values()) {
            NetworkFilter one = new NetworkFilter(TOKYO, rule, 5_000, 50_000, 20, 1, 0);
            NetworkFilter two = new NetworkFilter(TOKYO, rule, 5_000, 50_000, 20, 2, 0);
            SensorFeed feed = new SensorFeed(PipelineConfig.defaults().withDuplicateRate(0.2).withMalformedRate(0.05),
                    TOKYO);
            EventBatch b = new EventBatch(20_000);
            for (int tick = 1; tick <= 8; tick++) {
                feed.fill(b, tick * 1_000L, 20_000);
                int n = one.filter(b, tick * 1_000L);

                assertThat(two.filter(b, tick * 1_000L)).isEqualTo(n);
                assertThat(Arrays.copyOf(two.routed(), n)).as("%s tick %d", rule, tick)
                        .containsExactly(Arrays.copyOf(one.routed(), n));
                assertThat(two.duplicates()).isEqualTo(one.duplicates()).isPositive();
                assertThat(two.malformed()).isEqualTo(one.malformed()).isPositive();
                for (InvalidReason reason : InvalidReason.values()) {
                    assertThat(two.invalid(reason)).isEqualTo(one.invalid(reason));
                }
                assertThat(two.sampled()).isEqualTo(one.sampled()).isEqualTo(20);
                for (int k = 0; k < one.sampled(); k++) {
                    assertThat(two.sampledIndex(k)).isEqualTo(one.sampledIndex(k));
                    assertThat(two.sampledReason(k)).isEqualTo(one.sampledReason(k));
                }
            }
        }
    }

    @Test
    void qosClassOfEachType() {
        assertThat(QosClass.of(EventType.TRAFFIC_FLOW)).isEqualTo(QosClass.TELEMETRY);
        assertThat(QosClass.of(EventType.CONGESTION)).isEqualTo(QosClass.TELEMETRY);
        assertThat(QosClass.of(EventType.AIR_QUALITY)).isEqualTo(QosClass.TELEMETRY);
        assertThat(QosClass.of(EventType.LOITERING)).isEqualTo(QosClass.TELEMETRY);
        for (EventType t : new EventType[] {EventType.TRAFFIC_ACCIDENT, EventType.GATHERING, EventType.VIOLENCE,
            EventType.WEAPON, EventType.EARTHQUAKE, EventType.FIRE, EventType.SMOKE, EventType.FLOOD}) {
            assertThat(QosClass.of(t)).as(t.name()).isEqualTo(QosClass.ALERT);
        }
        assertThat(QosClass.of(EventType.WEAPON, EventBatch.FLAG_COMMAND)).isEqualTo(QosClass.COMMAND);
    }
}
