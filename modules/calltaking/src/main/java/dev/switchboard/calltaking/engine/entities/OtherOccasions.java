package dev.switchboard.calltaking.engine.entities;

import java.util.List;
import java.util.Set;

/**
 * What a line says of another occasion than the emergency being reported, which gives no entity (LABELLING.md):
 * another time ("my uncle died here two years ago", "there was a fire last month", "stabbed in 1998", "back in
 * March", "when we were kids"; not "last night", which is often the emergency itself), a threat ("she threatened
 * to stab me", "he says he's going to shoot somebody"), a
 * hypothetical ("what if he comes back with a gun", "if there's a fire I don't know how we'd get out", "in case he
 * comes back with the bat"), or a story ("a shooting on the news", "a movie"). Conditions, weapons, hazards and
 * counts of people are dropped ("five guys jumped a kid here last month" counts no one now); places, vehicles and
 * descriptions still say something true.
 * Linear in the number of tokens.
 */
final class OtherOccasions {

    private static final Set<String> LONG_AGO = Set.of("year", "years", "month", "months", "week", "weeks", "days");
    private static final Set<String> MONTHS = Set.of("january", "february", "march", "april", "june", "july",
            "august", "september", "october", "november", "december");
    /** Spoken years: "in nineteen ninety eight", "back in two thousand", "in twenty fifteen". */
    private static final Set<String> YEAR_WORDS = Set.of("nineteen", "two");
    private static final Set<String> LAST_PERIOD = Set.of("year", "month", "week", "winter", "summer", "spring",
            "fall", "autumn", "christmas", "time", "years", "months", "weeks");
    private static final Set<String> THREATENS = Set.of("threatened", "threatening", "threatens", "threaten",
            "threatenin");
    private static final Set<String> SAYS = Set.of("said", "says", "saying", "keeps", "always", "swore", "swears",
            "promised", "promises", "yelled", "yelling", "texted", "wrote", "told", "tells");
    private static final Set<String> WILL = Set.of("hed", "shed", "theyd", "hell", "shell", "theyll", "gonna",
            "going", "would", "will", "wants", "wanted");
    /** Where a caller hears of events elsewhere: "they said on the scanner there was a shooting". */
    private static final Set<String> STORIES = Set.of("scanner", "facebook", "instagram", "tiktok", "twitter",
            "internet", "nextdoor", "online", "dreamed", "dreamt", "dream", "nightmare");
    private static final Set<String> WERE = Set.of("were", "was");
    private static final Set<String> YOUNG = Set.of("kids", "kid", "little", "young", "younger", "teenagers",
            "teenager", "in");
    private static final Set<String> TO = Set.of("to", "too");
    private static final Set<String> DECADES = Set.of("seventy", "eighty", "ninety", "sixty", "fifty");
    private static final Set<String> TEENS = Set.of("ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen",
            "sixteen", "seventeen", "eighteen", "nineteen", "twenty");
    private static final Set<String> OPENERS = Set.of("and", "but", "so", "um", "uh", "oh", "well", "okay");
    private static final Set<EntityType> DROPPED = Set.of(EntityType.INJURY, EntityType.WEAPON, EntityType.HAZARD,
            EntityType.BREATHING, EntityType.CONSCIOUS, EntityType.PEOPLE_COUNT);

    private OtherOccasions() {
    }

    /** Removes from {@code out} the conditions, weapons, hazards and counts said of another occasion. */
    static void drop(Tokens t, List<ExtractedEntity> out) {
        if (t.size == 0 || out.isEmpty()) {
            return;
        }
        int[] from = otherClauses(t);
        boolean[] earlier = new boolean[t.clause[t.size - 1] + 2];
        for (int i = 0; i < t.size; i++) {
            earlier[t.clause[i]] |= t.word[i].equals("earlier");
        }
        // "he wasn't breathing earlier but he's okay now": a state said of earlier is not the state now
        out.removeIf(e -> (e.type() == EntityType.BREATHING || e.type() == EntityType.CONSCIOUS)
                && earlier[t.clause[t.firstEndingAfter(e.start())]]);
        out.removeIf(e -> {
            int k = t.firstEndingAfter(e.start());
            int f = from[t.clause[k]];
            // a threat drops the people it names, not the one making it: "a woman on the roof threatening to jump"
            return DROPPED.contains(e.type()) && (e.type() == EntityType.PEOPLE_COUNT ? k > f : f < Integer.MAX_VALUE);
        });
    }

    /**
     * Per clause index: the token after which the clause tells of another time, a threat or a hypothetical (-1 for
     * the whole clause), or {@link Integer#MAX_VALUE} when it tells of the emergency. "Threatening me with a hammer"
     * is the emergency itself; "threatened to stab me" is not.
     */
    private static int[] otherClauses(Tokens t) {
        int[] other = new int[t.clause[t.size - 1] + 2];
        java.util.Arrays.fill(other, Integer.MAX_VALUE);
        int clauseFirst = 0;
        for (int i = 0; i < t.size; i++) {
            if (i > 0 && t.clause[i] != t.clause[i - 1]) {
                clauseFirst = i;
            }
            String w = t.word[i];
            int c = t.clause[i];
            boolean past = w.equals("ago") && t.isAny(i - 1, LONG_AGO)
                    || (w.equals("last") || w.equals("lasts")) && t.isAny(i + 1, LAST_PERIOD)
                    || w.equals("used") && t.is(i + 1, "to") && t.clause[i + 1] == c
                    || w.equals("in") && year(t, i + 1)
                    || w.equals("back") && (t.is(i + 1, "in") && (year(t, i + 2) || t.is(i + 2, "the"))
                    || t.isAny(i + 1, MONTHS))
                    || w.equals("when") && t.isAny(i + 1, Set.of("we", "i", "he", "she", "they"))
                    && t.isAny(i + 2, WERE) && t.isAny(i + 3, YOUNG)
                    // "he's been shot before", "she's had seizures before": before, and nothing after it
                    || w.equals("before") && (i + 1 >= t.size || t.clause[i + 1] != c)
                    && !t.isAny(i - 1, Set.of("right", "just", "never", "like"));
            boolean story = w.equals("news") || w.equals("movie") || w.equals("movies") || STORIES.contains(w)
                    || w.equals("media") && t.is(i - 1, "social") || w.equals("games") && t.is(i - 1, "video")
                    || w.equals("radio") && t.is(i - 1, "the")
                    || w.equals("tv") && t.isAny(i - 1, Set.of("on", "the"));
            boolean hypothetical = w.equals("what") && t.is(i + 1, "if")
                    || (w.equals("if") || w.equals("unless")) && opensClause(t, clauseFirst, i)
                    || w.equals("case") && t.is(i - 1, "in") && !t.is(i - 2, "this")
                    && !t.is(i - 2, "that");
            // "too" is how a recogniser often writes "to"
            boolean threat = THREATENS.contains(w) && (t.isAny(i + 1, TO) || t.isAny(i + 2, TO))
                    || SAYS.contains(w) && (t.isAny(i + 1, WILL) || t.isAny(i + 2, WILL) && t.clause[i + 2] == c);
            if (past || story || hypothetical) {
                other[c] = -1;
            } else if (threat) {
                other[c] = Math.min(other[c], i);
            }
            if (threat) {
                // "threatening to come over and hurt me": the threat goes on past the "and"
                int k = i + 1;
                while (k < t.size && t.clause[k] == c) {
                    k++;
                }
                if (k < t.size && (t.is(k, "and") || t.is(k - 1, "and")) && !t.gapBefore(k).contains(".")) {
                    other[t.clause[k]] = -1;
                }
            }
        }
        return other;
    }

    /** A year said as digits (1998, 2015) or the first words of one ("nineteen ninety", "two thousand"). */
    private static boolean year(Tokens t, int i) {
        if (i >= t.size) {
            return false;
        }
        String w = t.word[i];
        if (w.length() == 4 && (w.startsWith("19") || w.startsWith("20")) && w.chars().allMatch(Character::isDigit)) {
            return true;
        }
        return t.isAny(i, MONTHS) || YEAR_WORDS.contains(w) && (w.equals("nineteen") && t.isAny(i + 1, DECADES)
                || w.equals("two") && t.is(i + 1, "thousand"))
                || w.equals("twenty") && t.isAny(i + 1, TEENS);
    }

    private static boolean opensClause(Tokens t, int clauseFirst, int i) {
        for (int k = clauseFirst; k < i; k++) {
            if (!OPENERS.contains(t.word[k])) {
                return false;
            }
        }
        return true;
    }
}
