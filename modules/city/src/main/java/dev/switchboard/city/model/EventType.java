package dev.switchboard.city.model;

/**
 * Sensor event types with the field id (F-number) of the smart-city design and their importance.
 * The composite score uses importance × weight; see the scoring table in the control-room issue.
 */
public enum EventType {
    TRAFFIC_FLOW(2, Stream.TRAFFIC, 0.10, 1.0),
    CONGESTION(2, Stream.TRAFFIC, 0.30, 1.0),
    TRAFFIC_ACCIDENT(26, Stream.TRAFFIC, 0.75, 0.9),
    LOITERING(2, Stream.SECURITY, 0.35, 1.0),
    GATHERING(2, Stream.SECURITY, 0.50, 1.0),
    VIOLENCE(50, Stream.SECURITY, 0.95, 1.0),
    WEAPON(51, Stream.SECURITY, 1.00, 1.2),
    EARTHQUAKE(70, Stream.DISASTER, 1.00, 1.5),
    FIRE(61, Stream.DISASTER, 0.90, 1.1),
    SMOKE(61, Stream.DISASTER, 0.60, 1.0),
    AIR_QUALITY(2, Stream.DISASTER, 0.30, 1.0),
    FLOOD(2, Stream.DISASTER, 0.70, 1.0);

    private final int fieldId;
    private final Stream stream;
    private final double importance;
    private final double weight;

    EventType(int fieldId, Stream stream, double importance, double weight) {
        this.fieldId = fieldId;
        this.stream = stream;
        this.importance = importance;
        this.weight = weight;
    }

    /** The design's field id: F26 accident, F50 violence, F51 weapon, F61 fire, F70 earthquake, F2 others. */
    public int fieldId() {
        return fieldId;
    }

    public Stream stream() {
        return stream;
    }

    /** Default importance 0..1 (configurable in the scoring profile). */
    public double importance() {
        return importance;
    }

    /** Default multiplier applied to importance. */
    public double weight() {
        return weight;
    }

    /** Which generator produces it. */
    public enum Stream {
        TRAFFIC, SECURITY, DISASTER
    }
}
