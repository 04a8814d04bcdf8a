package dev.switchboard.studio.engine.fraud;

import dev.switchboard.studio.model.fraud.Alert;
import dev.switchboard.studio.model.fraud.AlertKind;
import dev.switchboard.studio.model.fraud.ConnectionWindow;
import dev.switchboard.studio.model.fraud.Transaction;
import dev.switchboard.studio.model.fraud.TransactionType;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import org.HdrHistogram.Histogram;

/**
 * The live feed: the simulator streams transactions (and connection logs), the model scores each, and what scores
 * above the threshold goes to the {@link AlertDesk} with its reasons. Transactions are scored in small batches;
 * each one's latency runs from when it was made to when its score is known. Runs on its own thread
 * ({@link #start}) or on the caller's ({@link #runFor}).
 */
public final class FraudStream implements AutoCloseable {

    /**
     * How the stream runs.
     *
     * @param transactionsPerSecond wall-clock pace, or 0 for as fast as the machine goes
     * @param batch                 transactions scored together
     * @param windowsPerBatch       connection-log host-minutes scored with each batch (0 for none)
     */
    public record Settings(long seed, double transactionsPerSecond, int batch, int windowsPerBatch) {

        public Settings {
            if (batch < 1 || transactionsPerSecond < 0 || windowsPerBatch < 0) {
                throw new IllegalArgumentException("batch must be at least 1, the pace and windows not negative");
            }
        }
    }

    /** What the stream has done so far. */
    public record Stats(long transactions, long windows, long alerts, long fraudSeen, long fraudAlerted,
                        long alertsOnFraud, double seconds, double p50Micros, double p99Micros, double maxMicros) {

        public double perSecond() {
            return seconds > 0 ? transactions / seconds : 0;
        }

        /** Share of alerts that were fraud (the simulator knows). */
        public double precision() {
            return alerts > 0 ? (double) alertsOnFraud / alerts : Double.NaN;
        }

        /** Share of fraud that raised an alert. */
        public double recall() {
            return fraudSeen > 0 ? (double) fraudAlerted / fraudSeen : Double.NaN;
        }
    }

    private final FraudModel model;
    private final NetworkDetector network;
    private final AlertDesk desk;
    private final Settings settings;
    private final TransactionSimulator transactions;
    private final ConnectionSimulator connections;
    private final FeatureExtractor features = new FeatureExtractor();
    private final Histogram latency = new Histogram(3_600_000_000L, 3);
    private final Transaction[] pending;
    private final long[] madeAt;
    private final float[] rows;
    private final double[] row = new double[FeatureExtractor.NAMES.length];
    private long started;
    private long count;
    private long windows;
    private long alerts;
    private long fraudSeen;
    private long fraudAlerted;
    private long alertsOnFraud;
    private volatile boolean running;
    private Thread thread;

    /**
     * @param network the network detector, or null for transactions only
     */
    public FraudStream(FraudModel model, NetworkDetector network, AlertDesk desk, Settings settings) {
        this.model = Objects.requireNonNull(model, "model");
        this.network = network;
        this.desk = Objects.requireNonNull(desk, "desk");
        this.settings = settings;
        this.transactions = new TransactionSimulator(TransactionSimulator.Config.standard(settings.seed()));
        this.connections = new ConnectionSimulator(settings.seed() + 1, 400, 0.002);
        this.pending = new Transaction[settings.batch()];
        this.madeAt = new long[settings.batch()];
        this.rows = new float[settings.batch() * FeatureExtractor.NAMES.length];
    }

    /** Streams on the calling thread for {@code duration}, then returns the figures. */
    public Stats runFor(Duration duration) {
        running = true;
        started = System.nanoTime();
        long end = started + duration.toNanos();
        while (running && System.nanoTime() < end) {
            step();
        }
        running = false;
        return stats();
    }

    /** Streams on a daemon thread until {@link #close}. */
    public synchronized void start() {
        if (thread != null) {
            return;
        }
        running = true;
        started = System.nanoTime();
        thread = Thread.ofPlatform().daemon().name("fraud-stream").start(() -> {
            while (running) {
                step();
            }
        });
    }

    public boolean running() {
        return running;
    }

    /** Stops the stream and waits for its thread. */
    @Override
    public void close() {
        running = false;
        Thread t;
        synchronized (this) {
            t = thread;
            thread = null;
        }
        if (t != null) {
            try {
                t.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    public synchronized Stats stats() {
        double seconds = started == 0 ? 0 : (System.nanoTime() - started) / 1e9;
        return new Stats(count, windows, alerts, fraudSeen, fraudAlerted, alertsOnFraud, seconds,
                latency.getValueAtPercentile(50) / 1000.0, latency.getValueAtPercentile(99) / 1000.0,
                latency.getMaxValue() / 1000.0);
    }

    private void step() {
        int b = settings.batch();
        int width = FeatureExtractor.NAMES.length;
        if (settings.transactionsPerSecond() > 0) {
            // Pace: the first transaction of this batch is due when the ones before it would have been.
            long due = started + (long) (count / settings.transactionsPerSecond() * 1e9);
            long wait = due - System.nanoTime();
            if (wait > 0) {
                sleep(wait);
            }
        }
        for (int i = 0; i < b; i++) {
            Transaction tx = transactions.next();
            madeAt[i] = System.nanoTime();
            pending[i] = tx;
            features.next(tx, row);
            for (int k = 0; k < width; k++) {
                rows[i * width + k] = (float) row[k];
            }
        }
        double[] p = model.probabilities(rows, 0, b);
        long scored = System.nanoTime();
        synchronized (this) {
            for (int i = 0; i < b; i++) {
                latency.recordValue(Math.max(0, scored - madeAt[i]));
                Transaction tx = pending[i];
                boolean alert = p[i] >= model.threshold();
                fraudSeen += tx.fraud() ? 1 : 0;
                if (alert) {
                    alerts++;
                    alertsOnFraud += tx.fraud() ? 1 : 0;
                    fraudAlerted += tx.fraud() ? 1 : 0;
                }
            }
            count += b;
        }
        for (int i = 0; i < b; i++) {
            if (p[i] >= model.threshold()) {
                Transaction tx = pending[i];
                for (int k = 0; k < width; k++) {
                    row[k] = rows[i * width + k];
                }
                desk.raise(new Alert("T" + tx.id(), AlertKind.TRANSACTION, tx.timeMs(), tx.originName(),
                        describe(tx), p[i], model.reasons(row, 3), tx.pattern().name(), null));
            }
        }
        if (network != null) {
            for (int k = 0; k < settings.windowsPerBatch(); k++) {
                ConnectionWindow w = connections.next();
                double score = network.score(w);
                synchronized (this) {
                    windows++;
                }
                if (score >= network.threshold()) {
                    desk.raise(new Alert("N" + w.minute() + "-" + w.source(), AlertKind.NETWORK, w.minute() * 60_000,
                            w.sourceName(), describe(w), score, network.reasons(w, 3), w.attack().name(), null));
                    synchronized (this) {
                        alerts++;
                    }
                }
            }
        }
    }

    /** A transaction in words. */
    static String describe(Transaction tx) {
        String amount = String.format(Locale.ROOT, "%,.2f", tx.amount());
        return switch (tx.type()) {
            case PAYMENT -> "Payment of " + amount + " to merchant " + tx.destinationName();
            case TRANSFER -> "Transfer of " + amount + " to " + tx.destinationName();
            case CASH_OUT -> "Cash-out of " + amount;
            case CASH_IN -> "Cash-in of " + amount;
            case DEBIT -> "Debit of " + amount;
            case CRYPTO_BUY, CRYPTO_SELL -> (tx.type() == TransactionType.CRYPTO_BUY ? "Bought " : "Sold ") + amount
                    + " of token " + (tx.asset() + 1) + " with " + tx.destinationName();
        };
    }

    static String describe(ConnectionWindow w) {
        return String.format(Locale.ROOT, "%d connections, %d failed logins, %d ports, %d hosts, %,.0f bytes out in "
                + "one minute", w.connections(), w.failedLogins(), w.distinctPorts(), w.distinctHosts(), w.bytesOut());
    }

    private static void sleep(long nanos) {
        try {
            Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
