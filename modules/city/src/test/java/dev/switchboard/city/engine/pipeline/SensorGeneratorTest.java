package dev.switchboard.city.engine.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.city.model.EventType;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SensorGeneratorTest {

    private static final Districts TOKYO = TokyoWardCentres.districts();

    @Test
    void sensorsArePlacedInsideTheirDistrict() {
        SensorGenerator[] streams = {new TrafficGenerator(TOKYO, 5_000, 1), new SecurityGenerator(TOKYO, 2_500, 2),
            new DisasterGenerator(TOKYO, 1_000, 3)};
        for (SensorGenerator g : streams) {
            int[] perWard = new int[TOKYO.count()];
            for (int i = 0; i < g.sensors(); i++) {
                assertThat(TOKYO.indexAt(g.sensorLat(i), g.sensorLon(i))).as("sensor %d", g.sensorId(i))
                        .isEqualTo(g.sensorWard(i));
                perWard[g.sensorWard(i)]++;
            }
            assertThat(java.util.Arrays.stream(perWard).min().getAsInt()).isPositive();
        }
    }

    @Test
    void vehiclesStayInTheirDistrictAsTheyMove() {
        TrafficGenerator traffic = new TrafficGenerator(TOKYO, 500, 9);
        EventBatch batch = new EventBatch(16);
        double lat0 = traffic.sensorLat(0);
        for (int tick = 1; tick <= 120; tick++) {
            traffic.generate(batch, 0, (tick - 1) * 1_000L, tick * 1_000L);
        }
        assertThat(traffic.sensorLat(0)).isNotEqualTo(lat0);
        for (int i = 0; i < traffic.sensors(); i++) {
            assertThat(TOKYO.indexAt(traffic.sensorLat(i), traffic.sensorLon(i))).isEqualTo(traffic.sensorWard(i));
        }
    }

    @Test
    void recordsAreValidCarryTheirFieldFlagAndAreStampedInTheTick() {
        SecurityGenerator security = new SecurityGenerator(TOKYO, 2_500, 5);
        DisasterGenerator disaster = new DisasterGenerator(TOKYO, 1_000, 6);
        EventBatch batch = new EventBatch(16);
        security.generate(batch, 50_000, 9_000, 10_000);
        disaster.generate(batch, 50_000, 9_000, 10_000);

        Map<EventType, Integer> counts = new EnumMap<>(EventType.class);
        for (int i = 0; i < batch.size(); i++) {
            EventType type = EventBatch.typeOf(batch.type(i));
            counts.merge(type, 1, Integer::sum);
            assertThat(batch.flags(i)).isEqualTo(EventBatch.fieldFlag(type));
            assertThat(batch.time(i)).isBetween(9_001L, 10_000L);
            assertThat(batch.risk(i)).isBetween(0f, 1f);
            assertThat(batch.confidence(i)).isBetween(0f, 1f);
            long sensor = EventBatch.sensorOf(batch.source(i));
            assertThat(sensor).isBetween(SecurityGenerator.FIRST_SENSOR_ID, DisasterGenerator.FIRST_SENSOR_ID + 999);
        }
        assertThat(counts).containsOnlyKeys(EventType.LOITERING, EventType.GATHERING, EventType.VIOLENCE,
                EventType.WEAPON, EventType.AIR_QUALITY, EventType.SMOKE, EventType.FLOOD, EventType.FIRE,
                EventType.EARTHQUAKE);
        assertThat(counts.get(EventType.LOITERING)).isBetween(34_000, 36_000);
        assertThat(counts.get(EventType.WEAPON)).isBetween(150, 350);
        assertThat(EventBatch.fieldFlag(EventType.WEAPON)).isEqualTo(EventBatch.FLAG_F51_WEAPON);
        assertThat(EventBatch.fieldFlag(EventType.EARTHQUAKE)).isEqualTo(EventBatch.FLAG_F70_EARTHQUAKE);
        assertThat(EventBatch.fieldFlag(EventType.FIRE)).isEqualTo(EventBatch.FLAG_F61_FIRE);
        assertThat(EventBatch.fieldFlag(EventType.VIOLENCE)).isEqualTo(EventBatch.FLAG_F50_VIOLENCE);
        assertThat(EventBatch.fieldFlag(EventType.TRAFFIC_ACCIDENT)).isEqualTo(EventBatch.FLAG_F26_ACCIDENT);
        assertThat(EventBatch.fieldFlag(EventType.TRAFFIC_FLOW)).isZero();
    }

    @Test
    void seismicReadingsComeOnlyFromSeismicStations() {
        DisasterGenerator disaster = new DisasterGenerator(TOKYO, 1_000, 6);
        EventBatch batch = new EventBatch(16);
        disaster.generate(batch, 200_000, 0, 1_000);
        for (int i = 0; i < batch.size(); i++) {
            long station = EventBatch.sensorOf(batch.source(i)) - DisasterGenerator.FIRST_SENSOR_ID;
            if (batch.type(i) == EventType.EARTHQUAKE.ordinal()) {
                assertThat(station).isLessThan(100);
            } else if (batch.type(i) == EventType.FLOOD.ordinal()) {
                assertThat(station).isGreaterThanOrEqualTo(850);
            }
        }
    }
}
