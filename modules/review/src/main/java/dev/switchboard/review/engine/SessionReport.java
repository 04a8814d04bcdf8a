package dev.switchboard.review.engine;

import dev.switchboard.calltaking.model.CallLog;
import dev.switchboard.review.model.Assessment;
import dev.switchboard.review.model.Note;
import dev.switchboard.core.io.SafeOutput;
import dev.switchboard.review.model.RecordedSession;
import dev.switchboard.review.model.RecordingIntegrity;
import dev.switchboard.review.model.SessionRow;
import dev.switchboard.review.model.TimelineItem;
import java.io.IOException;
import java.io.UncheckedIOException;
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
 * The session report as PDF (Apache PDFBox): header facts, scores with evidence, the supervisor's notes and
 * assessment, the transcript and the timeline, on as many A4 pages as needed. Uses the standard Helvetica
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
                Writer w = new Writer(doc);
                content(w, s, notes, assessment, recording);
                w.close();
                PDDocumentInformation info = doc.getDocumentInformation();
                info.setTitle("Session report " + s.row().id());
                info.setCreator("Switchboard");
                doc.save(stream);
            }
        });
    }

    private static void content(Writer w, RecordedSession s, List<Note> notes, Assessment a,
                                RecordingIntegrity recording) throws IOException {
        SessionRow r = s.row();
        w.heading("Session report: " + r.title(), 16);
        w.text("Session " + r.id() + " (" + r.kind() + ")");
        w.text("Trainee: " + r.traineeName());
        w.text("Date: " + WHEN.format(r.startedAt().atZone(ZoneId.systemDefault())) + "    Duration: "
                + clock(s.durationMs()) + "    Status: " + r.status().text());
        w.text("Score: " + s.score().map(sc -> String.format(Locale.ROOT, "%.0f / 100", sc.total()))
                .orElse(r.score() == null ? "not scored" : String.format(Locale.ROOT, "%.0f / 100", r.score())));
        w.text("Event log: " + (s.integrity().intact()
                ? "verified, " + s.integrity().entriesChecked() + " entries"
                : "BROKEN at entry " + s.integrity().brokenSeq() + ": " + s.integrity().problem()));
        if (recording != null && recording.status() != RecordingIntegrity.Status.NONE) {
            w.text("Recording: " + switch (recording.status()) {
                case VERIFIED -> "verified against the checksum sealed when it closed";
                case MODIFIED -> "CHANGED since it was recorded: " + recording.detail();
                case MISSING -> "MISSING: " + recording.detail();
                default -> "not sealed (" + recording.detail() + ")";
            });
        }
        s.started().ifPresent(st -> w.textUnchecked("Scenario: " + st.scenarioId() + ", seed " + st.seed()
                + ", caller " + st.callerMode()));

        w.heading("Assessment", 13);
        w.text("Grade: " + (a.grade() == null ? "not graded" : a.grade().name().replace('_', ' ').toLowerCase(
                Locale.ROOT)) + (a.signedOff() ? "    Signed off by " + a.signedOffBy() + " on "
                + WHEN.format(a.signedOffAt().atZone(ZoneId.systemDefault())) : "    Not signed off"));
        if (!a.comment().isBlank()) {
            w.text("Comment: " + a.comment());
        }

        w.heading("Scores", 13);
        if (s.score().isEmpty()) {
            w.text("This session was not scored.");
        }
        for (CallLog.ScoreItem i : s.score().map(CallLog.Score::items).orElse(List.of())) {
            w.text(String.format(Locale.ROOT, "%s (weight %.1f): %.0f%%", i.label(), i.weight(), i.earned() * 100)
                    + (i.atMs() >= 0 ? " at " + clock(i.atMs()) : ""));
            w.indented("Evidence: " + (i.evidence() == null || i.evidence().isBlank() ? "none" : i.evidence()));
        }

        w.heading("Notes", 13);
        if (notes.isEmpty()) {
            w.text("No notes.");
        }
        for (Note n : notes) {
            w.text("[" + clock(n.atMs()) + "] " + n.authorName() + ": " + n.text());
        }

        w.heading("Transcript", 13);
        if (s.utterances().isEmpty()) {
            w.text("No transcript.");
        }
        for (CallLog.Utterance u : s.utterances()) {
            w.text("[" + clock(u.startMs()) + "] " + speaker(u.speaker()) + ": " + u.text());
        }

        w.heading("Timeline", 13);
        for (TimelineItem t : s.timeline()) {
            w.text("[" + clock(t.atMs()) + "] " + t.label());
        }
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

        Writer(PDDocument doc) {
            this.doc = doc;
        }

        void heading(String text, float size) throws IOException {
            y -= 6;
            lines(bold, size, size + 4, 0, text);
        }

        void text(String text) throws IOException {
            lines(regular, BODY, LEADING, 0, text);
        }

        void textUnchecked(String text) {
            try {
                text(text);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        void indented(String text) throws IOException {
            lines(regular, BODY, LEADING, 18, text);
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
            out.showText("Switchboard session report, page " + pages);
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
