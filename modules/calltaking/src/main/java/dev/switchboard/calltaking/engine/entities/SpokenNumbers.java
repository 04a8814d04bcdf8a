package dev.switchboard.calltaking.engine.entities;

import java.util.Map;

/** Reads numbers as people say them ("twenty one", "a hundred and eighty", "21") and single spoken digits. */
final class SpokenNumbers {

    private static final Map<String, Integer> UNITS = Map.ofEntries(
            Map.entry("zero", 0), Map.entry("one", 1), Map.entry("two", 2), Map.entry("three", 3),
            Map.entry("four", 4), Map.entry("five", 5), Map.entry("six", 6), Map.entry("seven", 7),
            Map.entry("eight", 8), Map.entry("nine", 9), Map.entry("ten", 10), Map.entry("eleven", 11),
            Map.entry("twelve", 12), Map.entry("thirteen", 13), Map.entry("fourteen", 14), Map.entry("fifteen", 15),
            Map.entry("sixteen", 16), Map.entry("seventeen", 17), Map.entry("eighteen", 18),
            Map.entry("nineteen", 19));
    private static final Map<String, Integer> TENS = Map.of("twenty", 20, "thirty", 30, "forty", 40, "fifty", 50,
            "sixty", 60, "seventy", 70, "eighty", 80, "ninety", 90);
    private static final Map<String, Integer> DIGITS = Map.ofEntries(
            Map.entry("zero", 0), Map.entry("oh", 0), Map.entry("o", 0), Map.entry("one", 1), Map.entry("two", 2),
            Map.entry("three", 3), Map.entry("four", 4), Map.entry("five", 5), Map.entry("six", 6),
            Map.entry("seven", 7), Map.entry("eight", 8), Map.entry("nine", 9), Map.entry("niner", 9));
    /** Japanese numerals as said before "chome" (ni-chome = 2-chome). */
    private static final Map<String, Integer> JAPANESE = Map.ofEntries(
            Map.entry("ichi", 1), Map.entry("it", 1), Map.entry("ni", 2), Map.entry("san", 3), Map.entry("yon", 4),
            Map.entry("shi", 4), Map.entry("go", 5), Map.entry("roku", 6), Map.entry("nana", 7),
            Map.entry("shichi", 7), Map.entry("hachi", 8), Map.entry("hat", 8), Map.entry("kyu", 9),
            Map.entry("ku", 9), Map.entry("ju", 10), Map.entry("juu", 10));

    private SpokenNumbers() {
    }

    /** A number read at a token: its value and how many tokens it used. */
    record Read(int value, int tokens) {
    }

    /**
     * A number word as written, or as a recogniser writes it with a stray plural ("sevens", "twelves", "twentys"
     * for "seven", "twelve", "twenty"); other words unchanged. Only words of four letters or more: "ones" and
     * "tens" say something else.
     */
    static String unplural(String w) {
        if (w.length() >= 5 && w.charAt(w.length() - 1) == 's') {
            String base = w.substring(0, w.length() - 1);
            if (UNITS.containsKey(base) || TENS.containsKey(base)) {
                return base;
            }
        }
        return w;
    }

    /** The number starting at token {@code i}, or null. Digits ("21") or English words up to the hundreds. */
    static Read at(Tokens t, int i) {
        if (i >= t.size) {
            return null;
        }
        String w = unplural(t.word[i]);
        if (t.isNumber(i)) {
            if (w.length() > 6) {
                return null;
            }
            return new Read(Integer.parseInt(w), 1);
        }
        int j = i;
        int total = 0;
        boolean any = false;
        if ((w.equals("a") || w.equals("one")) && t.is(i + 1, "hundred")) {
            total = 100;
            j = i + 2;
            any = true;
            if (t.is(j, "and") && (TENS.containsKey(t.at(j + 1)) || UNITS.containsKey(t.at(j + 1)))) {
                j++;
            }
        } else if (UNITS.containsKey(w) && t.is(i + 1, "hundred")) {
            total = UNITS.get(w) * 100;
            j = i + 2;
            any = true;
            if (t.is(j, "and") && (TENS.containsKey(t.at(j + 1)) || UNITS.containsKey(t.at(j + 1)))) {
                j++;
            }
        }
        String x = unplural(t.at(j));
        if (TENS.containsKey(x) && (j == i || joined(t, j))) {
            total += TENS.get(x);
            j++;
            any = true;
            String y = unplural(t.at(j));
            Integer u = UNITS.get(y);
            if (u != null && u > 0 && u < 10 && joined(t, j)) {
                total += u;
                j++;
            }
        } else if (UNITS.containsKey(x) && !(any && x.equals("zero")) && (j == i || joined(t, j))) {
            total += UNITS.get(x);
            j++;
            any = true;
        }
        if (!any) {
            return null;
        }
        return new Read(total, j - i);
    }

    /** True when token {@code j} follows the one before with only spaces or a hyphen: "fifty, five" is two. */
    private static boolean joined(Tokens t, int j) {
        String gap = t.gapBefore(j).strip();
        return gap.isEmpty() || gap.equals("-");
    }

    /** The single digit a word stands for ("oh" is 0), or -1. */
    static int digit(String w) {
        Integer d = DIGITS.get(unplural(w));
        return d == null ? -1 : d;
    }

    /**
     * A digit inside a run of spoken digits, where a recogniser may write its homophone: "won" 1, "to" 2, "for"
     * 4, "ate" 8. Only for the middle of a phone number; -1 otherwise.
     */
    static int digitInRun(String w) {
        int d = digit(w);
        if (d >= 0) {
            return d;
        }
        return switch (w) {
            case "won" -> 1;
            case "to", "too" -> 2;
            case "for" -> 4;
            case "ate" -> 8;
            default -> -1;
        };
    }

    /** A number word as a plain number ("one" 1, "twenty" 20) or -1, without looking at the next token. */
    static int word(String w) {
        Integer u = UNITS.get(unplural(w));
        if (u != null) {
            return u;
        }
        Integer t = TENS.get(unplural(w));
        return t == null ? -1 : t;
    }

    /** A Japanese numeral ("ni", "san") or -1. */
    static int japanese(String w) {
        Integer n = JAPANESE.get(w);
        return n == null ? -1 : n;
    }
}
