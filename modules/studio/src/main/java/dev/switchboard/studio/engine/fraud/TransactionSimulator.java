package dev.switchboard.studio.engine.fraud;

import dev.switchboard.studio.model.fraud.FraudPattern;
import dev.switchboard.studio.model.fraud.Transaction;
import dev.switchboard.studio.model.fraud.TransactionType;
import java.util.Iterator;
import java.util.PriorityQueue;
import java.util.SplittableRandom;

/**
 * A transaction stream in the style of PaySim (Lopez-Rojas et al., 2016): customers with balances and habits pay
 * merchants, move money to their contacts, cash in and out and trade tokens; fraud episodes are injected among
 * them (account takeover, card testing, mule chains, wash trading, pump-and-dump) with legitimate look-alikes
 * (new phones, large transfers, coffee runs, day traders) so the patterns are learnable but not trivial. The same
 * seed gives the same stream. Not thread-safe.
 */
public final class TransactionSimulator implements Iterator<Transaction> {

    /** How the simulated world is set up. */
    public record Config(long seed, int accounts, int merchants, int assets, double transactionsPerSecond,
                         double episodeRate) {

        public Config {
            if (accounts < 100 || merchants < 10 || assets < 2 || transactionsPerSecond <= 0 || episodeRate < 0
                    || episodeRate > 0.05) {
                throw new IllegalArgumentException("at least 100 accounts, 10 merchants, 2 assets; a positive rate;"
                        + " an episode rate within 0..0.05");
            }
        }

        /** 20,000 customers, 2,000 merchants, 20 tokens, 20 transactions a simulated second, 0.1 % episodes. */
        public static Config standard(long seed) {
            return new Config(seed, 20_000, 2_000, 20, 20, 0.001);
        }
    }

    private static final TransactionType[] TYPES = TransactionType.values();
    private static final double[] TYPE_SHARE = {0.45, 0.10, 0.14, 0.15, 0.06, 0.05, 0.05};

    private final Config config;
    private final SplittableRandom random;
    private final double[] balance;
    private final double[] typicalLogAmount;
    private final int[][] contacts;
    private final PriorityQueue<Pending> pending = new PriorityQueue<>();
    private long nextId;
    private double clockMs;
    private long pendingSequence;
    private int nextNewDevice;

    public TransactionSimulator(Config config) {
        this.config = config;
        this.random = new SplittableRandom(config.seed());
        int n = config.accounts();
        balance = new double[n];
        typicalLogAmount = new double[n];
        contacts = new int[n][];
        for (int a = 0; a < n; a++) {
            typicalLogAmount[a] = 3.0 + random.nextGaussian() * 0.9;
            balance[a] = Math.exp(typicalLogAmount[a] + 2 + random.nextGaussian());
            contacts[a] = new int[] {random.nextInt(n), random.nextInt(n), random.nextInt(n)};
        }
        nextNewDevice = 2 * n;
    }

    public Config config() {
        return config;
    }

    @Override
    public boolean hasNext() {
        return true;
    }

    @Override
    public Transaction next() {
        double nextNormal = clockMs - Math.log(1 - random.nextDouble()) * 1000 / config.transactionsPerSecond();
        Pending first = pending.peek();
        if (first != null && first.timeMs <= nextNormal) {
            pending.poll();
            clockMs = Math.max(clockMs, first.timeMs);
            return make(first.type, first.amount, first.origin, first.destination, first.merchant, first.device,
                    first.asset, first.pattern);
        }
        clockMs = nextNormal;
        if (random.nextDouble() < config.episodeRate()) {
            startEpisode();
        }
        return normal();
    }

    private Transaction normal() {
        int a = random.nextInt(config.accounts());
        TransactionType type = pickType();
        double amount = Math.exp(typicalLogAmount[a] + random.nextGaussian() * 0.6);
        int device = 2 * a + (random.nextDouble() < 0.05 ? 1 : 0);
        if (random.nextDouble() < 0.003) {
            device = nextNewDevice++;
        }
        switch (type) {
            case PAYMENT -> {
                if (random.nextDouble() < 0.01) {
                    // A coffee run: several small payments close together, legitimate.
                    for (int k = 1; k <= 2 + random.nextInt(3); k++) {
                        schedule(k * 60_000L * (1 + random.nextInt(5)), TransactionType.PAYMENT,
                                2 + random.nextDouble() * 4, a, random.nextInt(config.merchants()), true, device, -1,
                                FraudPattern.NONE);
                    }
                }
                return make(type, amount, a, random.nextInt(config.merchants()), true, device, -1, FraudPattern.NONE);
            }
            case TRANSFER -> {
                int to = random.nextDouble() < 0.85 ? contacts[a][random.nextInt(3)]
                        : random.nextInt(config.accounts());
                if (random.nextDouble() < 0.02) {
                    amount = balance[a] * (0.7 + 0.3 * random.nextDouble());
                }
                return make(type, amount, a, to, false, device, -1, FraudPattern.NONE);
            }
            case CRYPTO_BUY, CRYPTO_SELL -> {
                int asset = random.nextInt(config.assets());
                int counterparty = random.nextInt(config.accounts());
                if (random.nextDouble() < 0.05) {
                    // A day trader closing the position soon after, legitimate.
                    schedule(60_000L * (1 + random.nextInt(20)), type == TransactionType.CRYPTO_BUY
                            ? TransactionType.CRYPTO_SELL : TransactionType.CRYPTO_BUY,
                            amount * (0.9 + 0.2 * random.nextDouble()), a, random.nextInt(config.accounts()), false,
                            device, asset, FraudPattern.NONE);
                }
                return make(type, amount, a, counterparty, false, device, asset, FraudPattern.NONE);
            }
            default -> {
                return make(type, amount, a, random.nextInt(config.merchants()), true, device, -1, FraudPattern.NONE);
            }
        }
    }

    private void startEpisode() {
        int kind = random.nextInt(5);
        int victim = random.nextInt(config.accounts());
        int mule = random.nextInt(config.accounts());
        switch (kind) {
            case 0 -> {
                int device = nextNewDevice++;
                double amount = Math.max(balance[victim], 50) * (0.6 + 0.4 * random.nextDouble());
                long t = 30_000L + random.nextInt(300_000);
                schedule(t, TransactionType.TRANSFER, amount, victim, mule, false, device, -1,
                        FraudPattern.ACCOUNT_TAKEOVER);
                schedule(t + 60_000L + random.nextInt(900_000), TransactionType.CASH_OUT, amount * 0.98, mule,
                        random.nextInt(config.merchants()), true, 2 * mule, -1, FraudPattern.ACCOUNT_TAKEOVER);
            }
            case 1 -> {
                int device = random.nextDouble() < 0.5 ? 2 * victim : nextNewDevice++;
                long t = 0;
                int probes = 5 + random.nextInt(10);
                for (int k = 0; k < probes; k++) {
                    t += 5_000L + random.nextInt(40_000);
                    schedule(t, TransactionType.PAYMENT, 0.5 + random.nextDouble() * 2.5, victim,
                            random.nextInt(config.merchants()), true, device, -1, FraudPattern.CARD_TESTING);
                }
                schedule(t + 60_000L + random.nextInt(600_000), TransactionType.PAYMENT,
                        Math.exp(typicalLogAmount[victim] + 2 + random.nextDouble()), victim,
                        random.nextInt(config.merchants()), true, device, -1, FraudPattern.CARD_TESTING);
            }
            case 2 -> {
                double amount = 500 + random.nextDouble() * 4500;
                int from = victim;
                long t = 0;
                int hops = 3 + random.nextInt(3);
                for (int k = 0; k < hops; k++) {
                    int to = random.nextInt(config.accounts());
                    t += 60_000L + random.nextInt(1_200_000);
                    schedule(t, TransactionType.TRANSFER, amount, from, to, false, 2 * from, -1,
                            FraudPattern.MULE_CHAIN);
                    amount *= 0.97 + 0.02 * random.nextDouble();
                    from = to;
                }
                schedule(t + 60_000L + random.nextInt(600_000), TransactionType.CASH_OUT, amount, from,
                        random.nextInt(config.merchants()), true, 2 * from, -1, FraudPattern.MULE_CHAIN);
            }
            case 3 -> {
                int asset = random.nextInt(config.assets());
                double amount = 200 + random.nextDouble() * 3000;
                long t = 0;
                int trades = 6 + random.nextInt(8);
                for (int k = 0; k < trades; k++) {
                    t += 10_000L + random.nextInt(90_000);
                    boolean even = k % 2 == 0;
                    schedule(t, even ? TransactionType.CRYPTO_BUY : TransactionType.CRYPTO_SELL,
                            amount * (0.98 + 0.04 * random.nextDouble()), even ? victim : mule, even ? mule : victim,
                            false, 2 * (even ? victim : mule), asset, FraudPattern.WASH_TRADING);
                }
            }
            default -> {
                int asset = random.nextInt(config.assets());
                long t = 0;
                int puppets = 10 + random.nextInt(15);
                for (int k = 0; k < puppets; k++) {
                    t += 2_000L + random.nextInt(15_000);
                    int puppet = random.nextInt(config.accounts());
                    schedule(t, TransactionType.CRYPTO_BUY, 50 + random.nextDouble() * 400, puppet, victim, false,
                            2 * puppet, asset, FraudPattern.PUMP_AND_DUMP);
                }
                for (int k = 0; k < 3; k++) {
                    t += 5_000L + random.nextInt(30_000);
                    schedule(t, TransactionType.CRYPTO_SELL, 2000 + random.nextDouble() * 8000, victim,
                            random.nextInt(config.accounts()), false, 2 * victim, asset, FraudPattern.PUMP_AND_DUMP);
                }
            }
        }
    }

    private TransactionType pickType() {
        double u = random.nextDouble();
        for (int i = 0; i < TYPES.length; i++) {
            u -= TYPE_SHARE[i];
            if (u <= 0) {
                return TYPES[i];
            }
        }
        return TransactionType.PAYMENT;
    }

    private void schedule(long afterMs, TransactionType type, double amount, int origin, int destination,
                          boolean merchant, int device, int asset, FraudPattern pattern) {
        pending.add(new Pending(clockMs + afterMs, pendingSequence++, type, amount, origin, destination, merchant,
                device, asset, pattern));
    }

    private Transaction make(TransactionType type, double amount, int origin, int destination, boolean merchant,
                             int device, int asset, FraudPattern pattern) {
        double amountRounded = Math.round(amount * 100) / 100.0;
        double oldOrigin = balance[origin];
        double newOrigin;
        if (type == TransactionType.CASH_IN || type == TransactionType.CRYPTO_SELL) {
            newOrigin = oldOrigin + amountRounded;
        } else {
            newOrigin = Math.max(0, oldOrigin - amountRounded);
        }
        balance[origin] = newOrigin;
        double oldDestination = merchant ? 0 : balance[destination];
        double newDestination = oldDestination;
        if (!merchant && type == TransactionType.TRANSFER) {
            newDestination = oldDestination + amountRounded;
            balance[destination] = newDestination;
        }
        return new Transaction(nextId++, (long) clockMs, type, amountRounded, origin, oldOrigin, newOrigin,
                destination, merchant, oldDestination, newDestination, device, asset, pattern);
    }

    /** A transaction an episode has planned for later. */
    private record Pending(double timeMs, long sequence, TransactionType type, double amount, int origin,
                           int destination, boolean merchant, int device, int asset, FraudPattern pattern)
            implements Comparable<Pending> {

        @Override
        public int compareTo(Pending o) {
            int c = Double.compare(timeMs, o.timeMs);
            return c != 0 ? c : Long.compare(sequence, o.sequence);
        }
    }
}
