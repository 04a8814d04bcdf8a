package dev.switchboard.studio.engine.predict;

import dev.switchboard.studio.engine.csv.CsvLines;
import dev.switchboard.studio.engine.csv.CsvProblem;
import dev.switchboard.studio.model.predict.Headline;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Reads headlines or posts a user imports: a CSV with a header naming {@code time} and {@code text} (other columns
 * are ignored), scoring each with {@link Sentiment}. At most {@link #MAX_ROWS} rows.
 */
public final class HeadlineCsv {

    public static final int MAX_ROWS = 1_000_000;

    private HeadlineCsv() {
    }

    /** The headlines of {@code file}, sorted by time. */
    public static List<Headline> read(Path file) {
        try (CsvLines lines = new CsvLines(file)) {
            String first = lines.next();
            if (first == null) {
                throw new CsvProblem(file, 0, null, "the file is empty");
            }
            List<String> head = CsvLines.split(first, ',').stream().map(s -> s.toLowerCase(Locale.ROOT)).toList();
            int time = head.indexOf("time");
            int text = head.indexOf("text");
            if (time < 0 || text < 0) {
                throw new CsvProblem(file, 1, null, "header " + head + " must name 'time' and 'text'");
            }
            List<Headline> out = new ArrayList<>();
            for (String line = lines.next(); line != null; line = lines.next()) {
                if (line.isBlank()) {
                    continue;
                }
                List<String> f = CsvLines.split(line, ',');
                if (f.size() != head.size()) {
                    throw new CsvProblem(file, lines.lineNumber(), null, "has " + f.size() + " columns, the header "
                            + head.size() + " (quote a text that holds commas)");
                }
                if (out.size() == MAX_ROWS) {
                    throw new CsvProblem(file, lines.lineNumber(), null, "more than " + MAX_ROWS + " headlines");
                }
                String body = f.get(text);
                if (body.isBlank()) {
                    throw new CsvProblem(file, lines.lineNumber(), "text", "is empty");
                }
                out.add(new Headline(parseTime(f.get(time), file, lines.lineNumber()), body, Sentiment.score(body)));
            }
            out.sort(Comparator.comparingLong(Headline::time));
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + file, e);
        }
    }

    private static long parseTime(String s, Path file, long line) {
        try {
            if (s.matches("\\d+")) {
                long v = Long.parseLong(s);
                return v > 100_000_000_000L ? v / 1000 : v;
            }
            String iso = s.replace(" UTC", "Z").replace(' ', 'T');
            if (iso.length() == 10) {
                return LocalDate.parse(iso).atStartOfDay().toEpochSecond(ZoneOffset.UTC);
            }
            if (iso.endsWith("Z") || iso.matches(".*[+-]\\d\\d:\\d\\d$")) {
                return OffsetDateTime.parse(iso).toEpochSecond();
            }
            return LocalDateTime.parse(iso).toEpochSecond(ZoneOffset.UTC);
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new CsvProblem(file, line, "time", "'" + MarketCsv.abbreviate(s) + "' is not a time (epoch "
                    + "seconds or an ISO date-time such as " + Instant.EPOCH + ")");
        }
    }
}
