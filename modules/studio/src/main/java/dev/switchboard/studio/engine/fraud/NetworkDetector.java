package dev.switchboard.studio.engine.fraud;

import dev.switchboard.studio.model.fraud.ConnectionWindow;
import dev.switchboard.studio.model.fraud.NetworkAttack;
import dev.switchboard.studio.model.fraud.Reason;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Network anomaly detection over connection logs: an isolation forest trained without labels on a stretch of the
 * site's traffic (attacks included, as they would be), alerting above the score that only the top
 * {@link #ALERT_SHARE} of that traffic reached. Reasons are the features furthest from their median in units of
 * the median absolute deviation. Thread-safe once built.
 */
public final class NetworkDetector {

    /** Share of host-minutes the threshold lets through on the training traffic. */
    public static final double ALERT_SHARE = 0.005;

    private final IsolationForest forest;
    private final double threshold;
    private final double[] median;
    private final double[] spread;

    private NetworkDetector(IsolationForest forest, double threshold, double[] median, double[] spread) {
        this.forest = forest;
        this.threshold = threshold;
        this.median = median;
        this.spread = spread;
    }

    /** Trains on {@code windows} host-minutes of the simulator with {@code seed}. */
    public static NetworkDetector train(long seed, int hosts, int windows) {
        ConnectionSimulator sim = new ConnectionSimulator(seed, hosts, 0.002);
        double[][] rows = new double[windows][];
        for (int i = 0; i < windows; i++) {
            rows[i] = sim.next().features();
        }
        IsolationForest forest = IsolationForest.train(rows, 100, 256, seed);
        double[] scores = new double[windows];
        for (int i = 0; i < windows; i++) {
            scores[i] = forest.score(rows[i]);
        }
        Arrays.sort(scores);
        double threshold = scores[Math.min(windows - 1, (int) Math.floor(windows * (1 - ALERT_SHARE)))];
        int width = rows[0].length;
        double[] median = new double[width];
        double[] spread = new double[width];
        double[] column = new double[windows];
        for (int k = 0; k < width; k++) {
            for (int i = 0; i < windows; i++) {
                column[i] = rows[i][k];
            }
            Arrays.sort(column);
            median[k] = column[windows / 2];
            for (int i = 0; i < windows; i++) {
                column[i] = Math.abs(rows[i][k] - median[k]);
            }
            Arrays.sort(column);
            spread[k] = Math.max(column[windows / 2], 0.1);
        }
        return new NetworkDetector(forest, threshold, median, spread);
    }

    public double threshold() {
        return threshold;
    }

    public double score(ConnectionWindow w) {
        return forest.score(w.features());
    }

    /** The features of {@code w} furthest from usual, at most {@code limit}. */
    public List<Reason> reasons(ConnectionWindow w, int limit) {
        double[] x = w.features();
        List<Reason> out = new ArrayList<>();
        for (int k = 0; k < x.length; k++) {
            double z = (x[k] - median[k]) / spread[k];
            if (Math.abs(z) >= 3) {
                out.add(new Reason(ConnectionWindow.FEATURES[k], raw(w, k), Math.expm1(median[k]), Math.abs(z)));
            }
        }
        out.sort(Comparator.comparingDouble(Reason::scoreDrop).reversed());
        return out.size() > limit ? List.copyOf(out.subList(0, limit)) : out;
    }

    private static double raw(ConnectionWindow w, int k) {
        return switch (k) {
            case 0 -> w.connections();
            case 1 -> w.failedLogins();
            case 2 -> w.distinctPorts();
            case 3 -> w.distinctHosts();
            case 4 -> w.unusualPorts();
            case 5 -> w.bytesOut();
            case 6 -> w.bytesIn();
            default -> (w.minute() / 60.0) % 24;
        };
    }

    /** Whether a window of {@code attack} was (true) or was not an injected attack, for the live tally. */
    static boolean isAttack(ConnectionWindow w) {
        return w.attack() != NetworkAttack.NONE;
    }
}
