package dev.switchboard.calltaking.engine.entities;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Turns a labelled utterance into what a speech recogniser might have written for it, keeping its labels: lower
 * case, no punctuation (apostrophes dropped in about half the lines), numbers as words (phone numbers and plates
 * digit by digit, house numbers in pairs), homophones ("their", "for", "know"), dropped short words, "uh"/"um"
 * fillers, and in about a third of the lines one misheard word ("breeding" for "breathing", "joking" for
 * "choking", a dropped double letter). The values of the labels stay what was said; their spans move with the
 * words. Deterministic: the same utterance always gives the same noisy form (seeded by its id).
 */
public final class SpeechNoise {

    private static final long SALT = 0x5EED_0A11_CA11L;
    private static final double HOMOPHONE = 0.2;
    private static final double DROP = 0.12;
    private static final double FILLER = 0.04;
    private static final double MISHEAR = 0.35;

    private static final Map<String, String[]> HOMOPHONES = Map.ofEntries(
            Map.entry("there", new String[] {"their", "they're"}), Map.entry("their", new String[] {"there"}),
            Map.entry("theyre", new String[] {"there", "their"}), Map.entry("they're", new String[] {"there"}),
            Map.entry("to", new String[] {"too", "two"}), Map.entry("too", new String[] {"to"}),
            Map.entry("two", new String[] {"to", "too"}), Map.entry("for", new String[] {"four"}),
            Map.entry("four", new String[] {"for"}), Map.entry("no", new String[] {"know"}),
            Map.entry("know", new String[] {"no"}), Map.entry("right", new String[] {"write"}),
            Map.entry("here", new String[] {"hear"}), Map.entry("hear", new String[] {"here"}),
            Map.entry("one", new String[] {"won"}), Map.entry("by", new String[] {"buy", "bye"}),
            Map.entry("road", new String[] {"rode"}), Map.entry("whole", new String[] {"hole"}),
            Map.entry("where", new String[] {"wear"}), Map.entry("wear", new String[] {"where"}),
            Map.entry("blue", new String[] {"blew"}), Map.entry("blew", new String[] {"blue"}),
            Map.entry("red", new String[] {"read"}), Map.entry("eight", new String[] {"ate"}),
            Map.entry("see", new String[] {"sea"}), Map.entry("its", new String[] {"it's"}),
            Map.entry("it's", new String[] {"its"}), Map.entry("your", new String[] {"you're"}),
            Map.entry("you're", new String[] {"your"}), Map.entry("weak", new String[] {"week"}),
            Map.entry("through", new String[] {"threw"}), Map.entry("threw", new String[] {"through"}),
            Map.entry("passed", new String[] {"past"}), Map.entry("past", new String[] {"passed"}),
            Map.entry("brake", new String[] {"break"}), Map.entry("break", new String[] {"brake"}),
            Map.entry("won't", new String[] {"want"}), Map.entry("wont", new String[] {"want"}),
            Map.entry("then", new String[] {"than"}), Map.entry("our", new String[] {"are", "hour"}),
            Map.entry("are", new String[] {"our"}), Map.entry("we're", new String[] {"were"}),
            Map.entry("he'll", new String[] {"heel"}), Map.entry("aisle", new String[] {"isle"}));
    private static final Set<String> DROPPABLE = Set.of("the", "a", "an", "is", "are", "was", "of", "to", "and",
            "that", "it", "its", "it's", "there", "just", "like", "so", "in", "on", "at", "he", "she", "i");
    private static final Map<String, String[]> MISHEARD = Map.ofEntries(
            Map.entry("breathing", new String[] {"breeding", "for a thing", "breathe in", "bleeding"}),
            Map.entry("breathe", new String[] {"breed", "free"}),
            Map.entry("bleeding", new String[] {"bloody", "pleading", "bleeting"}),
            Map.entry("knife", new String[] {"the next", "night", "nice"}),
            Map.entry("conscious", new String[] {"conscience", "concious"}),
            Map.entry("unconscious", new String[] {"unconscience", "on conscious"}),
            Map.entry("choking", new String[] {"joking", "soaking"}), Map.entry("gun", new String[] {"gone", "done"}),
            Map.entry("shot", new String[] {"shut", "shop"}), Map.entry("fire", new String[] {"far", "fired"}),
            Map.entry("smoke", new String[] {"spoke", "smoked"}), Map.entry("gas", new String[] {"guess", "glass"}),
            Map.entry("stabbed", new String[] {"stab", "staffed"}), Map.entry("awake", new String[] {"a wake", "away"}),
            Map.entry("baby", new String[] {"maybe", "bay be"}), Map.entry("flames", new String[] {"flame's"}),
            Map.entry("water", new String[] {"waters", "order"}), Map.entry("weapons", new String[] {"weapon"}),
            Map.entry("injured", new String[] {"injure"}), Map.entry("hurt", new String[] {"heard"}),
            Map.entry("dead", new String[] {"dad", "bed"}), Map.entry("truck", new String[] {"trek"}),
            Map.entry("wearing", new String[] {"where in", "wary"}), Map.entry("hoodie", new String[] {"who d"}),
            Map.entry("gray", new String[] {"grey", "great"}), Map.entry("black", new String[] {"back"}),
            Map.entry("white", new String[] {"why"}), Map.entry("rising", new String[] {"rise in"}),
            Map.entry("smoking", new String[] {"soaking"}), Map.entry("moving", new String[] {"movie"}),
            Map.entry("bat", new String[] {"bad"}), Map.entry("pistol", new String[] {"pistil"}),
            Map.entry("rifle", new String[] {"refill"}), Map.entry("explosion", new String[] {"explosions"}),
            Map.entry("collapsed", new String[] {"collapse", "elapsed"}),
            Map.entry("sparking", new String[] {"parking"}),
            Map.entry("flooding", new String[] {"flooring"}), Map.entry("burning", new String[] {"learning"}),
            Map.entry("unresponsive", new String[] {"and responsive"}), Map.entry("passed", new String[] {"past"}),
            Map.entry("jacket", new String[] {"jack it"}), Map.entry("jeans", new String[] {"genes"}),
            Map.entry("skinny", new String[] {"skinned"}), Map.entry("shooter", new String[] {"shooters", "suitor"}),
            Map.entry("gunshots", new String[] {"gun shots", "gunshot"}), Map.entry("male", new String[] {"mail"}),
            Map.entry("plate", new String[] {"played"}), Map.entry("pills", new String[] {"pearls"}));
    private static final String[] UNITS = {"zero", "one", "two", "three", "four", "five", "six", "seven", "eight",
        "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
        "nineteen"};
    private static final String[] TENS = {"", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy",
        "eighty", "ninety"};
    private static final Map<String, String> ORDINAL_WORDS = Map.ofEntries(Map.entry("one", "first"),
            Map.entry("two", "second"), Map.entry("three", "third"), Map.entry("five", "fifth"),
            Map.entry("eight", "eighth"), Map.entry("nine", "ninth"), Map.entry("twelve", "twelfth"));

    private SpeechNoise() {
    }

    /** The noisy form of each utterance of {@code set}, in order. */
    public static List<LabelledUtterance> apply(List<LabelledUtterance> set) {
        List<LabelledUtterance> out = new ArrayList<>(set.size());
        for (LabelledUtterance u : set) {
            out.add(apply(u));
        }
        return out;
    }

    /** The noisy form of one utterance; its context line gets noise of its own. */
    public static LabelledUtterance apply(LabelledUtterance u) {
        SplittableRandom rnd = new SplittableRandom(u.id() * 0x9E3779B97F4A7C15L + SALT);
        List<LabelledUtterance.Expected> es = u.entities();
        int[][] ranges = ranges(u.text(), es);
        List<Tok> toks = noisy(u.text(), ranges, rnd);
        StringBuilder sb = new StringBuilder();
        int[] from = new int[es.size()];
        int[] to = new int[es.size()];
        java.util.Arrays.fill(from, -1);
        for (Tok t : toks) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            int s = sb.length();
            sb.append(t.s);
            for (int k = 0; k < es.size(); k++) {
                if ((t.mask & 1L << k) != 0) {
                    if (from[k] < 0) {
                        from[k] = s;
                    }
                    to[k] = sb.length();
                }
            }
        }
        String text = sb.toString();
        List<LabelledUtterance.Expected> out = new ArrayList<>();
        for (int k = 0; k < es.size(); k++) {
            LabelledUtterance.Expected e = es.get(k);
            if (from[k] >= 0) {
                out.add(new LabelledUtterance.Expected(e.type(), e.value(), text.substring(from[k], to[k]), from[k]));
            }
        }
        String context = u.context().isEmpty() ? "" : join(noisy(u.context(), new int[0][], rnd));
        return new LabelledUtterance(u.id(), u.source(), u.speaker(), context, text.isEmpty() ? "uh" : text, out);
    }

    /** Character ranges of the expected entities: their offset, or the n-th occurrence of their span text. */
    static int[][] ranges(String text, List<LabelledUtterance.Expected> es) {
        int[][] r = new int[es.size()][];
        Map<String, Integer> seen = new java.util.HashMap<>();
        for (int k = 0; k < es.size(); k++) {
            LabelledUtterance.Expected e = es.get(k);
            int start = e.start();
            if (start < 0) {
                int n = seen.merge(e.text(), 1, Integer::sum);
                start = -1;
                for (int q = 0; q < n; q++) {
                    int next = text.indexOf(e.text(), start + 1);
                    if (next < 0) {
                        break;
                    }
                    start = next;
                }
                if (start < 0) {
                    start = text.indexOf(e.text());
                }
            }
            r[k] = new int[] {start, start + e.text().length()};
        }
        return r;
    }

    private static final class Tok {
        String s;
        final long mask;
        final boolean spanStart;

        Tok(String s, long mask, boolean spanStart) {
            this.s = s;
            this.mask = mask;
            this.spanStart = spanStart;
        }
    }

    private static String join(List<Tok> toks) {
        StringBuilder sb = new StringBuilder();
        for (Tok t : toks) {
            sb.append(sb.length() > 0 ? " " : "").append(t.s);
        }
        return sb.toString();
    }

    private static List<Tok> noisy(String text, int[][] ranges, SplittableRandom rnd) {
        boolean apostrophes = rnd.nextBoolean();
        List<Tok> toks = new ArrayList<>();
        int i = 0;
        long previous = 0;
        while (i < text.length()) {
            if (Character.isWhitespace(text.charAt(i))) {
                i++;
                continue;
            }
            int s = i;
            while (i < text.length() && !Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            long mask = 0;
            for (int k = 0; k < ranges.length; k++) {
                if (ranges[k][0] < i && s < ranges[k][1]) {
                    mask |= 1L << k;
                }
            }
            for (String piece : clean(text.substring(s, i), apostrophes)) {
                for (String w : spoken(piece, mask, ranges, text, rnd)) {
                    toks.add(new Tok(w, mask, (mask & ~previous) != 0));
                    previous = mask;
                }
            }
        }
        return scramble(toks, rnd);
    }

    /** Lower case, punctuation removed; hyphens, slashes and dots split words; apostrophes kept or dropped. */
    private static List<String> clean(String word, boolean apostrophes) {
        List<String> out = new ArrayList<>();
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < word.length(); k++) {
            char c = word.charAt(k);
            if (Character.isLetterOrDigit(c)) {
                sb.append(Character.toLowerCase(c));
            } else if ((c == '\'' || c == '’') && sb.length() > 0 && k + 1 < word.length()
                    && Character.isLetter(word.charAt(k + 1))) {
                if (apostrophes) {
                    sb.append('\'');
                }
            } else if (sb.length() > 0) {
                out.add(sb.toString());
                sb.setLength(0);
            }
        }
        if (sb.length() > 0) {
            out.add(sb.toString());
        }
        return out;
    }

    /** Numbers said as words: digit by digit in phones and plates, pairs for four digits, ordinals. */
    private static List<String> spoken(String w, long mask, int[][] ranges, String text, SplittableRandom rnd) {
        if (w.chars().noneMatch(Character::isDigit)) {
            return List.of(w);
        }
        boolean digitByDigit = false;
        for (int k = 0; k < ranges.length; k++) {
            if ((mask & 1L << k) != 0) {
                String span = text.substring(Math.max(0, ranges[k][0]), Math.min(text.length(), ranges[k][1]));
                digitByDigit |= span.chars().filter(Character::isDigit).count() >= 7
                        || span.chars().filter(Character::isLetter).count() <= 3 && span.contains("-")
                        && span.chars().anyMatch(Character::isUpperCase);
            }
        }
        String ordinal = w.matches("\\d+(st|nd|rd|th)") ? w.replaceAll("\\D", "") : null;
        if (ordinal != null && ordinal.length() <= 2) {
            List<String> words = new ArrayList<>(cardinal(Integer.parseInt(ordinal)));
            words.set(words.size() - 1, ordinal(words.get(words.size() - 1)));
            return words;
        }
        List<String> out = new ArrayList<>();
        int k = 0;
        while (k < w.length()) {
            int s = k;
            boolean digit = Character.isDigit(w.charAt(k));
            while (k < w.length() && Character.isDigit(w.charAt(k)) == digit) {
                k++;
            }
            String run = w.substring(s, k);
            if (!digit) {
                if (run.length() <= 3 && s + run.length() < w.length() || s > 0 && run.length() <= 3) {
                    for (char c : run.toCharArray()) {
                        out.add(String.valueOf(c));
                    }
                } else {
                    out.add(run);
                }
            } else if (digitByDigit || run.length() > 4 || run.length() > 1 && run.charAt(0) == '0') {
                for (char c : run.toCharArray()) {
                    out.add(c == '0' && rnd.nextBoolean() ? "oh" : UNITS[c - '0']);
                }
            } else if (run.length() == 4) {
                int hi = Integer.parseInt(run.substring(0, 2));
                int lo = Integer.parseInt(run.substring(2));
                if (run.charAt(1) == '0' && run.charAt(2) == '0' && run.charAt(3) == '0') {
                    out.addAll(cardinal(hi / 10));
                    out.add("thousand");
                } else {
                    out.addAll(cardinal(hi));
                    if (lo == 0) {
                        out.add("hundred");
                    } else if (lo < 10) {
                        out.add("oh");
                        out.addAll(cardinal(lo));
                    } else {
                        out.addAll(cardinal(lo));
                    }
                }
            } else {
                out.addAll(cardinal(Integer.parseInt(run)));
            }
        }
        return out;
    }

    static List<String> cardinal(int n) {
        List<String> out = new ArrayList<>();
        if (n >= 100) {
            out.add(UNITS[n / 100]);
            out.add("hundred");
            n %= 100;
            if (n == 0) {
                return out;
            }
        }
        if (n < 20) {
            out.add(UNITS[n]);
        } else {
            out.add(TENS[n / 10]);
            if (n % 10 != 0) {
                out.add(UNITS[n % 10]);
            }
        }
        return out;
    }

    private static String ordinal(String w) {
        String o = ORDINAL_WORDS.get(w);
        if (o != null) {
            return o;
        }
        return w.endsWith("y") ? w.substring(0, w.length() - 1) + "ieth" : w + "th";
    }

    /** Homophones, dropped short words, fillers and one misheard word. */
    private static List<Tok> scramble(List<Tok> toks, SplittableRandom rnd) {
        int[] left = new int[64];
        for (Tok t : toks) {
            for (int k = 0; k < 64; k++) {
                left[k] += (int) (t.mask >>> k & 1);
            }
        }
        List<Tok> out = new ArrayList<>();
        for (Tok t : toks) {
            String[] h = HOMOPHONES.get(t.s);
            if (h != null && rnd.nextDouble() < HOMOPHONE) {
                t.s = h[rnd.nextInt(h.length)];
            }
            boolean onlyOneLeft = false;
            for (int k = 0; k < 64; k++) {
                onlyOneLeft |= (t.mask >>> k & 1) != 0 && left[k] <= 1;
            }
            if (DROPPABLE.contains(t.s) && !onlyOneLeft && rnd.nextDouble() < DROP) {
                for (int k = 0; k < 64; k++) {
                    left[k] -= (int) (t.mask >>> k & 1);
                }
                continue;
            }
            if ((t.mask == 0 || t.spanStart) && rnd.nextDouble() < FILLER) {
                out.add(new Tok(rnd.nextBoolean() ? "uh" : "um", 0, false));
            }
            out.add(t);
        }
        if (rnd.nextDouble() < MISHEAR) {
            List<Integer> candidates = new ArrayList<>();
            for (int k = 0; k < out.size(); k++) {
                String s = out.get(k).s;
                if (s.length() >= 4 && s.chars().allMatch(Character::isLetter)) {
                    candidates.add(k);
                }
            }
            if (!candidates.isEmpty()) {
                Tok t = out.get(candidates.get(rnd.nextInt(candidates.size())));
                t.s = mishear(t.s, rnd);
            }
        }
        return out;
    }

    /**
     * A word as a recogniser may mishear it: a known confusion, else another real word close in sound (the
     * plural or singular, the present for the past, "snore in" for "snoring"); recognisers only write words
     * from their vocabulary.
     */
    static String mishear(String w, SplittableRandom rnd) {
        String[] known = MISHEARD.get(w);
        if (known != null) {
            return known[rnd.nextInt(known.length)];
        }
        if (w.endsWith("ing") && w.length() > 5) {
            return w.substring(0, w.length() - 3) + (rnd.nextBoolean() ? "e in" : " in");
        }
        if (w.endsWith("ed")) {
            return w.substring(0, w.length() - 1);
        }
        if (w.endsWith("s") && !w.endsWith("ss")) {
            return w.substring(0, w.length() - 1);
        }
        return w + "s";
    }
}
