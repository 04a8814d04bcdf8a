package dev.switchboard.studio.model.fraud;

/** Where an alert comes from. */
public enum AlertKind {
    /** A payment or trade the fraud model scored above its threshold. */
    TRANSACTION,
    /** A host-minute of connection logs the isolation forest found anomalous. */
    NETWORK
}
