package dev.switchboard.studio.model.predict;

import java.util.Arrays;
import java.util.Objects;

/**
 * A series of OHLCV bars of one market, oldest first, held as parallel arrays (a series of 100,000 bars would be
 * 100,000 objects otherwise). The arrays are shared, not copied: nobody writes into them after construction.
 *
 * @param symbol     the market, e.g. {@code BTC-USD}
 * @param barSeconds the length of one bar in seconds (60, 300, 900, 3600, 86400)
 * @param source     where the bars come from, in words ("Bitstamp trades 2013-11-25..12-01, bundled with ta4j")
 * @param times      each bar's start, epoch seconds, strictly increasing
 */
public record PriceSeries(String symbol, int barSeconds, String source, long[] times, double[] open, double[] high,
                          double[] low, double[] close, double[] volume) {

    public PriceSeries {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(source, "source");
        int n = times.length;
        if (open.length != n || high.length != n || low.length != n || close.length != n || volume.length != n) {
            throw new IllegalArgumentException("the bar arrays differ in length");
        }
        if (barSeconds <= 0) {
            throw new IllegalArgumentException("barSeconds must be positive, was " + barSeconds);
        }
        for (int i = 1; i < n; i++) {
            if (times[i] <= times[i - 1]) {
                throw new IllegalArgumentException("bar times must increase strictly (bar " + i + ")");
            }
        }
    }

    public int size() {
        return times.length;
    }

    /** The first {@code n} bars (copies), what was known at the close of bar {@code n - 1}. */
    public PriceSeries head(int n) {
        if (n < 0 || n > size()) {
            throw new IndexOutOfBoundsException("head " + n + " of " + size());
        }
        return new PriceSeries(symbol, barSeconds, source, Arrays.copyOf(times, n), Arrays.copyOf(open, n),
                Arrays.copyOf(high, n), Arrays.copyOf(low, n), Arrays.copyOf(close, n), Arrays.copyOf(volume, n));
    }

    /** The same bars with another source description. */
    public PriceSeries withSource(String newSource) {
        return new PriceSeries(symbol, barSeconds, newSource, times, open, high, low, close, volume);
    }

    /** The bar length as people write it: 1m, 5m, 15m, 1h, 1d. */
    public String barLabel() {
        return barLabel(barSeconds);
    }

    /** {@code 300} → {@code 5m}. */
    public static String barLabel(int seconds) {
        if (seconds % 86_400 == 0) {
            return seconds / 86_400 + "d";
        }
        if (seconds % 3600 == 0) {
            return seconds / 3600 + "h";
        }
        if (seconds % 60 == 0) {
            return seconds / 60 + "m";
        }
        return seconds + "s";
    }

    /** {@code 5m} → {@code 300}; throws IllegalArgumentException for anything else. */
    public static int parseBar(String label) {
        String s = label == null ? "" : label.strip().toLowerCase(java.util.Locale.ROOT);
        if (s.length() < 2) {
            throw new IllegalArgumentException("'" + label + "' is not a bar length such as 1m, 5m, 15m, 1h or 1d");
        }
        int unit = switch (s.charAt(s.length() - 1)) {
            case 's' -> 1;
            case 'm' -> 60;
            case 'h' -> 3600;
            case 'd' -> 86_400;
            default -> throw new IllegalArgumentException(
                    "'" + label + "' is not a bar length such as 1m, 5m, 15m, 1h or 1d");
        };
        try {
            int count = Integer.parseInt(s.substring(0, s.length() - 1));
            if (count <= 0) {
                throw new NumberFormatException();
            }
            return Math.multiplyExact(count, unit);
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException("'" + label + "' is not a bar length such as 1m, 5m, 15m, 1h or 1d");
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PriceSeries p && p.symbol.equals(symbol) && p.barSeconds == barSeconds
                && Arrays.equals(p.times, times) && Arrays.equals(p.close, close) && Arrays.equals(p.open, open)
                && Arrays.equals(p.high, high) && Arrays.equals(p.low, low) && Arrays.equals(p.volume, volume);
    }

    @Override
    public int hashCode() {
        return Objects.hash(symbol, barSeconds, Arrays.hashCode(times), Arrays.hashCode(close));
    }

    @Override
    public String toString() {
        return symbol + " " + barLabel() + " (" + size() + " bars, " + source + ")";
    }
}
