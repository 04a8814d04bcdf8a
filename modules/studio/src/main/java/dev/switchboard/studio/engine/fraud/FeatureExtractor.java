package dev.switchboard.studio.engine.fraud;

import dev.switchboard.studio.model.fraud.Transaction;
import dev.switchboard.studio.model.fraud.TransactionType;
import java.util.Arrays;

/**
 * Turns a time-ordered transaction stream into model inputs, keeping per-account state in primitive arrays (no
 * maps, no boxing: the live stream scores tens of thousands a second). A transaction's features use only the
 * transactions before it. Not thread-safe; one extractor per stream.
 */
public final class FeatureExtractor {

    /** The feature names, in row order, as the model, the importance list and the reasons show them. */
    public static final String[] NAMES = {"type_transfer", "type_cash_out", "type_payment", "type_crypto_buy",
        "type_crypto_sell", "log_amount", "share_of_balance", "amount_vs_usual", "log_seconds_since_last",
        "velocity_10min", "small_payments_10min", "new_device", "new_counterparty", "pass_through",
        "log_seconds_since_incoming", "destination_empty", "hour_sin", "hour_cos", "reciprocal_trade",
        "token_buy_burst", "log_history"};

    private static final double TEN_MINUTES = 600_000;
    private static final double HALF_HOUR = 1_800_000;
    private static final double THREE_MINUTES = 180_000;
    private static final int RECENT = 4;

    private long[] lastTime;
    private double[] velocity;
    private double[] smallVelocity;
    private long[] velocityTime;
    private double[] meanLogAmount;
    private int[] history;
    private int[] extraDevice;
    private int[] recent;
    private double[] incoming;
    private long[] incomingTime;
    private int[] tradeCounterparty;
    private int[] tradeAsset;
    private long[] tradeTime;
    private double[] tokenBuys = new double[64];
    private long[] tokenBuysTime = new long[64];

    public FeatureExtractor() {
        grow(1024);
    }

    /** The features of {@code tx}, then remembers it. */
    public double[] next(Transaction tx) {
        double[] row = new double[NAMES.length];
        next(tx, row);
        return row;
    }

    /** Writes the features of {@code tx} into {@code row}, then remembers it. */
    public void next(Transaction tx, double[] row) {
        int a = tx.origin();
        int d = tx.merchant() ? -1 : tx.destination();
        ensure(Math.max(a, d) + 1);
        long t = tx.timeMs();
        TransactionType type = tx.type();
        double amount = tx.amount();
        double logAmount = Math.log1p(amount);
        Arrays.fill(row, 0);
        row[0] = type == TransactionType.TRANSFER ? 1 : 0;
        row[1] = type == TransactionType.CASH_OUT ? 1 : 0;
        row[2] = type == TransactionType.PAYMENT ? 1 : 0;
        row[3] = type == TransactionType.CRYPTO_BUY ? 1 : 0;
        row[4] = type == TransactionType.CRYPTO_SELL ? 1 : 0;
        row[5] = logAmount;
        row[6] = tx.oldBalanceOrigin() > 0 ? Math.min(amount / tx.oldBalanceOrigin(), 10) : 10;
        row[7] = history[a] > 0 ? logAmount - meanLogAmount[a] : 0;
        row[8] = lastTime[a] >= 0 ? Math.log1p((t - lastTime[a]) / 1000.0) : 12;
        double decay = velocityTime[a] >= 0 ? Math.exp(-(t - velocityTime[a]) / TEN_MINUTES) : 0;
        row[9] = velocity[a] * decay;
        row[10] = smallVelocity[a] * decay;
        int device = tx.device();
        row[11] = device == 2 * a || device == 2 * a + 1 || device == extraDevice[a] ? 0 : 1;
        boolean known = false;
        if (d >= 0) {
            for (int k = 0; k < RECENT; k++) {
                known |= recent[a * RECENT + k] == d;
            }
        }
        row[12] = d >= 0 && !known && history[a] > 0 ? 1 : 0;
        double in = incomingTime[a] >= 0 ? incoming[a] * Math.exp(-(t - incomingTime[a]) / HALF_HOUR) : 0;
        row[13] = amount > 0 ? Math.min(in / amount, 5) : 0;
        row[14] = incomingTime[a] >= 0 ? Math.log1p((t - incomingTime[a]) / 1000.0) : 12;
        row[15] = d >= 0 && tx.oldBalanceDestination() == 0 ? 1 : 0;
        double hour = (t / 3_600_000.0) % 24;
        row[16] = Math.sin(2 * Math.PI * hour / 24);
        row[17] = Math.cos(2 * Math.PI * hour / 24);
        int asset = tx.asset();
        if (asset >= 0 && d >= 0) {
            boolean reciprocal = tradeCounterparty[d] == a && tradeAsset[d] == asset && t - tradeTime[d] < HALF_HOUR
                    || tradeCounterparty[a] == d && tradeAsset[a] == asset && t - tradeTime[a] < HALF_HOUR;
            row[18] = reciprocal ? 1 : 0;
            ensureToken(asset + 1);
            row[19] = tokenBuys[asset] * Math.exp(-(t - tokenBuysTime[asset]) / THREE_MINUTES);
        }
        row[20] = Math.log1p(history[a]);

        // Remember.
        velocity[a] = velocity[a] * decay + 1;
        smallVelocity[a] = smallVelocity[a] * decay + (type == TransactionType.PAYMENT && amount < 5 ? 1 : 0);
        velocityTime[a] = t;
        meanLogAmount[a] = history[a] == 0 ? logAmount : 0.9 * meanLogAmount[a] + 0.1 * logAmount;
        history[a]++;
        lastTime[a] = t;
        if (row[11] == 1) {
            extraDevice[a] = device;
        }
        if (d >= 0) {
            recent[a * RECENT + (history[a] % RECENT)] = d;
            if (type == TransactionType.TRANSFER) {
                double before = incomingTime[d] >= 0 ? incoming[d] * Math.exp(-(t - incomingTime[d]) / HALF_HOUR) : 0;
                incoming[d] = before + amount;
                incomingTime[d] = t;
            }
        }
        if (asset >= 0 && d >= 0) {
            tradeCounterparty[a] = d;
            tradeAsset[a] = asset;
            tradeTime[a] = t;
            if (type == TransactionType.CRYPTO_BUY) {
                tokenBuys[asset] = row[19] + 1;
                tokenBuysTime[asset] = t;
            }
        }
    }

    private void ensure(int accounts) {
        if (accounts > lastTime.length) {
            grow(Math.max(accounts, lastTime.length * 2));
        }
    }

    private void ensureToken(int assets) {
        if (assets > tokenBuys.length) {
            int n = Math.max(assets, tokenBuys.length * 2);
            tokenBuys = Arrays.copyOf(tokenBuys, n);
            tokenBuysTime = Arrays.copyOf(tokenBuysTime, n);
        }
    }

    private void grow(int n) {
        lastTime = grow(lastTime, n, -1L);
        velocity = velocity == null ? new double[n] : Arrays.copyOf(velocity, n);
        smallVelocity = smallVelocity == null ? new double[n] : Arrays.copyOf(smallVelocity, n);
        velocityTime = grow(velocityTime, n, -1L);
        meanLogAmount = meanLogAmount == null ? new double[n] : Arrays.copyOf(meanLogAmount, n);
        history = history == null ? new int[n] : Arrays.copyOf(history, n);
        extraDevice = grow(extraDevice, n, -1);
        recent = grow(recent, n * RECENT, -1);
        incoming = incoming == null ? new double[n] : Arrays.copyOf(incoming, n);
        incomingTime = grow(incomingTime, n, -1L);
        tradeCounterparty = grow(tradeCounterparty, n, -1);
        tradeAsset = grow(tradeAsset, n, -1);
        tradeTime = grow(tradeTime, n, -1L);
    }

    private static long[] grow(long[] a, int n, long fill) {
        int old = a == null ? 0 : a.length;
        long[] out = a == null ? new long[n] : Arrays.copyOf(a, n);
        Arrays.fill(out, old, n, fill);
        return out;
    }

    private static int[] grow(int[] a, int n, int fill) {
        int old = a == null ? 0 : a.length;
        int[] out = a == null ? new int[n] : Arrays.copyOf(a, n);
        Arrays.fill(out, old, n, fill);
        return out;
    }
}
