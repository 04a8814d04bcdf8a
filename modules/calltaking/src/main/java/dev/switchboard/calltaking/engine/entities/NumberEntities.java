package dev.switchboard.calltaking.engine.entities;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Phone numbers (typed or spoken digit by digit) and Japanese number plates. */
final class NumberEntities {

    private static final Set<String> PHONE_FILLERS = Set.of("dash", "hyphen");
    private static final String PLATE_REGIONS = "shinagawa|nerima|adachi|setagaya|suginami|itabashi|katsushika"
            + "|edogawa|koto|tama|hachioji|yokohama|kawasaki|saitama|chiba|omiya|kawaguchi|tokorozawa|narashino"
            + "|noda|shonan|sagami|kasukabe|koshigaya|kumagaya|tsukuba|mito|osaka|kobe|kyoto|nagoya|fuchu";
    private static final Pattern PLATE_ROMAJI = Pattern.compile("\\b(" + PLATE_REGIONS
            + ")\\s+(\\d{2,3})\\s+([a-z]{1,3})\\s+(\\d{1,2}\\s?-\\s?\\d{2}|\\d{1,4})\\b");
    private static final Pattern PLATE_JAPANESE = Pattern.compile(
            "([\\u4E00-\\u9FFF]{1,4})\\s*(\\d{2,3})\\s*([\\u3040-\\u309F])\\s*(\\d{1,2}\\s?-\\s?\\d{2}|\\d{1,4})");
    private static final Pattern PLATE_SERIAL = Pattern.compile("\\b(?:plate|plates|license|licence|registration)"
            + "\\s+(?:number\\s+|no\\s+)?(?:is\\s+|was\\s+|reads\\s+|says\\s+|of\\s+)?"
            + "(\\d{1,2}\\s?-\\s?\\d{2}|\\d{4})\\b");

    private NumberEntities() {
    }

    /** Number plates; marks their tokens in {@code blocked}. */
    static void plates(Tokens t, boolean[] blocked, List<ExtractedEntity> out) {
        Matcher m = PLATE_JAPANESE.matcher(t.lower);
        while (m.find()) {
            String value = m.group(1) + " " + m.group(2) + " " + m.group(3) + " " + serial(m.group(4));
            add(t, blocked, out, m.start(), m.end(), value, 0.9);
        }
        m = PLATE_ROMAJI.matcher(t.lower);
        while (m.find()) {
            String region = m.group(1);
            String value = Character.toUpperCase(region.charAt(0)) + region.substring(1) + " " + m.group(2) + " "
                    + m.group(3) + " " + serial(m.group(4));
            add(t, blocked, out, m.start(), m.end(), value, 0.85);
        }
        m = PLATE_SERIAL.matcher(t.lower);
        while (m.find()) {
            if (!free(t, blocked, m.start(1), m.end(1))) {
                continue;
            }
            add(t, blocked, out, m.start(1), m.end(1), "plate " + serial(m.group(1)), 0.7);
        }
    }

    private static String serial(String s) {
        String digits = s.replaceAll("[^0-9]", "");
        return digits.length() == 4 ? digits.substring(0, 2) + "-" + digits.substring(2) : digits;
    }

    private static boolean free(Tokens t, boolean[] blocked, int start, int end) {
        for (int i = t.firstEndingAfter(start); i < t.size && t.start[i] < end; i++) {
            if (blocked[i]) {
                return false;
            }
        }
        return true;
    }

    private static void add(Tokens t, boolean[] blocked, List<ExtractedEntity> out, int start, int end, String value,
                            double confidence) {
        if (!free(t, blocked, start, end)) {
            return;
        }
        for (int i = t.firstEndingAfter(start); i < t.size && t.start[i] < end; i++) {
            blocked[i] = true;
        }
        out.add(new ExtractedEntity(EntityType.VEHICLE, value, t.text.substring(start, end), start, end,
                confidence));
    }

    /**
     * Phone numbers: 10 or 11 digits in groups ("090-1234-5678", "03 1234 5678", "+81 90 1234 5678") or spoken
     * ("zero nine zero one two three ...", "double five"). The value is the digits, with +81 turned into 0.
     */
    static void phones(Tokens t, boolean[] blocked, List<ExtractedEntity> out) {
        int i = 0;
        while (i < t.size) {
            if (blocked[i] || !startsPhone(t, i)) {
                i++;
                continue;
            }
            StringBuilder digits = new StringBuilder();
            boolean spoken = false;
            boolean plus = t.is(i, "plus") || i > 0 && t.gap(i - 1, i).contains("+")
                    || i == 0 && t.text.substring(0, t.start[0]).contains("+");
            int j = t.is(i, "plus") ? i + 1 : i;
            int last = -1;
            int repeat = 1;
            while (j < t.size && !blocked[j] && digits.length() < (plus ? 13 : 11)) {
                String w = t.word[j];
                if (j > i && last >= 0 && !separatorsOnly(t.gap(j - 1, j))) {
                    break;
                }
                if (t.isNumber(j)) {
                    if (digits.length() + w.length() > 11 + (plus ? 2 : 0)) {
                        break;
                    }
                    digits.append(w);
                    last = j;
                } else if (w.equals("double") || w.equals("triple")) {
                    repeat = w.equals("double") ? 2 : 3;
                } else if (SpokenNumbers.digit(w) >= 0 && (spokenContext(t, j) || digits.length() > 0)
                        || SpokenNumbers.digitInRun(w) >= 0 && digits.length() > 0 && spoken) {
                    digits.append(String.valueOf(SpokenNumbers.digitInRun(w)).repeat(repeat));
                    repeat = 1;
                    spoken = true;
                    last = j;
                } else if (PHONE_FILLERS.contains(w) && digits.length() > 0) {
                    // "oh nine oh dash ..."
                } else {
                    break;
                }
                j++;
            }
            String value = digits.toString();
            if (plus && value.startsWith("81")) {
                value = value.substring(2);
                value = value.startsWith("0") ? value : "0" + value;
            }
            if (last >= 0 && value.length() >= 10 && value.length() <= 11) {
                double conf = value.startsWith("0") ? (spoken ? 0.85 : 0.95) : 0.6;
                int from = t.is(i, "plus") ? i : i;
                int start = t.start[from];
                if (plus && from > 0 && t.gap(from - 1, from).contains("+")) {
                    start = t.text.lastIndexOf('+', start);
                } else if (plus && from == 0 && t.text.lastIndexOf('+', start) >= 0) {
                    start = t.text.lastIndexOf('+', start);
                }
                int end = t.end[last];
                for (int k = from; k <= last; k++) {
                    blocked[k] = true;
                }
                out.add(new ExtractedEntity(EntityType.PHONE, value, t.text.substring(start, end), start, end, conf));
                i = last + 1;
            } else {
                i++;
            }
        }
    }

    private static boolean startsPhone(Tokens t, int i) {
        String w = t.word[i];
        if (t.isNumber(i)) {
            return !(i > 0 && t.isNumber(i - 1) && separatorsOnly(t.gap(i - 1, i)));
        }
        return w.equals("plus") || w.equals("zero") || w.equals("oh") || SpokenNumbers.digit(w) >= 0
                && spokenContext(t, i);
    }

    /** A spoken digit starts a phone number only when several digit words follow ("one two three ..."). */
    private static boolean spokenContext(Tokens t, int i) {
        int run = 0;
        for (int k = i; k < t.size && k < i + 6; k++) {
            String w = t.word[k];
            if (SpokenNumbers.digit(w) >= 0 || t.isNumber(k) || w.equals("double") || w.equals("triple")
                    || k > i && SpokenNumbers.digitInRun(w) >= 0) {
                run++;
            } else {
                break;
            }
        }
        return run >= 5;
    }

    private static boolean separatorsOnly(String gap) {
        for (int k = 0; k < gap.length(); k++) {
            char c = gap.charAt(k);
            if (!(c == ' ' || c == '-' || c == '.' || c == '(' || c == ')' || c == '+' || c == ',' || c == '–'
                    || c == '/')) {
                return false;
            }
        }
        return true;
    }

    /** "Shinagawa" -> "Shinagawa"; used for plate regions. */
    static String capitalise(String s) {
        return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
    }
}
