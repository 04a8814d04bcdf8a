package dev.switchboard.city.engine.pipeline;

import dev.switchboard.city.model.EventType;
import java.util.SplittableRandom;

/**
 * Vehicle probes (5,000 by default) driving around their district and reporting flow (90 %), congestion
 * (9.5 %) and accidents (0.5 %, F26). Sensor ids start at {@value #FIRST_SENSOR_ID}.
 */
public final class TrafficGenerator extends SensorGenerator {

    public static final long FIRST_SENSOR_ID = 1_000_000;
    /** Typical urban speed, in degrees of latitude per millisecond (about 30 km/h). */
    private static final double SPEED_DEGREES_PER_MS = 30.0 / 3_600_000.0 / 111.0;

    private final float[] headingLat;
    private final float[] headingLon;

    public TrafficGenerator(Districts districts, int vehicles, long seed) {
        super(districts, vehicles, FIRST_SENSOR_ID, seed,
                new EventType[] {EventType.TRAFFIC_FLOW, EventType.CONGESTION, EventType.TRAFFIC_ACCIDENT},
                new double[] {0.90, 0.095, 0.005});
        headingLat = new float[vehicles];
        headingLon = new float[vehicles];
        SplittableRandom r = random.split();
        for (int i = 0; i < vehicles; i++) {
            double angle = r.nextDouble() * 2 * Math.PI;
            double speed = SPEED_DEGREES_PER_MS * (0.5 + r.nextDouble());
            headingLat[i] = (float) (Math.cos(angle) * speed);
            headingLon[i] = (float) (Math.sin(angle) * speed / Math.cos(Math.toRadians(sensorLat[i])));
        }
    }

    /** Moves every vehicle along its heading, turning back when it would leave its district. */
    @Override
    protected void advance(long elapsedMillis) {
        if (elapsedMillis <= 0) {
            return;
        }
        float dt = Math.min(elapsedMillis, 60_000);
        for (int i = 0; i < sensorLat.length; i++) {
            float lat = sensorLat[i] + headingLat[i] * dt;
            float lon = sensorLon[i] + headingLon[i] * dt;
            if (districts.indexAt(lat, lon) == sensorWard[i]) {
                sensorLat[i] = lat;
                sensorLon[i] = lon;
            } else {
                headingLat[i] = -headingLat[i];
                headingLon[i] = -headingLon[i];
            }
        }
    }
}
