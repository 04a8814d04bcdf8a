package dev.switchboard.city.engine.pipeline;

import dev.switchboard.city.model.EventType;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * One tick's sensor records as parallel columns (struct of arrays), reused from tick to tick so that
 * generating and filtering 100,000 records allocates nothing.
 *
 * <p>Columns map to the smart-city field ids: {@link #type} is F2 (an {@link EventType} ordinal, or any
 * other value for a malformed record), {@link #lat}/{@link #lon} F10/F11, {@link #risk} F22, and
 * {@link #flags} holds the F26 accident, F50 violence, F51 weapon, F61 fire and F70 earthquake flags plus
 * the command/response markers. {@link #source} is the sensor id in the high bits and the observation
 * (track) number in the low {@value #TRACK_BITS} bits, so a sensor reporting the same thing twice is a
 * duplicate and two different observations of one sensor are not. {@link #ward} is the district index of
 * the reporting sensor, or -1.
 *
 * <p>The columns live off the Java heap (41 bytes a record, 4 MB at 100,000), allocated and zeroed when the
 * batch is built: a freshly started control room then leaves nothing big for the first young collections
 * to copy. Reading a column costs about what reading an array does. Not thread-safe; one batch belongs to
 * one pipeline (the pipeline's own threads write and read disjoint records between its joins).
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
    private static final VarHandle INTS = MethodHandles.byteBufferViewVarHandle(int[].class, ByteOrder.nativeOrder());
    private static final VarHandle LONGS = MethodHandles.byteBufferViewVarHandle(long[].class,
            ByteOrder.nativeOrder());
    private static final VarHandle FLOATS = MethodHandles.byteBufferViewVarHandle(float[].class,
            ByteOrder.nativeOrder());

    private ByteBuffer types;
    private ByteBuffer sources;
    private ByteBuffer lats;
    private ByteBuffer lons;
    private ByteBuffer risks;
    private ByteBuffer confidences;
    private ByteBuffer times;
    private ByteBuffer flagBytes;
    private ByteBuffer wards;
    private int capacity;
    private int size;

    public EventBatch(int initialCapacity) {
        allocate(Math.max(16, initialCapacity));
    }

    private void allocate(int records) {
        capacity = records;
        types = column(records, Integer.BYTES);
        sources = column(records, Long.BYTES);
        lats = column(records, Float.BYTES);
        lons = column(records, Float.BYTES);
        risks = column(records, Float.BYTES);
        confidences = column(records, Float.BYTES);
        times = column(records, Long.BYTES);
        flagBytes = column(records, Byte.BYTES);
        wards = column(records, Integer.BYTES);
    }

    private static ByteBuffer column(int records, int bytes) {
        return ByteBuffer.allocateDirect(records * bytes).order(ByteOrder.nativeOrder());
    }

    public int size() {
        return size;
    }

    public int capacity() {
        return capacity;
    }

    /** Forgets every record; keeps the columns. */
    public void clear() {
        size = 0;
    }

    /** Makes room for {@code extra} more records, growing the columns only when needed. */
    public void ensureRoom(int extra) {
        int needed = size + extra;
        if (needed <= capacity) {
            return;
        }
        ByteBuffer[] old = {types, sources, lats, lons, risks, confidences, times, flagBytes, wards};
        allocate(Math.max(needed, capacity + (capacity >> 1)));
        ByteBuffer[] now = {types, sources, lats, lons, risks, confidences, times, flagBytes, wards};
        for (int c = 0; c < old.length; c++) {
            now[c].put(0, old[c], 0, old[c].capacity());
        }
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
        if (size + count > capacity) {
            throw new IllegalStateException("no room for " + count + " more records");
        }
        int first = size;
        size += count;
        return first;
    }

    /** Writes record {@code i} (below {@link #capacity()}). */
    void set(int i, int typeCode, long sourceKey, float latitude, float longitude, float riskScore,
             float confidenceScore, long timeMillis, byte flagBits, int wardIndex) {
        setType(i, typeCode);
        setSource(i, sourceKey);
        setLat(i, latitude);
        setLon(i, longitude);
        setRisk(i, riskScore);
        setConfidence(i, confidenceScore);
        setTime(i, timeMillis);
        setFlags(i, flagBits);
        setWard(i, wardIndex);
    }

    /** Copies record {@code from} of {@code other} to the end of this batch and returns its index. */
    public int addCopy(EventBatch other, int from) {
        return add(other.type(from), other.source(from), other.lat(from), other.lon(from), other.risk(from),
                other.confidence(from), other.time(from), other.flags(from), other.ward(from));
    }

    /** F2: the type code of record {@code i}. */
    public int type(int i) {
        return (int) INTS.get(types, i << 2);
    }

    public void setType(int i, int typeCode) {
        INTS.set(types, i << 2, typeCode);
    }

    /** Sensor id and observation number of record {@code i}; see {@link #source(long, int)}. */
    public long source(int i) {
        return (long) LONGS.get(sources, i << 3);
    }

    public void setSource(int i, long sourceKey) {
        LONGS.set(sources, i << 3, sourceKey);
    }

    /** F10: latitude of record {@code i}, in degrees. */
    public float lat(int i) {
        return (float) FLOATS.get(lats, i << 2);
    }

    public void setLat(int i, float latitude) {
        FLOATS.set(lats, i << 2, latitude);
    }

    /** F11: longitude of record {@code i}, in degrees. */
    public float lon(int i) {
        return (float) FLOATS.get(lons, i << 2);
    }

    public void setLon(int i, float longitude) {
        FLOATS.set(lons, i << 2, longitude);
    }

    /** F22: risk of record {@code i}, 0..1 when valid. */
    public float risk(int i) {
        return (float) FLOATS.get(risks, i << 2);
    }

    public void setRisk(int i, float riskScore) {
        FLOATS.set(risks, i << 2, riskScore);
    }

    /** Confidence of record {@code i}, 0..1 when valid. */
    public float confidence(int i) {
        return (float) FLOATS.get(confidences, i << 2);
    }

    public void setConfidence(int i, float confidenceScore) {
        FLOATS.set(confidences, i << 2, confidenceScore);
    }

    /** Sim time at which record {@code i} was observed, in ms. */
    public long time(int i) {
        return (long) LONGS.get(times, i << 3);
    }

    public void setTime(int i, long timeMillis) {
        LONGS.set(times, i << 3, timeMillis);
    }

    /** Field-id and QoS flags of record {@code i}. */
    public byte flags(int i) {
        return flagBytes.get(i);
    }

    public void setFlags(int i, byte flagBits) {
        flagBytes.put(i, flagBits);
    }

    /** District index of record {@code i}'s sensor, or -1. */
    public int ward(int i) {
        return (int) INTS.get(wards, i << 2);
    }

    public void setWard(int i, int wardIndex) {
        INTS.set(wards, i << 2, wardIndex);
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
