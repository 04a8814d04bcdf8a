package dev.switchboard.city.engine.pipeline;

import dev.switchboard.city.model.EventType;
import java.util.SplittableRandom;

/**
 * A stream of simulated sensor readings: a fixed set of sensors placed inside the districts, a mix of
 * event types, and per-type ranges of risk and confidence. Deterministic: the same seed, districts and
 * sequence of calls give the same records. Writes straight into an {@link EventBatch}; no per-event
 * objects.
 */
public abstract sealed class SensorGenerator permits TrafficGenerator, SecurityGenerator, DisasterGenerator {

    /** Radius around a district centre in which sensors are placed, in degrees of latitude (about 2.5 km). */
    private static final double PLACEMENT_RADIUS_DEGREES = 0.0225;
    private static final int PLACEMENT_TRIES = 32;

    // Risk = low + (high - low) * u^shape (shape 1..3 skews towards low risk); confidence uniform in
    // [confLow, confHigh]. Indexed by type ordinal.
    private static final float[] RISK_LOW = new float[EventType.values().length];
    private static final float[] RISK_HIGH = new float[EventType.values().length];
    private static final int[] RISK_SHAPE = new int[EventType.values().length];
    private static final float[] CONF_LOW = new float[EventType.values().length];
    private static final float[] CONF_HIGH = new float[EventType.values().length];

    static {
        range(EventType.TRAFFIC_FLOW, 0.00f, 0.40f, 2, 0.80f, 1.00f);
        range(EventType.CONGESTION, 0.10f, 0.60f, 2, 0.70f, 1.00f);
        range(EventType.TRAFFIC_ACCIDENT, 0.30f, 1.00f, 2, 0.60f, 1.00f);
        range(EventType.LOITERING, 0.00f, 0.50f, 2, 0.40f, 0.90f);
        range(EventType.GATHERING, 0.10f, 0.80f, 2, 0.50f, 0.95f);
        range(EventType.VIOLENCE, 0.40f, 1.00f, 1, 0.50f, 1.00f);
        range(EventType.WEAPON, 0.50f, 1.00f, 1, 0.60f, 1.00f);
        range(EventType.EARTHQUAKE, 0.00f, 1.00f, 3, 0.70f, 1.00f);
        range(EventType.FIRE, 0.30f, 1.00f, 2, 0.50f, 1.00f);
        range(EventType.SMOKE, 0.10f, 0.80f, 2, 0.50f, 1.00f);
        range(EventType.AIR_QUALITY, 0.00f, 0.60f, 2, 0.70f, 1.00f);
        range(EventType.FLOOD, 0.10f, 0.90f, 3, 0.60f, 1.00f);
    }

    private static void range(EventType t, float low, float high, int shape, float confLow, float confHigh) {
        RISK_LOW[t.ordinal()] = low;
        RISK_HIGH[t.ordinal()] = high;
        RISK_SHAPE[t.ordinal()] = shape;
        CONF_LOW[t.ordinal()] = confLow;
        CONF_HIGH[t.ordinal()] = confHigh;
    }

    protected final Districts districts;
    protected final SplittableRandom random;
    private final long firstSensorId;
    protected final float[] sensorLat;
    protected final float[] sensorLon;
    protected final int[] sensorWard;
    private final int[] track;
    private final int[] typeCodes;
    private final byte[] typeFlags;
    private final double[] cumulative;

    /**
     * @param types the types this stream produces
     * @param probabilities their relative frequencies, in the same order
     */
    SensorGenerator(Districts districts, int sensors, long firstSensorId, long seed, EventType[] types,
                    double[] probabilities) {
        if (sensors < 1) {
            throw new IllegalArgumentException("need at least one sensor");
        }
        this.districts = districts;
        this.random = new SplittableRandom(seed);
        this.firstSensorId = firstSensorId;
        sensorLat = new float[sensors];
        sensorLon = new float[sensors];
        sensorWard = new int[sensors];
        track = new int[sensors];
        typeCodes = new int[types.length];
        typeFlags = new byte[types.length];
        cumulative = new double[types.length];
        double total = 0;
        for (double p : probabilities) {
            total += p;
        }
        double sum = 0;
        for (int i = 0; i < types.length; i++) {
            typeCodes[i] = types[i].ordinal();
            typeFlags[i] = EventBatch.fieldFlag(types[i]);
            sum += probabilities[i] / total;
            cumulative[i] = sum;
        }
        cumulative[types.length - 1] = 1.0;
        SplittableRandom placement = random.split();
        for (int i = 0; i < sensors; i++) {
            place(i, placement);
        }
    }

    /** Puts sensor {@code i} at a random point inside a random district (rejection sampling around its centre). */
    private void place(int i, SplittableRandom r) {
        int ward = r.nextInt(districts.count());
        double cLat = districts.centreLat(ward);
        double cLon = districts.centreLon(ward);
        double lonRadius = PLACEMENT_RADIUS_DEGREES / Math.cos(Math.toRadians(cLat));
        for (int t = 0; t < PLACEMENT_TRIES; t++) {
            // Checked as stored (float), so rounding cannot move a sensor across a border.
            float lat = (float) (cLat + (r.nextDouble() * 2 - 1) * PLACEMENT_RADIUS_DEGREES);
            float lon = (float) (cLon + (r.nextDouble() * 2 - 1) * lonRadius);
            if (districts.indexAt(lat, lon) == ward) {
                setSensor(i, lat, lon, ward);
                return;
            }
        }
        setSensor(i, (float) cLat, (float) cLon, ward);
    }

    private void setSensor(int i, float lat, float lon, int ward) {
        sensorLat[i] = lat;
        sensorLon[i] = lon;
        sensorWard[i] = ward;
    }

    public final int sensors() {
        return sensorLat.length;
    }

    /** The id of sensor {@code i} (0-based within this stream). */
    public final long sensorId(int i) {
        return firstSensorId + i;
    }

    /** Where sensor {@code i} is now. */
    public final double sensorLat(int i) {
        return sensorLat[i];
    }

    public final double sensorLon(int i) {
        return sensorLon[i];
    }

    /** The district of sensor {@code i}. */
    public final int sensorWard(int i) {
        return sensorWard[i];
    }

    /**
     * Appends {@code count} valid, distinct readings with timestamps in {@code (fromMillis, toMillis]} (all at
     * {@code toMillis} when the span is empty), after moving mobile sensors for the elapsed time.
     */
    public final void generate(EventBatch out, int count, long fromMillis, long toMillis) {
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative");
        }
        out.ensureRoom(count);
        generateAt(out, out.claim(count), count, fromMillis, toMillis);
    }

    /** {@link #generate} into the claimed records {@code first .. first + count - 1} of {@code out}. */
    final void generateAt(EventBatch out, int first, int count, long fromMillis, long toMillis) {
        long span = Math.max(0, toMillis - fromMillis);
        advance(span);
        SplittableRandom r = random;
        double[] cum = cumulative;
        int last = cum.length - 1;
        for (int n = 0; n < count; n++) {
            double u = r.nextDouble();
            int k = 0;
            while (k < last && u >= cum[k]) {
                k++;
            }
            int code = typeCodes[k];
            int s = pickSensor(code, r);
            float u1 = (float) r.nextDouble();
            float skew = switch (RISK_SHAPE[code]) {
                case 1 -> u1;
                case 2 -> u1 * u1;
                default -> u1 * u1 * u1;
            };
            float risk = RISK_LOW[code] + (RISK_HIGH[code] - RISK_LOW[code]) * skew;
            float confidence = CONF_LOW[code] + (CONF_HIGH[code] - CONF_LOW[code]) * (float) r.nextDouble();
            long time = span == 0 ? toMillis : toMillis - r.nextLong(span);
            out.set(first + n, code, EventBatch.source(firstSensorId + s, track[s]++), sensorLat[s], sensorLon[s],
                    risk, confidence, time, typeFlags[k], sensorWard[s]);
        }
    }

    /** Which sensor reports an event of this type; uniform over all sensors unless a stream knows better. */
    protected int pickSensor(int typeCode, SplittableRandom r) {
        return r.nextInt(sensorLat.length);
    }

    /** Moves mobile sensors for {@code elapsedMillis}; fixed sensors do nothing. */
    protected void advance(long elapsedMillis) {
    }
}
