package dev.switchboard.calltaking.engine.entities;

import dev.switchboard.places.Gazetteer;
import dev.switchboard.places.Place;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Japanese block addresses as typed or spoken: {@code 2-21-1}, {@code 2 chome 21 ban 1 go}, {@code ni-chome 3},
 * {@code chome 3 banchi 5}, {@code 2丁目21番1号}, with the neighbourhood or ward written right before or after the
 * numbers ({@code 2-21-1 Shibuya}, {@code Ebisu 3-5-12}). A number said before a unit word belongs to it
 * ("2 chome"); a unit word with no number before it takes the one after it ("chome 3").
 */
final class BlockAddresses {

    private static final Set<String> CHOME = Set.of("chome", "chō", "cho", "choume", "chōme");
    private static final Set<String> BAN = Set.of("ban", "banchi");
    private static final Set<String> GO = Set.of("go", "gou", "goh");
    private static final Set<String> CONTEXT = Set.of("address", "chome", "banchi", "ban", "apartment", "building",
            "live", "lives", "house", "block", "mansion", "heights");

    private BlockAddresses() {
    }

    /**
     * One address.
     *
     * @param numbers  normalised numbers, {@code 2-21-1}, or {@code 3-chome} when only the chome is known
     * @param area     the neighbourhood or ward written next to the numbers, or null
     * @param from     first token of the span (the area's, when it comes first)
     * @param to       one past the last token
     */
    record Found(String numbers, Place area, int from, int to, double confidence) {
        String value() {
            return area == null ? numbers : numbers + " " + area.name();
        }
    }

    static List<Found> findAll(Tokens t, boolean[] blocked, PlaceNames g) {
        List<Found> out = new ArrayList<>();
        Names names = null;
        boolean context = false;
        for (int i = 0; i < t.size; i++) {
            if (CONTEXT.contains(t.word[i])) {
                context = true;
                break;
            }
        }
        int i = 0;
        while (i < t.size) {
            if (blocked[i]) {
                i++;
                continue;
            }
            int[] nums = new int[3];
            int[] end = new int[1];
            int parts = hyphenated(t, i, blocked, nums, end);
            double conf;
            if (parts == 0) {
                parts = japanese(t, i, blocked, nums, end);
            }
            boolean spoken = false;
            if (parts == 0) {
                parts = spoken(t, i, blocked, nums, end);
                spoken = parts != 0;
            }
            if (parts == 0 && !t.isNumber(i) && SpokenNumbers.word(t.word[i]) < 0) {
                i++;
                continue;
            }
            if (names == null) {
                names = new Names(t, g.scan(t, blocked));
            }
            if (parts == 0) {
                parts = t.isNumber(i) ? spaced(t, i, blocked, names, nums, end)
                        : spokenSpaced(t, i, blocked, names, nums, end);
            }
            if (parts == 0 || names.inside[i]) {
                i++;
                continue;
            }
            PlaceNames.Match before = null;
            PlaceNames.Match after = null;
            PlaceNames.Match m = names.endingAt[i];
            if (m != null && area(m) != null && closeGap(t, m.to() - 1, i)) {
                before = m;
            }
            int gapFrom = t.is(end[0], "in") ? end[0] + 1 : end[0];
            m = gapFrom <= t.size ? names.startingAt[gapFrom] : null;
            if (m != null && area(m) != null && closeGap(t, gapFrom - 1, m.from())
                    && !t.is(m.to(), "ku") && !t.is(m.to(), "ward") && !t.is(m.to(), "station")) {
                after = m;
            }
            if (before != null && (t.is(before.to() - 1, "ku") || t.is(before.to() - 1, "ward"))) {
                before = null;
            }
            PlaceNames.Match chosen = after != null ? after : before;
            if (before != null && after != null && area(before).kind().equals("neighbourhood")
                    && !area(after).kind().equals("neighbourhood")) {
                chosen = before;
            }
            boolean strong = parts == 3 || spoken || parts < 0;
            if (!strong && chosen == null && !context) {
                i = Math.max(i + 1, end[0]);
                continue;
            }
            String numbers = parts < 0 ? nums[0] + "-chome" : join(nums, Math.abs(parts));
            conf = parts == 3 ? 0.9 : 0.75;
            if (chosen != null) {
                conf = Math.min(0.95, conf + 0.05) * chosen.confidence();
            }
            int from = chosen == before && chosen != null ? before.from() : i;
            int to = chosen == after && chosen != null ? after.to() : end[0];
            out.add(new Found(numbers, chosen == null ? null : area(chosen), from, to, conf));
            i = Math.max(i + 1, to);
        }
        return out;
    }

    /**
     * The gazetteer's names in an utterance, indexed by the token they start and end at, so each number looks up
     * its neighbours in constant time.
     */
    private static final class Names {
        final PlaceNames.Match[] startingAt;
        final PlaceNames.Match[] endingAt;
        /** True inside (not at the start of) a landmark's or crossing's name ("Ginza 4-chome Crossing"). */
        final boolean[] inside;

        Names(Tokens t, List<PlaceNames.Match> matches) {
            startingAt = new PlaceNames.Match[t.size + 1];
            endingAt = new PlaceNames.Match[t.size + 1];
            inside = new boolean[t.size + 1];
            for (PlaceNames.Match m : matches) {
                startingAt[m.from()] = m;
                endingAt[m.to()] = m;
                if (m.first(Gazetteer.Kind.LANDMARK) != null || m.first(Gazetteer.Kind.INTERSECTION) != null) {
                    for (int k = m.from() + 1; k < m.to(); k++) {
                        inside[k] = true;
                    }
                }
            }
        }
    }

    /**
     * "ebisu three five twelve", "two twenty one one shibuya": a recogniser writes the numbers as words. Three
     * numbers next to a neighbourhood or ward name, or two after "at" or an address word.
     */
    private static int spokenSpaced(Tokens t, int i, boolean[] blocked, Names names, int[] nums, int[] end) {
        int parts = 0;
        int j = i;
        while (parts < 3 && j < t.size && !blocked[j] && !t.isNumber(j) && (j == i || t.gapBefore(j).isBlank())) {
            SpokenNumbers.Read n = SpokenNumbers.at(t, j);
            if (n == null || n.value() < 1 || n.value() > 99) {
                break;
            }
            nums[parts++] = n.value();
            j += n.tokens();
        }
        if (parts < 2 || SpokenNumbers.at(t, j) != null && t.gapBefore(j).isBlank()) {
            return 0;
        }
        boolean areaBefore = names.endingAt[i] != null && area(names.endingAt[i]) != null;
        boolean areaAfter = j <= t.size && names.startingAt[j] != null && area(names.startingAt[j]) != null;
        if (!areaBefore && !areaAfter || parts == 2 && !t.isAny(i - 1, Set.of("at", "is", "address", "its"))) {
            return 0;
        }
        end[0] = j;
        return parts;
    }

    /**
     * "Ebisu 3 5 12": two or three small numbers with only spaces between, straight after a neighbourhood or
     * ward name (speech recognisers drop the hyphens).
     */
    private static int spaced(Tokens t, int i, boolean[] blocked, Names names, int[] nums, int[] end) {
        if (!t.isNumber(i) || t.word[i].length() > 2) {
            return 0;
        }
        if (names.endingAt[i] == null || area(names.endingAt[i]) == null) {
            return 0;
        }
        int parts = 0;
        int j = i;
        while (parts < 3 && j < t.size && t.isNumber(j) && !blocked[j] && t.word[j].length() <= 3
                && (j == i || t.gap(j - 1, j).isBlank())) {
            nums[parts++] = Integer.parseInt(t.word[j]);
            j++;
        }
        if (parts < 2 || nums[0] == 0 || t.isNumber(j) && t.gap(j - 1, j).isBlank()) {
            return 0;
        }
        end[0] = j;
        return parts;
    }

    private static Place area(PlaceNames.Match m) {
        Gazetteer.Entry n = m.first(Gazetteer.Kind.NEIGHBOURHOOD);
        if (n == null) {
            n = m.first(Gazetteer.Kind.WARD);
        }
        if (n == null) {
            n = m.first(Gazetteer.Kind.OUTSIDE);
        }
        return n == null ? null : n.place();
    }

    private static boolean closeGap(Tokens t, int left, int right) {
        if (left < 0 || right >= t.size || left >= right) {
            return left + 1 == right || left == right;
        }
        String gap = t.gap(left, right).strip();
        return gap.isEmpty() || gap.equals(",");
    }

    private static String join(int[] nums, int parts) {
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < parts; k++) {
            if (k > 0) {
                sb.append('-');
            }
            sb.append(nums[k]);
        }
        return sb.toString();
    }

    /** "2-21-1", "2 - 21 - 1", "3-5": 2 or 3 parts, 0 when not an address shape. */
    private static int hyphenated(Tokens t, int i, boolean[] blocked, int[] nums, int[] end) {
        if (!t.isNumber(i) || t.word[i].length() > 2 || precededByHyphen(t, i)) {
            return 0;
        }
        int parts = 1;
        nums[0] = Integer.parseInt(t.word[i]);
        int j = i;
        while (parts < 3 && j + 1 < t.size && !blocked[j + 1] && t.isNumber(j + 1) && t.word[j + 1].length() <= 3
                && isHyphen(t.gap(j, j + 1))) {
            nums[parts++] = Integer.parseInt(t.word[j + 1]);
            j++;
        }
        if (parts < 2 || nums[0] == 0) {
            return 0;
        }
        if (j + 1 < t.size && t.isNumber(j + 1) && isHyphen(t.gap(j, j + 1))) {
            return 0;
        }
        end[0] = j + 1;
        return parts;
    }

    private static boolean precededByHyphen(Tokens t, int i) {
        return i > 0 && t.isNumber(i - 1) && isHyphen(t.gap(i - 1, i));
    }

    private static boolean isHyphen(String gap) {
        String g = gap.strip();
        return g.equals("-") || g.equals("–") || g.equals("—") || g.equals("‐") || g.equals("−") || g.equals("ー");
    }

    /** "2丁目21番1号", "2丁目21番地1", "2丁目21-1". */
    private static int japanese(Tokens t, int i, boolean[] blocked, int[] nums, int[] end) {
        if (!t.isNumber(i) || t.word[i].length() > 3 || !t.is(i + 1, "丁") || !t.is(i + 2, "目")) {
            return 0;
        }
        nums[0] = Integer.parseInt(t.word[i]);
        int parts = 1;
        int j = i + 3;
        while (parts < 3 && t.isNumber(j) && t.word[j].length() <= 4 && !blocked[j]) {
            nums[parts++] = Integer.parseInt(t.word[j]);
            j++;
            if (t.is(j, "番")) {
                j++;
                if (t.is(j, "地")) {
                    j++;
                }
            } else if (t.is(j, "号")) {
                j++;
            }
        }
        end[0] = j;
        return parts == 1 ? -1 : parts;
    }

    /**
     * "2 chome 21 ban 1 go", "nichome 3", "chome 3 banchi 5", "two chome twenty one ban one go", "3 chome".
     * Returns the number of parts, -1 for a chome alone, 0 when there is no unit word here.
     */
    private static int spoken(Tokens t, int i, boolean[] blocked, int[] nums, int[] end) {
        int j = i;
        int chome = -1;
        // a number before "chome": digits, English words or a Japanese numeral; or one token "nichome"
        SpokenNumbers.Read first = SpokenNumbers.at(t, j);
        if (first != null && CHOME.contains(t.at(j + first.tokens()))) {
            chome = first.value();
            j += first.tokens() + 1;
        } else if (SpokenNumbers.japanese(t.at(j)) > 0 && CHOME.contains(t.at(j + 1))) {
            chome = SpokenNumbers.japanese(t.at(j));
            j += 2;
        } else if (t.at(j).endsWith("chome") && t.at(j).length() > 5
                && SpokenNumbers.japanese(japanesePrefix(t.at(j))) > 0) {
            chome = SpokenNumbers.japanese(japanesePrefix(t.at(j)));
            j += 1;
        } else if (CHOME.contains(t.at(j))) {
            SpokenNumbers.Read after = SpokenNumbers.at(t, j + 1);
            if (after == null) {
                return 0;
            }
            chome = after.value();
            j += 1 + after.tokens();
        } else if (BAN.contains(t.at(j)) || first != null && BAN.contains(t.at(j + first.tokens()))) {
            chome = 0;
        } else {
            return 0;
        }
        for (int k = i; k < j; k++) {
            if (blocked[k]) {
                return 0;
            }
        }
        int parts = chome > 0 ? 1 : 0;
        if (chome > 0) {
            nums[0] = chome;
        }
        for (Set<String> unit : List.of(BAN, GO)) {
            SpokenNumbers.Read n = SpokenNumbers.at(t, j);
            if (n != null && unit.contains(t.at(j + n.tokens())) && !blocked[j]) {
                nums[parts++] = n.value();
                j += n.tokens() + 1;
            } else if (unit.contains(t.at(j)) && (n = SpokenNumbers.at(t, j + 1)) != null) {
                nums[parts++] = n.value();
                j += 1 + n.tokens();
            } else if (n != null && unit == GO && parts >= 2 && !blocked[j]) {
                nums[parts++] = n.value();
                j += n.tokens();
            } else if (unit == BAN && n != null && parts == 1 && !blocked[j]) {
                nums[parts++] = n.value();
                j += n.tokens();
                if (t.isAny(j, BAN)) {
                    j++;
                }
            } else {
                break;
            }
        }
        if (parts == 0 || chome == 0 && parts < 2) {
            return 0;
        }
        end[0] = j;
        return parts == 1 ? -1 : parts;
    }

    /** "nichome" is "ni", "itchome" is "it" (1), "hatchome" is "hat" (8). */
    private static String japanesePrefix(String w) {
        return w.substring(0, w.length() - "chome".length());
    }
}
