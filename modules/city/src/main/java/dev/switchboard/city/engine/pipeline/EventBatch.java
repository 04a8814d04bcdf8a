package dev.switchboard.city.engine.pipeline;

import dev.switchboard.city.model.EventType;
import java.util.Arrays;

/**
 * One tick's sensor records as parallel primitive arrays (struct of arrays), reused from tick to tick so
 * that generating and filtering 100,000 records allocates nothing.
 *
 * <p>Columns map to the smart-city field ids: {@link #type} is F2 (an {@link EventType} ordinal, or any
 * other value for a malformed record), {@link #lat}/{@link #lon} F10/F11, {@link #risk} F22, and
 * {@link #flags} holds the F26 accident, F50 violence, F51 weapon, F61 fire and F70 earthquake flags plus
 * the command/response markers. {@link #source} is the sensor id in the high bits and the observation
 * (track) number in the low {@value #TRACK_BITS} bits, so a sensor reporting the same thing twice is a
 * duplicate and two different observations of one sensor are not. {@link #ward} is the district index of
 * the reporting sensor, or -1.
 *
 * <p>Not thread-safe; one batch belongs to one pipeline.
 */
public final class EventBatch {

    /** Bits of {@link #source} that number a sensor's observations. */
    public static final int TRACK_BITS = 24;
    /** Largest sensor id a source can carry (so that source × type fits a positive long key). */
    public static final long MAX_SENSOR_ID = (1L << 35) - 1;
    /** Largest valid source key. */
    public static final long MAX_SOURCE = (MAX_SENSOR_ID << TRACK_BITS) | ((1L << TRACK_BITS) - 1);

    /** F26: traffic accident. */
    public static final byte FLAG_F26_ACCIDENT = 1;
    /** F50: violence. */
    public static final byte FLAG_F50_VIOLENCE = 1 << 1;
    /** F51: weapon. */
    public static final byte FLAG_F51_WEAPON = 1 << 2;
    /** F61: fire or smoke. */
    public static final byte FLAG_F61_FIRE = 1 << 3;
    /** F70: earthquake. */
    public static final byte FLAG_F70_EARTHQUAKE = 1 << 4;
    /** A command record (QoS class Command). */
    public static final byte FLAG_COMMAND = 1 << 5;
    /** A response/acknowledgement record (QoS class Response). */
    public static final byte FLAG_RESPONSE = 1 << 6;
    /** The field-id flags; the rest mark the record's QoS class. */
    public static final byte FIELD_FLAGS = FLAG_F26_ACCIDENT | FLAG_F50_VIOLENCE | FLAG_F51_WEAPON | FLAG_F61_FIRE
            | FLAG_F70_EARTHQUAKE;

    private static final EventType[] TYPES = EventType.values();

    public int[] type;
    public long[] source;
    public float[] lat;
    public float[] lon;
    public float[] risk;
    public float[] confidence;
    public long[] simTimeMillis;
    public byte[] flags;
    public int[] ward;
    private int size;

    public EventBatch(int initialCapacity) {
        int capacity = Math.max(16, initialCapacity);
        type = new int[capacity];
        source = new long[capacity];
        lat = new float[capacity];
        lon = new float[capacity];
        risk = new float[capacity];
        confidence = new float[capacity];
        simTimeMillis = new long[capacity];
        flags = new byte[capacity];
        ward = new int[capacity];
    }

    public int size() {
        return size;
    }

    public int capacity() {
        return type.length;
    }

    /** Forgets every record; keeps the arrays. */
    public void clear() {
        size = 0;
    }

    /** Makes room for {@code extra} more records, growing the arrays only when needed. */
    public void ensureRoom(int extra) {
        int needed = size + extra;
        if (needed <= type.length) {
            return;
        }
        int capacity = Math.max(needed, type.length + (type.length >> 1));
        type = Arrays.copyOf(type, capacity);
        source = Arrays.copyOf(source, capacity);
        lat = Arrays.copyOf(lat, capacity);
        lon = Arrays.copyOf(lon, capacity);
        risk = Arrays.copyOf(risk, capacity);
        confidence = Arrays.copyOf(confidence, capacity);
        simTimeMillis = Arrays.copyOf(simTimeMillis, capacity);
        flags = Arrays.copyOf(flags, capacity);
        ward = Arrays.copyOf(ward, capacity);
    }

    /** Appends one record and returns its index; the caller has made room with {@link #ensureRoom}. */
    public int add(int typeCode, long sourceKey, float latitude, float longitude, float riskScore,
                   float confidenceScore, long timeMillis, byte flagBits, int wardIndex) {
        int i = size++;
        set(i, typeCode, sourceKey, latitude, longitude, riskScore, confidenceScore, timeMillis, flagBits, wardIndex);
        return i;
    }

    /**
     * Claims the next {@code count} records (for {@link #set}) and returns the index of the first; the caller
     * has made room with {@link #ensureRoom}. Lets two generators fill their own ranges at once.
     */
    int claim(int count) {
        if (size + count > type.length) {
            throw new IllegalStateException("no room for " + count + " more records");
        }
        int first = size;
        size += count;
        return first;
    }

    /** Writes record {@code i} (below {@link #size()}). */
    void set(int i, int typeCode, long sourceKey, float latitude, float longitude, float riskScore,
             float confidenceScore, long timeMillis, byte flagBits, int wardIndex) {
        type[i] = typeCode;
        source[i] = sourceKey;
        lat[i] = latitude;
        lon[i] = longitude;
        risk[i] = riskScore;
        confidence[i] = confidenceScore;
        simTimeMillis[i] = timeMillis;
        flags[i] = flagBits;
        ward[i] = wardIndex;
    }

    /** Copies record {@code from} of {@code other} to the end of this batch and returns its index. */
    public int addCopy(EventBatch other, int from) {
        return add(other.type[from], other.source[from], other.lat[from], other.lon[from], other.risk[from],
                other.confidence[from], other.simTimeMillis[from], other.flags[from], other.ward[from]);
    }

    /** A source key from a sensor id and an observation number. */
    public static long source(long sensorId, int track) {
        return (sensorId << TRACK_BITS) | (track & ((1L << TRACK_BITS) - 1));
    }

    /** The sensor id of a source key. */
    public static long sensorOf(long source) {
        return source >>> TRACK_BITS;
    }

    /** The observation number of a source key. */
    public static int trackOf(long source) {
        return (int) (source & ((1L << TRACK_BITS) - 1));
    }

    /** The field-id flag an event type carries (F26, F50, F51, F61, F70), or 0 for plain F2 types. */
    public static byte fieldFlag(EventType type) {
        return switch (type.fieldId()) {
            case 26 -> FLAG_F26_ACCIDENT;
            case 50 -> FLAG_F50_VIOLENCE;
            case 51 -> FLAG_F51_WEAPON;
            case 61 -> FLAG_F61_FIRE;
            case 70 -> FLAG_F70_EARTHQUAKE;
            default -> 0;
        };
    }

    /** The event type of a valid type code, or null for an unknown one. */
    public static EventType typeOf(int typeCode) {
        return typeCode >= 0 && typeCode < TYPES.length ? TYPES[typeCode] : null;
    }
}
