package dev.switchboard.studio.engine.predict;

import dev.switchboard.studio.engine.csv.CsvLines;
import dev.switchboard.studio.engine.csv.CsvProblem;
import dev.switchboard.studio.model.predict.PriceSeries;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Reads a market CSV a user brings, checking every line, and streaming it (never more than one line in memory
 * besides the bars). Three layouts are recognised from the first line:
 * <ul>
 *   <li>Binance klines: no header, 12 columns, open time in milliseconds (or microseconds, as Binance's newer
 *       dumps have), open, high, low, close, volume, …;</li>
 *   <li>CoinGecko history: header {@code snapped_at,price,market_cap,total_volume}, one price a day;</li>
 *   <li>plain OHLCV with a header naming {@code time} (or {@code timestamp}, {@code date}, {@code open_time}),
 *       {@code open}, {@code high}, {@code low}, {@code close} and optionally {@code volume}, in any order.</li>
 * </ul>
 * Times must increase strictly and be evenly spaced; a gap (missing bars) is refused unless gaps are to be filled
 * with the previous close. At most {@link #MAX_BARS} bars are read: a larger file is refused at the line that
 * passes the limit, without reading on.
 */
public final class MarketCsv {

    /** The most bars one import takes: about 3.8 years of 1-minute bars, 96 MB in memory. */
    public static final int MAX_BARS = 2_000_000;

    private static final List<String> BINANCE = List.of("open_time", "open", "high", "low", "close", "volume",
            "close_time", "quote_volume", "trades", "taker_buy_base", "taker_buy_quote", "ignore");
    private static final List<String> TIME_NAMES = List.of("time", "timestamp", "date", "datetime", "open_time",
            "snapped_at", "unix");

    private final int maxBars;

    public MarketCsv() {
        this(MAX_BARS);
    }

    /** A reader with a lower bar limit (tests). */
    MarketCsv(int maxBars) {
        this.maxBars = maxBars;
    }

    /** What to do about missing bars. */
    public enum Gaps {
        /** Refuse the file, naming the line after the gap. */
        REFUSE,
        /** Repeat the previous close with zero volume for each missing bar. */
        FILL
    }

    /**
     * Reads {@code file} as {@code symbol}.
     *
     * @param barSeconds the bar length, or 0 to take it from the first two rows
     * @throws CsvProblem naming the file, line and column of the first problem
     */
    public PriceSeries read(Path file, String symbol, int barSeconds, Gaps gaps) {
        try (CsvLines lines = new CsvLines(file)) {
            String first = lines.next();
            if (first == null) {
                throw new CsvProblem(file, 0, null, "the file is empty");
            }
            List<String> head = CsvLines.split(first, ',');
            Layout layout = layout(file, head);
            Bars bars = new Bars(file, barSeconds, gaps, maxBars);
            if (layout.binance) {
                bars.add(layout, head, 1);
            }
            for (String line = lines.next(); line != null; line = lines.next()) {
                if (line.isBlank()) {
                    continue;
                }
                bars.add(layout, CsvLines.split(line, ','), lines.lineNumber());
            }
            if (bars.size < 2) {
                throw new CsvProblem(file, 0, null, "has " + (bars.size == 1 ? "one bar" : bars.size + " bars")
                        + "; a series needs at least 2");
            }
            String source = layout.name + " CSV " + file.getFileName();
            return new PriceSeries(symbol, bars.barSeconds, source, Arrays.copyOf(bars.t, bars.size),
                    Arrays.copyOf(bars.o, bars.size), Arrays.copyOf(bars.h, bars.size),
                    Arrays.copyOf(bars.l, bars.size),
                    Arrays.copyOf(bars.c, bars.size), Arrays.copyOf(bars.v, bars.size));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + file, e);
        }
    }

    /** Which column holds what. */
    private record Layout(String name, boolean binance, int columns, int time, int open, int high, int low, int close,
                          int volume, List<String> names) {

        String column(int index) {
            return index < names.size() ? names.get(index) : "column " + (index + 1);
        }
    }

    private static Layout layout(Path file, List<String> head) {
        boolean numeric = !head.isEmpty() && looksNumeric(head.get(0));
        if (numeric) {
            if (head.size() == BINANCE.size()) {
                return new Layout("Binance klines", true, 12, 0, 1, 2, 3, 4, 5, BINANCE);
            }
            throw new CsvProblem(file, 1, null, "no header and " + head.size() + " columns: expected Binance klines "
                    + "(12 columns, no header) or a header naming time, open, high, low, close, volume");
        }
        List<String> names = head.stream().map(s -> s.toLowerCase(Locale.ROOT).strip()).toList();
        if (names.contains("snapped_at") && names.contains("price")) {
            int price = names.indexOf("price");
            return new Layout("CoinGecko", false, names.size(), names.indexOf("snapped_at"), price, price, price,
                    price, names.indexOf("total_volume"), head);
        }
        int time = -1;
        for (String candidate : TIME_NAMES) {
            if (names.contains(candidate)) {
                time = names.indexOf(candidate);
                break;
            }
        }
        int close = names.indexOf("close");
        if (time < 0 || close < 0) {
            throw new CsvProblem(file, 1, null, "header " + head + " names no "
                    + (time < 0 ? "time column (time, timestamp, date or open_time)" : "close column")
                    + "; expected time, open, high, low, close[, volume]");
        }
        int open = names.indexOf("open");
        int high = names.indexOf("high");
        int low = names.indexOf("low");
        for (String needed : List.of("open", "high", "low")) {
            if (!names.contains(needed)) {
                throw new CsvProblem(file, 1, null, "header " + head + " has no '" + needed + "' column");
            }
        }
        return new Layout("OHLCV", false, names.size(), time, open, high, low, close, names.indexOf("volume"), head);
    }

    private static boolean looksNumeric(String s) {
        return !s.isEmpty() && (Character.isDigit(s.charAt(0)) || s.charAt(0) == '-');
    }

    /** The bars read so far, with the checks that span lines. */
    private static final class Bars {
        final Path file;
        final Gaps gaps;
        final int maxBars;
        int barSeconds;
        long[] t = new long[1024];
        double[] o = new double[1024];
        double[] h = new double[1024];
        double[] l = new double[1024];
        double[] c = new double[1024];
        double[] v = new double[1024];
        int size;

        Bars(Path file, int barSeconds, Gaps gaps, int maxBars) {
            this.file = file;
            this.barSeconds = barSeconds;
            this.gaps = gaps;
            this.maxBars = maxBars;
        }

        void add(Layout layout, List<String> f, long line) {
            if (f.size() != layout.columns) {
                throw new CsvProblem(file, line, null, "has " + f.size() + " columns, the header has "
                        + layout.columns);
            }
            long time = time(f.get(layout.time), line, layout.column(layout.time));
            double open = number(f, layout.open, layout, line);
            double high = number(f, layout.high, layout, line);
            double low = number(f, layout.low, layout, line);
            double close = number(f, layout.close, layout, line);
            double volume = layout.volume < 0 || f.get(layout.volume).isEmpty() ? 0
                    : number(f, layout.volume, layout, line);
            if (open <= 0 || high <= 0 || low <= 0 || close <= 0) {
                throw new CsvProblem(file, line, layout.column(layout.close), "prices must be above zero");
            }
            if (high < low || high < Math.max(open, close) || low > Math.min(open, close)) {
                throw new CsvProblem(file, line, layout.column(layout.high), "high " + high + " and low " + low
                        + " do not enclose open " + open + " and close " + close);
            }
            if (volume < 0) {
                throw new CsvProblem(file, line, layout.column(layout.volume), "volume is negative");
            }
            if (size > 0) {
                long previous = t[size - 1];
                String column = layout.column(layout.time);
                if (time == previous) {
                    throw new CsvProblem(file, line, column, "duplicate time " + Instant.ofEpochSecond(time)
                            + " (the line before has the same)");
                }
                if (time < previous) {
                    throw new CsvProblem(file, line, column, "time " + Instant.ofEpochSecond(time)
                            + " is before the line before's " + Instant.ofEpochSecond(previous)
                            + ": rows must be sorted by time, oldest first");
                }
                long step = time - previous;
                if (barSeconds == 0) {
                    if (step > Integer.MAX_VALUE) {
                        throw new CsvProblem(file, line, column, "bars more than 68 years apart");
                    }
                    barSeconds = (int) step;
                } else if (step != barSeconds) {
                    if (step % barSeconds != 0) {
                        throw new CsvProblem(file, line, column, "bars are " + barSeconds + " s apart so far, this one "
                                + step + " s after the last: uneven spacing (give the bar length with --bar if the "
                                + "first rows are not typical)");
                    }
                    long missing = step / barSeconds - 1;
                    if (gaps == Gaps.REFUSE) {
                        String lost = missing == 1 ? "one bar" : missing + " bars";
                        throw new CsvProblem(file, line, column, "gap: " + lost + " missing before "
                                + Instant.ofEpochSecond(time) + " (import with --fill-gaps to repeat the last close)");
                    }
                    double last = c[size - 1];
                    for (long k = 1; k <= missing; k++) {
                        append(previous + k * barSeconds, last, last, last, last, 0, line);
                    }
                }
            }
            append(time, open, high, low, close, volume, line);
        }

        private void append(long time, double open, double high, double low, double close, double volume, long line) {
            if (size == maxBars) {
                throw new CsvProblem(file, line, null, "more than " + maxBars + " bars: split the file or use a "
                        + "longer bar; nothing was read past this line");
            }
            if (size == t.length) {
                int n = Math.min(Math.max(size * 2, 1024), maxBars);
                t = Arrays.copyOf(t, n);
                o = Arrays.copyOf(o, n);
                h = Arrays.copyOf(h, n);
                l = Arrays.copyOf(l, n);
                c = Arrays.copyOf(c, n);
                v = Arrays.copyOf(v, n);
            }
            t[size] = time;
            o[size] = open;
            h[size] = high;
            l[size] = low;
            c[size] = close;
            v[size] = volume;
            size++;
        }

        private double number(List<String> f, int index, Layout layout, long line) {
            String s = f.get(index);
            try {
                double d = Double.parseDouble(s);
                if (!Double.isFinite(d)) {
                    throw new NumberFormatException();
                }
                return d;
            } catch (NumberFormatException e) {
                throw new CsvProblem(file, line, layout.column(index), "'" + abbreviate(s) + "' is not a number");
            }
        }

        private long time(String s, long line, String column) {
            try {
                if (looksNumeric(s) && s.chars().allMatch(ch -> Character.isDigit(ch) || ch == '.')) {
                    double value = Double.parseDouble(s);
                    if (value > 1e14) {
                        return (long) (value / 1_000_000);
                    }
                    return value > 1e11 ? (long) (value / 1000) : (long) value;
                }
                String iso = s.replace(" UTC", "Z").replace(' ', 'T');
                if (iso.length() == 10) {
                    return LocalDate.parse(iso).atStartOfDay().toEpochSecond(ZoneOffset.UTC);
                }
                if (iso.endsWith("Z") || iso.matches(".*[+-]\\d\\d:\\d\\d$")) {
                    return java.time.OffsetDateTime.parse(iso).toEpochSecond();
                }
                return LocalDateTime.parse(iso).toEpochSecond(ZoneOffset.UTC);
            } catch (DateTimeParseException | NumberFormatException e) {
                throw new CsvProblem(file, line, column, "'" + abbreviate(s) + "' is not a time (epoch seconds or "
                        + "milliseconds, or an ISO date such as 2024-01-31 or 2024-01-31T12:00:00Z)");
            }
        }
    }

    static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 37) + "…" : s;
    }
}
