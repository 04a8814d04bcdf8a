package dev.switchboard.studio.engine.predict;

import dev.switchboard.studio.model.predict.PriceSeries;
import java.util.Arrays;

/**
 * Turns trades (time, price, amount) into OHLCV bars of a fixed length. A bar with no trade repeats the previous
 * close with zero volume, as exchanges draw it, so the series has no holes for the indicators.
 */
public final class TradeAggregator {

    private final int barSeconds;
    private long[] times = new long[1024];
    private double[] open = new double[1024];
    private double[] high = new double[1024];
    private double[] low = new double[1024];
    private double[] close = new double[1024];
    private double[] volume = new double[1024];
    private int size;
    private long lastTrade = Long.MIN_VALUE;

    public TradeAggregator(int barSeconds) {
        if (barSeconds <= 0) {
            throw new IllegalArgumentException("barSeconds must be positive");
        }
        this.barSeconds = barSeconds;
    }

    /** Adds one trade; trades must come in time order (equal times are fine). */
    public void add(long epochSeconds, double price, double amount) {
        if (epochSeconds < lastTrade) {
            throw new IllegalArgumentException("trades out of time order at " + epochSeconds);
        }
        lastTrade = epochSeconds;
        long start = Math.floorDiv(epochSeconds, barSeconds) * (long) barSeconds;
        if (size > 0 && times[size - 1] == start) {
            int i = size - 1;
            high[i] = Math.max(high[i], price);
            low[i] = Math.min(low[i], price);
            close[i] = price;
            volume[i] += amount;
            return;
        }
        if (size > 0) {
            double previous = close[size - 1];
            for (long t = times[size - 1] + barSeconds; t < start; t += barSeconds) {
                append(t, previous, previous, previous, previous, 0);
            }
        }
        append(start, price, price, price, price, amount);
    }

    private void append(long t, double o, double h, double l, double c, double v) {
        if (size == times.length) {
            int n = size * 2;
            times = Arrays.copyOf(times, n);
            open = Arrays.copyOf(open, n);
            high = Arrays.copyOf(high, n);
            low = Arrays.copyOf(low, n);
            close = Arrays.copyOf(close, n);
            volume = Arrays.copyOf(volume, n);
        }
        times[size] = t;
        open[size] = o;
        high[size] = h;
        low[size] = l;
        close[size] = c;
        volume[size] = v;
        size++;
    }

    public PriceSeries build(String symbol, String source) {
        return new PriceSeries(symbol, barSeconds, source, Arrays.copyOf(times, size), Arrays.copyOf(open, size),
                Arrays.copyOf(high, size), Arrays.copyOf(low, size), Arrays.copyOf(close, size),
                Arrays.copyOf(volume, size));
    }
}
