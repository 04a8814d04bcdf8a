package dev.switchboard.review.engine;

import dev.switchboard.calltaking.model.CallTarget;
import dev.switchboard.core.id.SessionId;
import dev.switchboard.review.model.CallMetrics;
import dev.switchboard.review.model.ScoreLine;
import dev.switchboard.review.model.SessionRow;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Scores across sessions as CSV (RFC 4180, UTF-8): one row per session, fixed columns first, then one column
 * per rubric item (the item's id; the value is what was earned, 0..1, where 1 is met; empty when the session lacks
 * the item). Each time is in seconds on the clock its target names ({@link CallTarget}: the answer from the first
 * ring, location and dispatch from the answer), beside the session's target and whether it was met, by the same
 * rule as the score. Cells that a spreadsheet would run as a formula are quoted with a leading apostrophe.
 */
public final class ScoresCsv {

    /** The columns before the rubric items. */
    public static final List<String> FIXED = List.of("session", "trainee", "title", "kind", "started", "duration_s",
            "status", "grade", "score", "answer_from_ring_s", "answer_target_s", "answer_met",
            "location_from_answer_s", "location_target_s", "location_met", "dispatch_from_answer_s",
            "dispatch_target_s", "dispatch_met");

    private ScoresCsv() {
    }

    /** Writes to a file directly; exports go through {@link #write(List, Map, OutputStream)} and a safe output. */
    public static void write(List<SessionRow> rows, Map<SessionId, TranscriptIndex.Figures> figures, Path out)
            throws IOException {
        try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            write(rows, figures, w);
        }
    }

    /** Writes UTF-8 CSV to {@code out}, leaving it open. */
    public static void write(List<SessionRow> rows, Map<SessionId, TranscriptIndex.Figures> figures,
                             OutputStream out) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        write(rows, figures, w);
        w.flush();
    }

    public static void write(List<SessionRow> rows, Map<SessionId, TranscriptIndex.Figures> figures, Writer w)
            throws IOException {
        Map<String, String> itemColumns = new LinkedHashMap<>();
        for (SessionRow r : rows) {
            TranscriptIndex.Figures f = figures.get(r.id());
            if (f != null) {
                f.items().forEach(i -> itemColumns.putIfAbsent(i.id(), i.label()));
            }
        }
        List<String> header = new ArrayList<>(FIXED);
        header.addAll(itemColumns.keySet());
        line(w, header);
        for (SessionRow r : rows) {
            TranscriptIndex.Figures f = figures.get(r.id());
            CallMetrics m = f == null ? CallMetrics.NONE : f.metrics();
            Double score = f != null && f.score() != null ? f.score() : r.score();
            List<String> cells = new ArrayList<>(List.of(r.id().value(), r.traineeName(), r.title(), r.kind(),
                    DateTimeFormatter.ISO_INSTANT.format(r.startedAt()), seconds(r.durationMs()), r.status().text(),
                    r.grade() == null ? "" : r.grade().name(), number(score)));
            for (CallTarget t : CallTarget.values()) {
                cells.add(seconds(m.of(t)));
                cells.add(m.targets() == null ? "" : String.valueOf(t.seconds(m.targets())));
                Boolean met = m.met(t);
                cells.add(met == null ? "" : met ? "yes" : "no");
            }
            Map<String, Double> earned = new LinkedHashMap<>();
            if (f != null) {
                for (ScoreLine line : f.items()) {
                    earned.put(line.id(), line.earned());
                }
            }
            for (String item : itemColumns.keySet()) {
                cells.add(number(earned.get(item)));
            }
            line(w, cells);
        }
    }

    private static void line(Writer w, List<String> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                w.write(',');
            }
            w.write(cell(cells.get(i)));
        }
        w.write("\r\n");
    }

    static String cell(String value) {
        String v = value == null ? "" : value;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0 && !isNumber(v)) {
            v = "'" + v;
        }
        if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
            return "\"" + v.replace("\"", "\"\"") + "\"";
        }
        return v;
    }

    private static boolean isNumber(String v) {
        try {
            Double.parseDouble(v);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static String seconds(Long ms) {
        return ms == null ? "" : String.format(Locale.ROOT, "%.1f", ms / 1000.0);
    }

    private static String number(Double d) {
        return d == null ? "" : String.format(Locale.ROOT, "%.2f", d);
    }
}
