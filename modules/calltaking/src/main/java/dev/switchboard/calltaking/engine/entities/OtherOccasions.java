package dev.switchboard.calltaking.engine.entities;

import java.util.List;
import java.util.Set;

/**
 * What a line says of another occasion than the emergency being reported, which gives no entity (LABELLING.md):
 * another time ("my uncle died here two years ago", "there was a fire last month"), a threat ("she threatened to
 * stab me", "he says he's going to shoot somebody"), a hypothetical ("what if he comes back with a gun", "if
 * there's a fire I don't know how we'd get out"), or a story ("a shooting on the news", "a movie"). Only
 * conditions, weapons and hazards are dropped; places, vehicles, people and descriptions still say something true.
 * Linear in the number of tokens.
 */
final class OtherOccasions {

    private static final Set<String> LONG_AGO = Set.of("year", "years", "month", "months", "week", "weeks");
    private static final Set<String> LAST_PERIOD = Set.of("year", "month", "week", "winter", "summer", "spring",
            "fall", "autumn", "christmas", "time", "years", "months");
    private static final Set<String> THREATENS = Set.of("threatened", "threatening", "threatens", "threaten",
            "threatenin");
    private static final Set<String> SAYS = Set.of("said", "says", "saying", "keeps", "always", "swore", "swears",
            "promised", "promises", "yelled", "yelling", "texted", "wrote");
    private static final Set<String> WILL = Set.of("hed", "shed", "theyd", "hell", "shell", "theyll", "gonna",
            "going", "would", "will", "wants", "wanted");
    private static final Set<String> OPENERS = Set.of("and", "but", "so", "um", "uh", "oh", "well", "okay");
    private static final Set<EntityType> DROPPED = Set.of(EntityType.INJURY, EntityType.WEAPON, EntityType.HAZARD,
            EntityType.BREATHING, EntityType.CONSCIOUS);

    private OtherOccasions() {
    }

    /** Removes from {@code out} the conditions, weapons and hazards said of another occasion. */
    static void drop(Tokens t, List<ExtractedEntity> out) {
        if (t.size == 0 || out.isEmpty()) {
            return;
        }
        boolean[] other = otherClauses(t);
        out.removeIf(e -> DROPPED.contains(e.type()) && other[t.clause[t.firstEndingAfter(e.start())]]);
    }

    /**
     * Per clause index: true when the clause tells of another time, a threat or a hypothetical. "Threatening me
     * with a hammer" is the emergency itself; "threatened to stab me" is not.
     */
    private static boolean[] otherClauses(Tokens t) {
        boolean[] other = new boolean[t.clause[t.size - 1] + 2];
        int clauseFirst = 0;
        for (int i = 0; i < t.size; i++) {
            if (i > 0 && t.clause[i] != t.clause[i - 1]) {
                clauseFirst = i;
            }
            String w = t.word[i];
            int c = t.clause[i];
            boolean past = w.equals("ago") && t.isAny(i - 1, LONG_AGO)
                    || w.equals("last") && t.isAny(i + 1, LAST_PERIOD)
                    || w.equals("used") && t.is(i + 1, "to") && t.clause[i + 1] == c;
            boolean story = w.equals("news") || w.equals("movie") || w.equals("movies") || w.equals("tv")
                    && t.isAny(i - 1, Set.of("on", "the"));
            boolean hypothetical = w.equals("what") && t.is(i + 1, "if")
                    || w.equals("if") && opensClause(t, clauseFirst, i);
            boolean threat = THREATENS.contains(w) && (t.is(i + 1, "to") || t.is(i + 2, "to"))
                    || SAYS.contains(w) && (t.isAny(i + 1, WILL) || t.isAny(i + 2, WILL) && t.clause[i + 2] == c);
            if (past || story || hypothetical || threat) {
                other[c] = true;
            }
            if (threat) {
                // "threatening to come over and hurt me": the threat goes on past the "and"
                int k = i + 1;
                while (k < t.size && t.clause[k] == c) {
                    k++;
                }
                if (k < t.size && (t.is(k, "and") || t.is(k - 1, "and")) && !t.gapBefore(k).contains(".")) {
                    other[t.clause[k]] = true;
                }
            }
        }
        return other;
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
