package dev.switchboard.studio.model.fraud;

/** The kinds of transaction the simulator makes, PaySim's plus two on a crypto exchange. */
public enum TransactionType {
    PAYMENT,
    TRANSFER,
    CASH_OUT,
    CASH_IN,
    DEBIT,
    CRYPTO_BUY,
    CRYPTO_SELL
}
