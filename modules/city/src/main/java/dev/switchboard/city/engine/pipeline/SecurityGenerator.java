package dev.switchboard.city.engine.pipeline;

import dev.switchboard.city.model.EventType;

/**
 * Fixed security cameras (2,500 by default) reporting loitering (70 %), gatherings (28 %), violence
 * (1.5 %, F50) and weapons (0.5 %, F51). Sensor ids start at {@value #FIRST_SENSOR_ID}.
 */
public final class SecurityGenerator extends SensorGenerator {

    public static final long FIRST_SENSOR_ID = 2_000_000;

    public SecurityGenerator(Districts districts, int cameras, long seed) {
        super(districts, cameras, FIRST_SENSOR_ID, seed,
                new EventType[] {EventType.LOITERING, EventType.GATHERING, EventType.VIOLENCE, EventType.WEAPON},
                new double[] {0.70, 0.28, 0.015, 0.005});
    }
}
