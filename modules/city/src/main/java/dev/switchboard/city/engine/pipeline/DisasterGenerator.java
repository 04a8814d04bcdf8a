package dev.switchboard.city.engine.pipeline;

import dev.switchboard.city.model.EventType;
import java.util.SplittableRandom;

/**
 * Fixed environmental stations (1,000 by default): seismic stations (10 %) report earthquakes (F70),
 * fire detectors (40 %) fire (F61) and smoke, air monitors (35 %) air quality, flood gauges (15 %) water
 * levels. Of all readings 80 % are air quality, 12 % smoke, 6 % flood, 1.98 % fire and 0.02 % earthquake.
 * Sensor ids start at {@value #FIRST_SENSOR_ID}.
 */
public final class DisasterGenerator extends SensorGenerator {

    public static final long FIRST_SENSOR_ID = 3_000_000;

    /** Station kinds, as the first sensor index and count of each kind. */
    private final int[] kindStart = new int[4];
    private final int[] kindCount = new int[4];
    private final int[] kindOfType = new int[EventType.values().length];

    public DisasterGenerator(Districts districts, int stations, long seed) {
        super(districts, Math.max(4, stations), FIRST_SENSOR_ID, seed,
                new EventType[] {EventType.AIR_QUALITY, EventType.SMOKE, EventType.FLOOD, EventType.FIRE,
                    EventType.EARTHQUAKE},
                new double[] {0.80, 0.12, 0.06, 0.0198, 0.0002});
        int n = sensors();
        double[] shares = {0.10, 0.40, 0.35, 0.15};
        int start = 0;
        for (int k = 0; k < 4; k++) {
            int count = k == 3 ? n - start
                    : Math.min(n - start - (3 - k), Math.max(1, (int) Math.round(n * shares[k])));
            kindStart[k] = start;
            kindCount[k] = count;
            start += count;
        }
        kindOfType[EventType.EARTHQUAKE.ordinal()] = 0;
        kindOfType[EventType.FIRE.ordinal()] = 1;
        kindOfType[EventType.SMOKE.ordinal()] = 1;
        kindOfType[EventType.AIR_QUALITY.ordinal()] = 2;
        kindOfType[EventType.FLOOD.ordinal()] = 3;
    }

    @Override
    protected int pickSensor(int typeCode, SplittableRandom r) {
        int kind = kindOfType[typeCode];
        return kindStart[kind] + r.nextInt(kindCount[kind]);
    }
}
