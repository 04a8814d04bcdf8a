package dev.switchboard.studio.model.fraud;

/**
 * One simulated (or imported) transaction, in PaySim's layout plus the device and the crypto asset.
 *
 * @param timeMs       simulated time, milliseconds since the simulation began
 * @param origin       the paying account's number
 * @param destination  the receiving account's or merchant's number ({@code merchant} says which)
 * @param device       the device the payer used
 * @param asset        the token traded, or -1 for money movements
 * @param pattern      the injected fraud, {@link FraudPattern#NONE} when legitimate
 */
public record Transaction(long id, long timeMs, TransactionType type, double amount, int origin,
                          double oldBalanceOrigin, double newBalanceOrigin, int destination, boolean merchant,
                          double oldBalanceDestination, double newBalanceDestination, int device, int asset,
                          FraudPattern pattern) {

    public boolean fraud() {
        return pattern != FraudPattern.NONE;
    }

    /** The payer as a person reads it: {@code C000123}. */
    public String originName() {
        return String.format("C%06d", origin);
    }

    /** The receiver: {@code M00042} for a merchant, {@code C000123} for an account. */
    public String destinationName() {
        return merchant ? String.format("M%05d", destination) : String.format("C%06d", destination);
    }
}
