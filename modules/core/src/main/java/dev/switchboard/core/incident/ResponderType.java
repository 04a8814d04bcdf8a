package dev.switchboard.core.incident;

/**
 * The kinds of unit a dispatcher can send, shared by the capabilities that dispatch (the call console) and the
 * one that moves units (the control room).
 */
public enum ResponderType {
    POLICE,
    SWAT,
    FIRE,
    AMBULANCE,
    TRAFFIC_CONTROL
}
