package dev.switchboard.review.engine;

import dev.switchboard.calltaking.model.CallLog;
import dev.switchboard.calltaking.model.CallTarget;
import dev.switchboard.review.model.Assessment;
import dev.switchboard.review.model.Note;
import dev.switchboard.core.io.SafeOutput;
import dev.switchboard.review.model.RecordedSession;
import dev.switchboard.review.model.RecordingIntegrity;
import dev.switchboard.review.model.SessionRow;
import dev.switchboard.review.model.TimelineItem;
import java.io.IOException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * The session report as PDF (Apache PDFBox), laid out as a report a supervisor signs: who, which scenario and when;
 * the time targets met or missed and the score table with marks and evidence; the transcript with times; the
 * supervisor's notes; the assessment and the sign-off lines. No internal ids, seeds or log codes; on as many A4
 * pages as needed. Uses the standard Helvetica
 * fonts, which every PDF reader has; characters they cannot encode (e.g. Japanese place names) are written
 * as close ASCII where one exists, else as {@code ?}.
 */
public final class SessionReport {

    private static final float MARGIN = 50;
    private static final float BODY = 10;
    private static final float LEADING = 13;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    private SessionReport() {
    }

    /** Writes the report to a new file {@code out} (never over an existing one), without a recording check. */
    public static void writePdf(RecordedSession s, List<Note> notes, Assessment assessment, Path out)
            throws IOException {
        writePdf(s, notes, assessment, null, SafeOutput.unprotected(false), out);
    }

    /**
     * Writes the report to {@code out} through {@code output} (a private temporary file, renamed when complete, so
     * a failure leaves no half report and nothing the output protects is replaced).
     *
     * @param recording the check of the recording against its seal, or null when not checked
     */
    public static void writePdf(RecordedSession s, List<Note> notes, Assessment assessment,
                                RecordingIntegrity recording, SafeOutput output, Path out) throws IOException {
        output.write(out, stream -> {
            try (PDDocument doc = new PDDocument()) {
                String title = title(s.row().kind());
                Writer w = new Writer(doc, Character.toLowerCase(title.charAt(0)) + title.substring(1));
                content(w, s, notes, assessment, recording);
                w.close();
                PDDocumentInformation info = doc.getDocumentInformation();
                info.setTitle("Session report: " + s.row().traineeName() + ", " + s.row().title() + ", "
                        + WHEN.format(s.row().startedAt().atZone(ZoneId.systemDefault())));
                info.setCreator("Switchboard");
                doc.save(stream);
            }
        });
    }

    /** What the recording check found, in a supervisor's words. */
    private static String recordingFact(RecordingIntegrity recording) {
        if (recording == null || recording.status() == RecordingIntegrity.Status.NONE) {
            return "no recording checked";
        }
        return switch (recording.status()) {
            case VERIFIED -> "verified against the checksum sealed when it closed";
            case MODIFIED -> "CHANGED since it was recorded: " + recording.detail();
            case MISSING -> "MISSING: " + recording.detail();
            default -> "not sealed (" + recording.detail() + ")";
        };
    }

    private static void content(Writer w, RecordedSession s, List<Note> notes, Assessment a,
                                RecordingIntegrity recording) throws IOException {
        SessionRow r = s.row();
        String date = WHEN.format(r.startedAt().atZone(ZoneId.systemDefault()));
        w.heading(title(r.kind()), 18);
        w.text(r.title());
        w.gap(4);
        w.facts(List.of(
                new String[] {"Trainee", r.traineeName()},
                new String[] {"Scenario", r.title()},
                new String[] {"Date", date},
                new String[] {"Length", clock(s.durationMs()) + (s.audio().isPresent() ? " (recorded)" : "")},
                new String[] {"Score", s.score().map(sc -> String.format(Locale.ROOT, "%.0f / 100", sc.total()))
                        .orElse(r.score() == null ? "not scored" : String.format(Locale.ROOT, "%.0f / 100",
                                r.score()))},
                new String[] {"Grade", a.grade() == null ? "not graded yet" : grade(a)},
                new String[] {"Record", s.integrity().intact() ? "complete and unaltered ("
                        + s.integrity().entriesChecked() + " logged events verified)"
                        : "ALTERED OR DAMAGED at event " + s.integrity().brokenSeq() + ": "
                                + s.integrity().problem()},
                new String[] {"Recording", recordingFact(recording)}));

        if (s.metrics().targets() != null) {
            w.heading("Time targets", 13);
            w.table(new float[] {0.28f, 0.22f, 0.2f, 0.3f}, new String[] {"Target", "Took", "Within", "Result"},
                    java.util.Arrays.stream(CallTarget.values()).map(t -> {
                        Long ms = s.metrics().of(t);
                        Boolean met = s.metrics().met(t);
                        return new String[] {t.label() + " (" + t.definition().substring(t.definition().indexOf(':')
                                + 2) + ")", ms == null ? "not reached" : String.format(Locale.ROOT, "%.1f s",
                                ms / 1000.0), t.seconds(s.metrics().targets()) + " s",
                            Boolean.TRUE.equals(met) ? "Met" : "Missed"};
                    }).toList());
        }

        w.heading("Scores", 13);
        if (s.score().isEmpty() && r.score() != null) {
            w.text("exercise".equals(r.kind())
                    ? String.format(Locale.ROOT, "%.0f / 100: the mean score of the exercise's calls; each call's "
                            + "marks are in its own report.", r.score())
                    : String.format(Locale.ROOT, "%.0f / 100; no marks per item were recorded.", r.score()));
        } else if (s.score().isEmpty()) {
            w.text("This session was not scored.");
        } else {
            List<String[]> rows = new ArrayList<>();
            for (CallLog.ScoreItem i : s.score().get().items()) {
                rows.add(new String[] {i.label(), String.format(Locale.ROOT, "%.1f", i.weight()),
                    String.format(Locale.ROOT, "%.0f%%", i.earned() * 100), i.met() ? "Met" : "Missed",
                    (i.atMs() >= 0 ? "[" + clock(i.atMs()) + "] " : "")
                        + (i.evidence() == null || i.evidence().isBlank() ? "none" : i.evidence())});
            }
            w.table(new float[] {0.26f, 0.08f, 0.08f, 0.1f, 0.48f},
                    new String[] {"Item", "Weight", "Mark", "Result", "Evidence"}, rows);
            w.text(String.format(Locale.ROOT, "Total: %.0f / 100 (the weighted mean of the marks).",
                    s.score().get().total()));
        }

        if (r.isCall() || !s.utterances().isEmpty()) {
            w.heading("Transcript", 13);
            if (s.utterances().isEmpty()) {
                w.text("No transcript.");
            }
            for (CallLog.Utterance u : s.utterances()) {
                w.line("[" + clock(u.startMs()) + "]", speaker(u.speaker()) + ": " + u.text());
            }
        } else {
            // A control-room or scripted exercise has no conversation: what happened is its timeline.
            w.heading("What happened", 13);
            if (s.timeline().isEmpty()) {
                w.text("Nothing was logged.");
            }
            for (TimelineItem t : s.timeline()) {
                w.line("[" + clock(t.atMs()) + "]", t.label());
            }
        }

        w.heading("Supervisor's notes", 13);
        if (notes.isEmpty()) {
            w.text("No notes.");
        }
        for (Note n : notes) {
            w.line("[" + clock(n.atMs()) + "]", n.authorName() + ": " + n.text());
        }

        w.heading("Assessment and sign-off", 13);
        w.facts(List.of(
                new String[] {"Grade", a.grade() == null ? "not graded yet" : grade(a)},
                new String[] {"Comment", a.comment().isBlank() ? "none" : a.comment()},
                new String[] {"Signed off", a.signedOff() ? a.signedOffBy() + " on "
                        + WHEN.format(a.signedOffAt().atZone(ZoneId.systemDefault())) : "not yet"}));
        w.gap(26);
        w.signatureLines("Supervisor", "Date");
    }

    /** The report's title for a session of this kind. */
    static String title(String kind) {
        return switch (kind == null ? "" : kind) {
            case "control-room" -> "Control-room exercise report";
            case "exercise" -> "Scripted exercise report";
            default -> "Call-taking session report";
        };
    }

    private static String grade(Assessment a) {
        return switch (a.grade()) {
            case COMPETENT -> "Competent";
            case NEEDS_PRACTICE -> "Needs practice";
            case NOT_YET_COMPETENT -> "Not yet competent";
        };
    }

    private static String speaker(String s) {
        return switch (s == null ? "" : s) {
            case "caller" -> "Caller";
            case "trainee" -> "Call-taker";
            default -> s;
        };
    }

    /** {@code m:ss} (or {@code h:mm:ss}) of a time in ms. */
    public static String clock(long ms) {
        long total = Math.max(0, ms) / 1000;
        long h = total / 3600;
        long m = total / 60 % 60;
        long sec = total % 60;
        return h > 0 ? String.format(Locale.ROOT, "%d:%02d:%02d", h, m, sec)
                : String.format(Locale.ROOT, "%d:%02d", m, sec);
    }

    /** Lays out wrapped lines top to bottom, starting a new page when one is full. */
    private static final class Writer {
        private static final Map<Character, String> ASCII = Map.of('\u2192', "->", '\u2190', "<-", '\u2264', "<=",
                '\u2265', ">=", '\u2212', "-", '\u00d7', "x", '\u2026', "...");
        private final PDDocument doc;
        private final PDFont regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
        private final PDFont bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
        private final Map<Integer, Boolean> encodable = new HashMap<>();
        private PDPageContentStream out;
        private float y;
        private final float width = PDRectangle.A4.getWidth() - 2 * MARGIN;
        private int pages;
        private final String footer;

        Writer(PDDocument doc, String footer) {
            this.doc = doc;
            this.footer = footer;
        }

        void heading(String text, float size) throws IOException {
            y -= 6;
            lines(bold, size, size + 4, 0, text);
        }

        void text(String text) throws IOException {
            lines(regular, BODY, LEADING, 0, text);
        }

        void indented(String text) throws IOException {
            lines(regular, BODY, LEADING, 18, text);
        }

        void gap(float points) {
            y -= points;
        }

        /** "Name: value" pairs with the names in bold, in a column of their own. */
        void facts(List<String[]> pairs) throws IOException {
            float nameWidth = 90;
            for (String[] pair : pairs) {
                List<String> value = wrap(regular, BODY, width - nameWidth, flat(clean(regular, pair[1])));
                ensure(LEADING * value.size());
                float top = y;
                show(bold, BODY, MARGIN, top - LEADING, pair[0]);
                for (int i = 0; i < value.size(); i++) {
                    show(regular, BODY, MARGIN + nameWidth, top - LEADING * (i + 1), value.get(i));
                }
                y = top - LEADING * value.size();
            }
        }

        /** A line with a time (or other key) in a narrow column and the wrapped text beside it. */
        void line(String key, String text) throws IOException {
            float keyWidth = 40;
            List<String> value = wrap(regular, BODY, width - keyWidth, flat(clean(regular, text)));
            ensure(LEADING * value.size());
            float top = y;
            show(regular, BODY, MARGIN, top - LEADING, clean(regular, key));
            for (int i = 0; i < value.size(); i++) {
                show(regular, BODY, MARGIN + keyWidth, top - LEADING * (i + 1), value.get(i));
            }
            y = top - LEADING * value.size() - 2;
        }

        /** A table: a bold heading row with a rule under it, then rows whose cells wrap within their column. */
        void table(float[] fractions, String[] heading, List<String[]> rows) throws IOException {
            row(fractions, heading, bold, true);
            for (String[] r : rows) {
                row(fractions, r, regular, false);
            }
            y -= 4;
        }

        private void row(float[] fractions, String[] cells, PDFont font, boolean heading) throws IOException {
            float pad = 4;
            List<List<String>> wrapped = new ArrayList<>();
            int lines = 1;
            for (int c = 0; c < cells.length; c++) {
                List<String> cell = wrap(font, BODY - 1, width * fractions[c] - 2 * pad, flat(clean(font, cells[c])));
                wrapped.add(cell);
                lines = Math.max(lines, cell.size());
            }
            float height = lines * (LEADING - 1) + 4;
            ensure(height);
            float top = y;
            float x = MARGIN;
            for (int c = 0; c < cells.length; c++) {
                List<String> cell = wrapped.get(c);
                for (int i = 0; i < cell.size(); i++) {
                    show(font, BODY - 1, x + pad, top - (LEADING - 1) * (i + 1), cell.get(i));
                }
                x += width * fractions[c];
            }
            y = top - height;
            out.setLineWidth(heading ? 0.8f : 0.3f);
            out.moveTo(MARGIN, y + 1);
            out.lineTo(MARGIN + width, y + 1);
            out.stroke();
        }

        /** Lines to sign on, with their captions under them. */
        void signatureLines(String... captions) throws IOException {
            ensure(30);
            float each = width / captions.length;
            for (int i = 0; i < captions.length; i++) {
                float x = MARGIN + i * each;
                out.setLineWidth(0.6f);
                out.moveTo(x, y);
                out.lineTo(x + each - 30, y);
                out.stroke();
                show(regular, 8, x, y - 11, captions[i]);
            }
            y -= 20;
        }

        private static String flat(String text) {
            return text.replace('\n', ' ');
        }

        private void ensure(float height) throws IOException {
            if (out == null || y - height < MARGIN) {
                newPage();
            }
        }

        private void show(PDFont font, float size, float x, float at, String text) throws IOException {
            out.beginText();
            out.setFont(font, size);
            out.newLineAtOffset(x, at);
            out.showText(text);
            out.endText();
        }

        private void lines(PDFont font, float size, float leading, float indent, String text) throws IOException {
            for (String paragraph : clean(font, text).split("\n", -1)) {
                for (String line : wrap(font, size, width - indent, paragraph)) {
                    if (out == null || y - leading < MARGIN) {
                        newPage();
                    }
                    y -= leading;
                    out.beginText();
                    out.setFont(font, size);
                    out.newLineAtOffset(MARGIN + indent, y);
                    out.showText(line);
                    out.endText();
                }
            }
        }

        private List<String> wrap(PDFont font, float size, float max, String paragraph) throws IOException {
            List<String> lines = new ArrayList<>();
            StringBuilder line = new StringBuilder();
            for (String word : paragraph.split(" ")) {
                String candidate = line.isEmpty() ? word : line + " " + word;
                if (width(font, size, candidate) <= max) {
                    line.setLength(0);
                    line.append(candidate);
                    continue;
                }
                if (!line.isEmpty()) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                // A single word longer than the line (a URL, a long id) is cut where it must be.
                String rest = word;
                while (width(font, size, rest) > max) {
                    int cut = rest.length() - 1;
                    while (cut > 1 && width(font, size, rest.substring(0, cut)) > max) {
                        cut--;
                    }
                    lines.add(rest.substring(0, cut));
                    rest = rest.substring(cut);
                }
                line.append(rest);
            }
            lines.add(line.toString());
            return lines;
        }

        private static float width(PDFont font, float size, String s) throws IOException {
            return font.getStringWidth(s) / 1000 * size;
        }

        /** The text with what the font cannot show replaced; tabs become spaces, other controls vanish. */
        private String clean(PDFont font, String text) {
            StringBuilder b = new StringBuilder(text.length());
            text.codePoints().forEach(cp -> {
                if (cp == '\n') {
                    b.append('\n');
                } else if (cp == '\t') {
                    b.append(' ');
                } else if (Character.isISOControl(cp)) {
                    return;
                } else if (cp < 0x10000 && ASCII.containsKey((char) cp)) {
                    b.append(ASCII.get((char) cp));
                } else if (encodable.computeIfAbsent(cp, c -> canEncode(font, c))) {
                    b.appendCodePoint(cp);
                } else {
                    b.append('?');
                }
            });
            return b.toString();
        }

        private static boolean canEncode(PDFont font, int cp) {
            try {
                font.encode(new String(Character.toChars(cp)));
                return true;
            } catch (IllegalArgumentException | IOException e) {
                return false;
            }
        }

        private void newPage() throws IOException {
            if (out != null) {
                out.close();
            }
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            out = new PDPageContentStream(doc, page);
            pages++;
            y = page.getMediaBox().getHeight() - MARGIN;
            out.beginText();
            out.setFont(regular, 8);
            out.newLineAtOffset(MARGIN, MARGIN / 2);
            out.showText("Switchboard " + footer + ", page " + pages);
            out.endText();
        }

        void close() throws IOException {
            if (out == null) {
                newPage();
            }
            out.close();
        }
    }
}
