package dev.switchboard.studio.engine.predict;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.studio.model.predict.PriceSeries;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The real market data that ships with a library the program depends on ({@code org.ta4j:ta4j-examples:0.18}):
 * about 100,000 Bitstamp BTC/USD trades from 2013-11-25 to 2013-12-01, aggregated here into bars, and Binance.US
 * ETH-USD 5-minute bars of 2023-03-13 to 03-15. Read from the class path, never from the network. Thread-safe.
 */
public final class BundledMarketData {

    /** The bundled series' ids, as {@code studio market list} shows them. */
    public static final List<String> IDS = List.of("bundled:BTC-USD:1m", "bundled:BTC-USD:5m",
            "bundled:BTC-USD:15m", "bundled:ETH-USD:5m");

    private static final String BTC_TRADES = "/bitstamp_trades_from_20131125_usd.csv";
    private static final String ETH_BARS = "/ETH-USD-PT5M-2023-3-13_2023-3-15.json";
    private static final String BTC_SOURCE = "Bitstamp BTC/USD trades 2013-11-25 to 12-01 (bundled with ta4j-examples)";
    private static final String ETH_SOURCE = "Binance.US ETH/USD 5-minute bars 2023-03-13 to 03-15 "
            + "(bundled with ta4j-examples)";
    private static final Map<String, PriceSeries> CACHE = new ConcurrentHashMap<>();

    private BundledMarketData() {
    }

    /** The series of a bundled id ({@code bundled:BTC-USD:5m}), or null when the id is not bundled. */
    public static PriceSeries byId(String id) {
        if (!IDS.contains(id)) {
            return null;
        }
        String[] parts = id.split(":");
        return series(parts[1], PriceSeries.parseBar(parts[2]));
    }

    /** The bundled {@code symbol} at {@code barSeconds}, or null when there is no such bundled series. */
    public static PriceSeries series(String symbol, int barSeconds) {
        String s = symbol.toUpperCase(Locale.ROOT);
        if (s.equals("BTC-USD") && barSeconds >= 60 && barSeconds % 60 == 0) {
            return CACHE.computeIfAbsent(s + barSeconds, k -> btc(barSeconds));
        }
        if (s.equals("ETH-USD") && barSeconds == 300) {
            return CACHE.computeIfAbsent(s + barSeconds, k -> eth());
        }
        return null;
    }

    /** The Bitstamp trades aggregated into bars of {@code barSeconds}. */
    public static PriceSeries btc(int barSeconds) {
        TradeAggregator bars = new TradeAggregator(barSeconds);
        try (BufferedReader in = open(BTC_TRADES)) {
            in.readLine();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                int a = line.indexOf(',');
                int b = line.indexOf(',', a + 1);
                bars.add(Long.parseLong(line, 0, a, 10), Double.parseDouble(line.substring(a + 1, b)),
                        Double.parseDouble(line.substring(b + 1)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bars.build("BTC-USD", BTC_SOURCE);
    }

    /** The ETH-USD 5-minute bars as shipped (their end times turned into start times). */
    public static PriceSeries eth() {
        try (InputStream in = BundledMarketData.class.getResourceAsStream(ETH_BARS)) {
            if (in == null) {
                throw new IllegalStateException("ta4j-examples is not on the class path: " + ETH_BARS);
            }
            JsonNode ohlc = new ObjectMapper().readTree(in).get("ohlc");
            int n = ohlc.size();
            long[] t = new long[n];
            double[] o = new double[n];
            double[] h = new double[n];
            double[] l = new double[n];
            double[] c = new double[n];
            double[] v = new double[n];
            for (int i = 0; i < n; i++) {
                JsonNode bar = ohlc.get(i);
                t[i] = (bar.get("endTime").asLong() + 1) / 1000 - 300;
                o[i] = bar.get("openPrice").asDouble();
                h[i] = bar.get("highPrice").asDouble();
                l[i] = bar.get("lowPrice").asDouble();
                c[i] = bar.get("closePrice").asDouble();
                v[i] = bar.get("volume").asDouble();
            }
            return new PriceSeries("ETH-USD", 300, ETH_SOURCE, t, o, h, l, c, v);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static BufferedReader open(String resource) {
        InputStream in = BundledMarketData.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("ta4j-examples is not on the class path: " + resource);
        }
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
    }
}
