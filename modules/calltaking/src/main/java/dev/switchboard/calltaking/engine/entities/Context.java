package dev.switchboard.calltaking.engine.entities;

import java.util.Set;

/**
 * What surrounds a word within its clause: a negation before it ("not breathing", "no weapons"), uncertainty
 * ("I think", "maybe"), not knowing ("I don't know if ..."), a condition ("tell me if ...") or a question
 * ("is he breathing", "any weapons"). Built in time linear in the number of tokens, and each question answered
 * in constant time, so a whole transcript without punctuation (one long clause) costs no more than its words.
 */
final class Context {

    private static final Set<String> NEGATORS = Set.of("no", "not", "never", "nobody", "nobodys", "none", "without",
            "isnt", "arent", "wasnt", "werent", "doesnt", "dont", "didnt", "cant", "cannot", "couldnt", "hasnt",
            "havent", "hadnt", "wont", "wouldnt", "neither", "nor", "nothing", "nope", "aint", "nowhere", "nothings",
            "noones", "noone");
    private static final Set<String> HEDGES = Set.of("maybe", "think", "probably", "possibly", "might", "guess",
            "perhaps", "seems", "seem", "looked", "thought", "suppose", "unsure", "sure", "could");
    private static final Set<String> AUX = Set.of("is", "are", "was", "were", "does", "do", "did", "can", "could",
            "has", "have", "will", "would", "should", "any", "anyone", "anybody", "anything", "how", "what", "where",
            "which", "who", "whos", "why", "when", "hows", "whats", "wheres", "isnt", "arent", "doesnt", "dont");
    private static final Set<String> SUBJECTS = Set.of("he", "she", "they", "it", "there", "the", "your", "his",
            "her", "their", "anyone", "anybody", "someone", "somebody", "you", "we", "that", "this", "everyone",
            "everybody", "hes", "shes", "theyre", "theres", "its", "a", "an", "any", "i", "my", "our", "him");
    private static final Set<String> CONDITIONALS = Set.of("if", "whether", "check", "until", "unless", "when");
    private static final Set<String> NEW_SUBJECT = Set.of("he", "she", "hes", "shes", "they", "theyre", "i", "im",
            "its", "there", "theres", "his", "her", "my", "their", "we", "were", "you", "youre", "everybody",
            "everyone", "everybodys", "everyones");
    /** Words a speaker puts before a question ("okay, so, uh, is he breathing"). */
    private static final Set<String> FILLERS = Set.of("okay", "ok", "so", "uh", "um", "and", "well", "oh", "alright",
            "right", "now", "maam", "sir", "listen", "then");
    private static final int LOOKBACK = 4;
    private static final Set<String> APPROACH = Set.of("near", "touch", "touches", "touching", "goes", "let",
            "leave", "toward", "towards");
    private static final Set<String> STOPPING = Set.of("stop", "stops", "stopping", "quit", "quitting",
            "stopped");

    private final Tokens t;
    private final int[] clauseStart;
    private final int[] clauseLast;
    /** Index of the last hedge word before each token in its clause, or -1. */
    private final int[] hedgeBefore;
    /** Per clause start: 0 not yet known, 1 a question, 2 not. */
    private final byte[] question;

    Context(Tokens t) {
        this.t = t;
        int n = t.size;
        this.clauseStart = new int[n];
        this.clauseLast = new int[n];
        this.hedgeBefore = new int[n];
        this.question = new byte[n];
        int hedge = -1;
        for (int i = 0; i < n; i++) {
            boolean same = i > 0 && t.clause[i] == t.clause[i - 1];
            clauseStart[i] = same ? clauseStart[i - 1] : i;
            if (!same) {
                hedge = -1;
            }
            hedgeBefore[i] = hedge;
            if (HEDGES.contains(t.word[i])) {
                hedge = i;
            }
        }
        for (int i = n - 1; i >= 0; i--) {
            clauseLast[i] = i + 1 < n && t.clause[i + 1] == t.clause[i] ? clauseLast[i + 1] : i;
        }
    }

    /** First token of the clause of token {@code i}. */
    int clauseStart(int i) {
        return clauseStart[i];
    }

    /** True when token {@code i} is in a clause that asks rather than tells. */
    boolean question(int i) {
        if (i < 0 || i >= t.size) {
            return false;
        }
        int s = clauseStart[i];
        if (question[s] == 0) {
            question[s] = (byte) (asks(s) ? 1 : 2);
        }
        return question[s] == 1;
    }

    private boolean asks(int s) {
        String first = t.word[s];
        while (s + 1 <= clauseLast[s] && FILLERS.contains(first)) {
            s++;
            first = t.at(s);
        }
        if (!AUX.contains(first)) {
            return endsWithQuestionMark(s);
        }
        if (first.equals("any") || first.equals("anyone") || first.equals("anybody") || first.equals("anything")
                || first.startsWith("wh") || first.startsWith("how")) {
            return true;
        }
        int next = s + 1;
        while (next <= clauseLast[s] && next < s + 3 && (t.is(next, "uh") || t.is(next, "um"))) {
            // a recogniser's filler after the verb: "was um the man armed"
            next++;
        }
        return SUBJECTS.contains(t.at(next)) || endsWithQuestionMark(s);
    }

    private boolean endsWithQuestionMark(int i) {
        if (i >= t.size) {
            return false;
        }
        int last = clauseLast[i];
        int from = t.end[last];
        int to = last + 1 < t.size ? t.start[last + 1] : t.text.length();
        boolean asks = false;
        for (int k = from; k < to; k++) {
            char c = t.text.charAt(k);
            if (c == '!') {
                // "He got shot?!" exclaims
                return false;
            }
            asks |= c == '?';
        }
        return asks;
    }

    /** True when a negation stands within the few words before token {@code i}, in the same clause. */
    boolean negated(int i) {
        int s = Math.max(clauseStart[i], i - LOOKBACK);
        for (int k = i - 1; k >= s; k--) {
            String w = t.word[k];
            if (w.equals("just") || w.equals("only")) {
                // "no fire, just smoke": the negation is of what comes before
                return false;
            }
            if (APPROACH.contains(w)) {
                // "make sure nobody goes near the gun": the negation is of going near it
                return false;
            }
            if (STOPPING.contains(w)) {
                // "it won't stop bleeding": the negation is of the stopping
                return false;
            }
            if (NEW_SUBJECT.contains(w)) {
                // "I don't think she's breathing" negates; otherwise speech has no full stops: "he can't
                // breathe he's choking" is two clauses
                return k >= 2 && (t.word[k - 1].equals("think") || t.word[k - 1].equals("believe"))
                        && (t.word[k - 2].equals("dont") || t.word[k - 2].equals("didnt")
                        || t.word[k - 2].equals("not")) && t.clause[k - 2] == t.clause[i];
            }
            if (NEGATORS.contains(w)) {
                // "no longer" negates; "not only" and "no, ..." do not; "can't tell if" is not knowing
                if (w.equals("not") && t.is(k + 1, "only")) {
                    continue;
                }
                if (k + 1 < t.size && t.clause[k + 1] != t.clause[k]) {
                    continue;
                }
                return true;
            }
        }
        return false;
    }

    /** True when the speaker says they do not know ("I don't know if he's breathing", "not sure whether"). */
    boolean unknown(int i) {
        int s = Math.max(clauseStart[i], i - 7);
        for (int k = s; k < i; k++) {
            String w = t.word[k];
            boolean dontKnow = (w.equals("dont") || w.equals("didnt") || w.equals("not"))
                    && (t.is(k + 1, "know") || t.is(k + 1, "sure"));
            boolean cantTell = (w.equals("cant") || w.equals("couldnt")) && (t.is(k + 1, "tell")
                    || t.is(k + 1, "see") || t.is(k + 1, "say"));
            boolean noIdea = w.equals("no") && t.is(k + 1, "idea");
            boolean unsure = w.equals("unsure");
            if (dontKnow || cantTell || noIdea || unsure) {
                for (int q = k + 1; q < i; q++) {
                    if (t.word[q].equals("if") || t.word[q].equals("whether") || t.word[q].equals("what")) {
                        return true;
                    }
                }
                if (noIdea || unsure) {
                    return true;
                }
            }
        }
        return false;
    }

    /** True when a condition governs token {@code i} ("tell me if he stops breathing", "check whether"). */
    boolean conditional(int i) {
        int s = Math.max(clauseStart[i], i - 6);
        for (int k = s; k < i; k++) {
            if (CONDITIONALS.contains(t.word[k])) {
                return true;
            }
        }
        return false;
    }

    /** True when the clause before token {@code i} hedges ("I think", "maybe", "probably"). */
    boolean hedged(int i) {
        if (i < 0 || i >= t.size) {
            return false;
        }
        if (hedgeBefore[i] >= 0) {
            return true;
        }
        for (int k = i + 1; k < t.size && k <= i + 2 && t.clause[k] == t.clause[i]; k++) {
            if (t.word[k].equals("maybe") || t.word[k].equals("probably") || t.word[k].equals("i")
                    && t.is(k + 1, "think")) {
                return true;
            }
        }
        return false;
    }
}
