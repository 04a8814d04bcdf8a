package dev.switchboard.calltaking.engine.entities;

import java.util.Map;
import java.util.Set;

/**
 * Ages in a person description: decades ("in his forties", "early twenties", "30s"), "30 years old", hedged ages
 * ("like fifty", "maybe 25", "sixty-ish" are {@code ~50}), "he's 42", teens, young, elderly, middle-aged, and the
 * answer to "how old is he?". Numbers followed by a unit or by people ("about 30 minutes", "like twenty kids") are
 * not ages.
 */
final class Ages {

    private static final Map<String, String> DECADES = Map.ofEntries(Map.entry("teens", "teen"),
            Map.entry("twenties", "20s"), Map.entry("thirties", "30s"), Map.entry("forties", "40s"),
            Map.entry("fifties", "50s"), Map.entry("sixties", "60s"), Map.entry("seventies", "70s"),
            Map.entry("eighties", "80s"), Map.entry("nineties", "90s"), Map.entry("20s", "20s"),
            Map.entry("30s", "30s"), Map.entry("40s", "40s"), Map.entry("50s", "50s"), Map.entry("60s", "60s"),
            Map.entry("70s", "70s"), Map.entry("80s", "80s"));
    private static final Set<String> ABOUT = Set.of("about", "around", "like", "maybe", "roughly",
            "approximately", "probably", "approx", "prolly", "possibly", "say", "guess", "guessing");
    private static final Set<String> NOT_AGE_AFTER = Set.of("feet", "foot", "ft", "cm", "minutes", "minute",
            "hours", "hour", "seconds", "miles", "mile", "yards", "yard", "meters", "metres", "degrees", "percent",
            "dollars", "bucks", "cars", "people", "kids", "times", "blocks", "floors", "stories", "inches", "pounds",
            "lbs", "days", "weeks", "months", "shots", "guys", "men", "women", "of", "units", "mph", "am", "pm",
            "oclock", "o", "more", "other", "persons", "children", "students", "passengers");

    private Ages() {
    }

    /** An age at token {@code i}: a decade, "30 years old", "like fifty", "he's 42", a teen; its end, or -1. */
    static int age(Tokens t, int i, Suspects.Found f) {
        String w = t.word[i];
        int[] end = new int[1];
        if ((w.equals("in") && t.isAny(i + 1, Set.of("his", "her", "their", "the", "early", "late", "mid"))
                || w.equals("early") || w.equals("late") || w.equals("mid")) && decadeAt(t, i, end) != null) {
            f.age = decadeAt(t, i, end);
            f.at(i, end[0], false);
            return end[0];
        }
        if (DECADES.containsKey(w) && !w.equals("teens") && !t.isNumber(i) && personNearAge(t, i)) {
            f.age = DECADES.get(w);
            f.at(i, i + 1, false);
            return i + 1;
        }
        if (w.equals("middle") && t.is(i + 1, "aged")) {
            f.age = "middle-aged";
            f.at(i, i + 2, false);
            return i + 2;
        }
        if (w.equals("teenager") || w.equals("teenage") || w.equals("teen") || w.equals("teenagers")
                || w.equals("teens") && !t.isAny(i - 1, Set.of("early", "late", "mid"))) {
            f.age = "teen";
            f.at(i, i + 1, false);
            return i + 1;
        }
        if ((w.equals("young") || w.equals("old") || w.equals("elderly") || w.equals("older"))
                && Suspects.personNear(t, i + 1) && !(t.isAny(i - 1, Set.of("an", "a", "the", "that", "this"))
                && !Suspects.personAfter(t, i + 1))
                && !t.is(i + 1, "enough") && !t.is(i - 1, "years")) {
            f.age = w.equals("young") ? "young" : "elderly";
            f.at(i, i + 1, false);
            return i + 1;
        }
        SpokenNumbers.Read n = SpokenNumbers.at(t, i);
        if (n == null || n.value() < 1 || n.value() > 110) {
            return -1;
        }
        int u = i + n.tokens();
        if (t.isAny(u, Set.of("years", "year", "yrs", "yr")) && t.is(u + 1, "old")) {
            boolean about = t.isAny(i - 1, ABOUT);
            f.age = (about ? "~" : "") + n.value();
            f.at(i, u + 2, false);
            return u + 2;
        }
        if (t.is(u, "ish") || t.is(u, "s") && DECADES.containsKey(t.word[i] + "s")) {
            f.age = t.is(u, "ish") ? "~" + n.value() : DECADES.get(t.word[i] + "s");
            f.at(i, u + 1, false);
            return u + 1;
        }
        SpokenNumbers.Read m = t.is(u, "or") ? SpokenNumbers.at(t, u + 1) : null;
        int last = m != null ? u + 1 + m.tokens() : u;
        int value = m != null ? m.value() : n.value();
        if (t.isAny(last, NOT_AGE_AFTER) || t.isAny(last, PeopleCounts.PLURAL) || t.isAny(last, PeopleCounts.SINGULAR)
                || t.is(last, "year")) {
            return -1;
        }
        if (t.isAny(i - 1, ABOUT) && value >= 10 && value <= 99) {
            f.age = "~" + value;
            f.at(i, last, false);
            return last;
        }
        if (t.isAny(i - 1, Set.of("hes", "shes", "aged", "age")) && value >= 2 && value <= 99 && m == null
                || t.isAny(i - 1, Set.of("is")) && t.isAny(i - 2, Set.of("he", "she")) && value >= 2 && value <= 99) {
            f.age = String.valueOf(value);
            f.at(i, last, false);
            return last;
        }
        return -1;
    }

    /** "How old is he?" "Forty-two." / "Maybe fifty.": the age at the start of the answer. */
    static int ageAnswer(Tokens t, boolean[] blocked, Suspects.Found f) {
        int i = 0;
        boolean about = false;
        while (i < t.size && i < 3 && t.isAny(i, Set.of("uh", "um", "hes", "shes", "about", "maybe", "like",
                "around", "i", "think", "probably", "he", "she", "is"))) {
            about |= ABOUT.contains(t.word[i]);
            i++;
        }
        SpokenNumbers.Read n = SpokenNumbers.at(t, i);
        if (i >= t.size || blocked[i] || n == null || n.value() < 1 || n.value() > 110
                || t.isAny(i + n.tokens(), Set.of("months", "month", "weeks", "days", "minutes", "feet", "foot"))) {
            return 0;
        }
        int end = i + n.tokens();
        if (t.isAny(end, Set.of("years", "year")) && t.is(end + 1, "old")) {
            end += 2;
        }
        f.age = (about ? "~" : "") + n.value();
        f.at(i, end, false);
        return end;
    }

    private static String decadeAt(Tokens t, int i, int[] end) {
        int k = i;
        if (t.is(k, "in")) {
            k++;
        }
        if (t.isAny(k, Set.of("his", "her", "their", "the"))) {
            k++;
        }
        String prefix = "";
        if (t.isAny(k, Set.of("early", "late", "mid"))) {
            prefix = t.word[k] + " ";
            k++;
        }
        String d = DECADES.get(t.at(k));
        if (d == null && t.isNumber(k) && t.is(k + 1, "s")) {
            d = DECADES.get(t.word[k] + "s");
            if (d != null) {
                k++;
            }
        }
        if (d == null) {
            return null;
        }
        end[0] = k + 1;
        return prefix + d;
    }

    private static boolean personNearAge(Tokens t, int i) {
        return Suspects.nearPersonNoun(t, i, 3) || t.isAny(i - 1, Set.of("hes", "shes", "theyre"))
                || !t.gapBefore(i).isBlank();
    }
}
