package dev.switchboard.studio.model.fraud;

/** The fraud the simulator injects; {@link #NONE} for a legitimate transaction. */
public enum FraudPattern {
    NONE,
    /** A stolen login on a new device drains the account to a mule, who cashes out. */
    ACCOUNT_TAKEOVER,
    /** Many tiny payments with a stolen card at different merchants, then a large one. */
    CARD_TESTING,
    /** Money passed quickly through a chain of accounts and cashed out at the end. */
    MULE_CHAIN,
    /** Two colluding accounts trade a token back and forth to fake volume. */
    WASH_TRADING,
    /** Puppet accounts buy a thin token in a burst; the organiser sells into it. */
    PUMP_AND_DUMP
}
