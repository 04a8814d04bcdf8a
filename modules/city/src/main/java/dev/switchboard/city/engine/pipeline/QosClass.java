package dev.switchboard.city.engine.pipeline;

import dev.switchboard.city.model.EventType;

/**
 * Quality-of-service class of a record, in routing priority order (first is scored first): commands to
 * units, alerts (accidents, violence, weapons, fire, earthquakes, floods, gatherings), responses from
 * units and sensors, and routine telemetry (flow, congestion, air quality, loitering).
 */
public enum QosClass {
    COMMAND, ALERT, RESPONSE, TELEMETRY;

    private static final QosClass[] BY_TYPE = new QosClass[EventType.values().length];

    static {
        for (EventType t : EventType.values()) {
            BY_TYPE[t.ordinal()] = switch (t) {
                case TRAFFIC_FLOW, CONGESTION, AIR_QUALITY, LOITERING -> TELEMETRY;
                default -> ALERT;
            };
        }
    }

    /** The class of a valid record: the command/response flags first, otherwise by type. */
    public static QosClass of(EventType type, byte flags) {
        if ((flags & EventBatch.FLAG_COMMAND) != 0) {
            return COMMAND;
        }
        if ((flags & EventBatch.FLAG_RESPONSE) != 0) {
            return RESPONSE;
        }
        return BY_TYPE[type.ordinal()];
    }

    /** The class of a sensor event of this type that carries neither command nor response flag. */
    public static QosClass of(EventType type) {
        return BY_TYPE[type.ordinal()];
    }
}
