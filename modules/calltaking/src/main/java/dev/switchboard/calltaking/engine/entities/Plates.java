package dev.switchboard.calltaking.engine.entities;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Number plates in any format after a plate word ("plate ABC 1234", "license plate 7-T-R-D-5-4-2", "tag XKD-449",
 * "it's an Ohio plate, H J K 2 2 9 1"), spelled with the police or the NATO alphabet ("adam boy charlie one two
 * three", "zulu x-ray 4417"), or as the answer to a question about the plate ("Did you get the plate?" "K-L-M
 * 3349"). The value is {@code plate} and the characters in upper case without separators; four digits alone are
 * a Japanese serial ({@code plate 12-34}). Japanese plates with their region come from {@link NumberEntities}.
 */
final class Plates {

    private static final Set<String> KEYWORDS = Set.of("plate", "plates", "tag", "tags", "license", "licence",
            "registration");
    private static final Set<String> FILLERS = Set.of("number", "no", "is", "was", "reads", "says", "of", "it",
            "its", "read", "said", "like", "um", "uh", "the", "plate", "plates", "number's", "numbers", "started",
            "starts", "with", "partial", "part", "i", "think", "got", "a", "an");
    private static final Map<String, Character> SPELLING = Map.ofEntries(
            Map.entry("alpha", 'A'), Map.entry("bravo", 'B'), Map.entry("charlie", 'C'), Map.entry("delta", 'D'),
            Map.entry("echo", 'E'), Map.entry("foxtrot", 'F'), Map.entry("golf", 'G'), Map.entry("hotel", 'H'),
            Map.entry("india", 'I'), Map.entry("juliet", 'J'), Map.entry("juliett", 'J'), Map.entry("kilo", 'K'),
            Map.entry("lima", 'L'), Map.entry("mike", 'M'), Map.entry("november", 'N'), Map.entry("oscar", 'O'),
            Map.entry("papa", 'P'), Map.entry("quebec", 'Q'), Map.entry("romeo", 'R'), Map.entry("sierra", 'S'),
            Map.entry("tango", 'T'), Map.entry("uniform", 'U'), Map.entry("victor", 'V'), Map.entry("whiskey", 'W'),
            Map.entry("xray", 'X'), Map.entry("yankee", 'Y'), Map.entry("zulu", 'Z'), Map.entry("adam", 'A'),
            Map.entry("boy", 'B'), Map.entry("charles", 'C'), Map.entry("david", 'D'), Map.entry("edward", 'E'),
            Map.entry("frank", 'F'), Map.entry("george", 'G'), Map.entry("henry", 'H'), Map.entry("ida", 'I'),
            Map.entry("john", 'J'), Map.entry("king", 'K'), Map.entry("lincoln", 'L'), Map.entry("mary", 'M'),
            Map.entry("nora", 'N'), Map.entry("ocean", 'O'), Map.entry("paul", 'P'), Map.entry("queen", 'Q'),
            Map.entry("robert", 'R'), Map.entry("sam", 'S'), Map.entry("tom", 'T'), Map.entry("union", 'U'),
            Map.entry("william", 'W'), Map.entry("young", 'Y'), Map.entry("zebra", 'Z'), Map.entry("x", 'X'));
    private static final int MAX_CHARS = 9;

    private Plates() {
    }

    /** Finds plates; {@code asked} is true when the other speaker just asked for the plate. */
    static void find(Tokens t, boolean[] blocked, boolean asked, List<ExtractedEntity> out) {
        int found = 0;
        for (int i = 0; i < t.size; i++) {
            if (blocked[i] || !KEYWORDS.contains(t.word[i]) || t.isAny(i + 1, Set.of("glass", "shop", "office"))) {
                continue;
            }
            int j = i + 1;
            int skipped = 0;
            while (j < t.size && skipped < 5 && !startsCode(t, j) && (FILLERS.contains(t.word[j])
                    || t.word[j].length() > 3 && !SPELLING.containsKey(t.word[j]) && skipped < 2)) {
                j++;
                skipped++;
            }
            if (read(t, blocked, j, false, out)) {
                found++;
                i = j;
            }
        }
        for (int i = 0; i < t.size && found == 0; i++) {
            // "P like Paul, D, Z 4 4 8 1": a letter spelled out starts a plate without the word "plate"
            if (!blocked[i] && t.word[i].length() == 1 && Character.isLetter(t.word[i].charAt(0))
                    && spelledOut(t, i + 1, new StringBuilder(t.word[i].toUpperCase(java.util.Locale.ROOT))) > i + 1
                    && read(t, blocked, i, false, out)) {
                found++;
            }
        }
        if (found == 0 && asked) {
            int j = 0;
            while (j < t.size && j < 10 && !startsCode(t, j)) {
                j++;
            }
            read(t, blocked, j, true, out);
        }
    }

    private static boolean startsCode(Tokens t, int j) {
        if (j >= t.size) {
            return false;
        }
        String w = t.word[j];
        if (w.equals("a") || w.equals("i")) {
            // "A C 0 3 4 4": a capital A before more characters of the plate
            return t.text.charAt(t.start[j]) == Character.toUpperCase(w.charAt(0)) && (t.isNumber(j + 1)
                    || t.at(j + 1).length() == 1) && (t.isNumber(j + 2) || t.at(j + 2).length() == 1);
        }
        return t.isNumber(j) || w.length() == 1 || SPELLING.containsKey(w)
                && !w.equals("x") || w.length() <= 3 && w.chars().allMatch(Character::isLetter)
                && t.isNumber(j + 1) && !Set.of("the", "its", "and", "was", "his", "her", "is", "on", "at", "it",
                "in", "of", "to", "no").contains(w);
    }

    /** Reads a plate starting at token {@code j}; true when one was added. */
    private static boolean read(Tokens t, boolean[] blocked, int j, boolean asked, List<ExtractedEntity> out) {
        StringBuilder code = new StringBuilder();
        int k = j;
        int last = -1;
        boolean oneByOne = true;
        boolean spelled = false;
        while (k < t.size && !blocked[k] && code.length() < MAX_CHARS) {
            String w = t.word[k];
            String gap = k > j ? t.gap(k - 1, k).strip() : "";
            if (k > j && !gap.isEmpty() && !gap.equals("-") && !(gap.equals(",")
                    && (t.word[k - 1].length() == 1 || spelled)
                    && (w.length() == 1 || SPELLING.containsKey(w)))) {
                // "J, R, 5, 7": characters said one by one may be separated by commas
                break;
            }
            int spelledTo = spelledOut(t, k, code);
            if (spelledTo > k) {
                // "L as in Larry", "P like Paul": the word only spells the letter before it
                last = spelledTo - 1;
                k = spelledTo;
                spelled = true;
                continue;
            }
            spelled = false;
            oneByOne &= w.length() == 1 || SpokenNumbers.digit(w) >= 0 && !t.isNumber(k);
            char homophone = last >= 0 && Character.isDigit(code.charAt(code.length() - 1)) && (k + 1 >= t.size
                    || SpokenNumbers.digit(t.word[k + 1]) >= 0 || t.isNumber(k + 1)) ? digitHomophone(w) : 0;
            if (homophone != 0) {
                // "one to three four": a recogniser's "to", "for", "ate", "won" between digits
                code.append(homophone);
            } else if (t.isNumber(k) && code.length() + w.length() <= MAX_CHARS) {
                code.append(w);
            } else if (SpokenNumbers.digit(w) >= 0 && !w.equals("o") && last >= 0) {
                code.append(SpokenNumbers.digit(w));
            } else if (SpokenNumbers.digit(w) >= 0 && !w.equals("o") && !w.equals("oh") && startsSpoken(t, k)) {
                code.append(SpokenNumbers.digit(w));
            } else if (w.equals("x") && t.is(k + 1, "ray")) {
                code.append('X');
                k++;
            } else if (SPELLING.containsKey(w) && (w.length() > 1 || k == j || last >= 0)) {
                code.append(SPELLING.get(w));
            } else if (w.length() == 1 && Character.isLetter(w.charAt(0)) && !(w.equals("a") && k > j
                    && !t.isNumber(k + 1) && t.at(k + 1).length() != 1)) {
                code.append(Character.toUpperCase(w.charAt(0)));
            } else if (w.length() <= 4 && w.chars().allMatch(Character::isLetter)
                    && (k == j && w.length() <= 3 || k > j && t.gapBefore(k).isEmpty())) {
                code.append(w.toUpperCase(java.util.Locale.ROOT));
            } else {
                break;
            }
            last = k;
            k++;
        }
        String c = code.toString();
        boolean digits = c.chars().anyMatch(Character::isDigit);
        boolean letters = c.chars().anyMatch(Character::isLetter);
        boolean partialAnswer = asked && oneByOne && !letters && c.length() == 3;
        if (last < 0 || !digits || c.length() < 3 || !letters && c.length() != 4 && c.length() < 5
                && !partialAnswer || !letters && c.length() > 7) {
            return false;
        }
        String value = !letters && c.length() == 4 ? c.substring(0, 2) + "-" + c.substring(2) : c;
        for (int b = j; b <= last; b++) {
            blocked[b] = true;
        }
        out.add(new ExtractedEntity(EntityType.VEHICLE, "plate " + value, t.span(j, last + 1), t.start[j],
                t.end[last], letters ? 0.8 : 0.7));
        return true;
    }

    /**
     * After a letter just read, "as in Larry", "like Paul" or "for Frank" (a word starting with that letter): the
     * token after the spelling word; else {@code k}.
     */
    private static int spelledOut(Tokens t, int k, StringBuilder code) {
        if (code.length() == 0 || !Character.isLetter(code.charAt(code.length() - 1))) {
            return k;
        }
        char letter = Character.toLowerCase(code.charAt(code.length() - 1));
        int word = t.is(k, "as") && t.is(k + 1, "in") ? k + 2 : t.isAny(k, Set.of("like", "for")) ? k + 1 : -1;
        if (word < 0 || word >= t.size || t.word[word].length() < 2 || t.word[word].charAt(0) != letter) {
            return k;
        }
        return word + 1;
    }

    private static char digitHomophone(String w) {
        return switch (w) {
            case "to", "too" -> '2';
            case "for" -> '4';
            case "ate" -> '8';
            case "won" -> '1';
            default -> 0;
        };
    }

    private static boolean startsSpoken(Tokens t, int k) {
        int run = 0;
        for (int q = k; q < t.size && q < k + 4; q++) {
            if (SpokenNumbers.digit(t.word[q]) >= 0 || t.word[q].length() == 1 || SPELLING.containsKey(t.word[q])) {
                run++;
            }
        }
        return run >= 3;
    }
}
