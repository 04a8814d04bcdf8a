package dev.switchboard.studio.model.fraud;

/** What the connection-log simulator injects; {@link #NONE} for ordinary traffic. */
public enum NetworkAttack {
    NONE,
    /** Many failed logins from one source. */
    BRUTE_FORCE,
    /** Connections to many ports of many hosts. */
    PORT_SCAN,
    /** A large upload over an unusual port at night. */
    EXFILTRATION
}
