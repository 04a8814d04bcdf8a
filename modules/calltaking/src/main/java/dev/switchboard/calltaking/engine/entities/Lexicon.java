package dev.switchboard.calltaking.engine.entities;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Words as the finders read them, before they look: a recogniser's sound-alike is the word it stands for
 * ("breeding" is "breathing", "a wake" is "awake"), a plural or a stray "s" on a known word is the word ("hondas",
 * "hammers", "silvers"), and a colour's homophone before a garment or a vehicle is the colour ("a read car", "blew
 * shorts"). Spans still come from the text as it was written.
 */
final class Lexicon {

    private static final Map<String, String> COLOUR_HOMOPHONES = Map.of("read", "red", "blew", "blue",
            "grey's", "grey");
    private static final Set<String> KEEP = Set.of("is", "was", "has", "this", "us", "yes", "his", "hers", "its",
            "lots", "pants", "jeans", "shorts", "glasses", "sunglasses", "sweats", "boots", "gloves", "slippers",
            "sneakers", "leggings", "tights", "overalls", "scrubs", "pajamas", "sandals", "heels", "khakis",
            "braids", "dreads", "dreadlocks", "cornrows", "freckles", "tattoos", "piercings", "earrings", "bus",
            "gas", "less", "across", "always", "minutes", "hours", "seconds", "news", "police", "burns", "cuts",
            "shots", "bites", "fumes", "chemicals", "sparks", "flames", "fires", "guns", "knives", "weapons",
            "injuries", "hurts", "breathes", "scissors", "ribs", "species", "series", "means", "cars", "vans",
            "trucks", "people", "guys", "kids", "thanks", "lines", "wires", "powerlines", "masks", "hoodies",
            "officers", "sometimes", "towards", "afterwards", "upstairs", "downstairs", "outdoors",
            "indoors", "twins", "teens", "others");
    /** Words after "ones" that make it "one is". */
    private static final Set<String> ONES_IS = Set.of("not", "really", "real", "bad", "dead", "hurt", "down",
            "shot", "moving", "breathing", "okay", "fine", "still", "just", "gone", "pretty", "stuck", "trapped",
            "bleeding", "awake", "unconscious", "screaming", "crying", "walking", "talking", "laying", "lying",
            "pinned", "burned", "injured", "alive", "conscious", "out", "in", "on", "under", "missing");
    /** Words that stand before "in" as themselves ("breathe in", "cave in", "gave in"). */
    private static final Set<String> KEEP_BEFORE_IN = Set.of("breathe", "breath", "cave", "give", "gave", "come",
            "came", "get", "got", "let", "fill", "filled", "fell", "fall", "pull", "pulled", "move", "moved",
            "bring", "brought", "walk", "walked", "run", "ran", "go", "went", "live", "lived", "stay", "stuck",
            "trapped", "lock", "locked", "break", "broke", "kick", "kicked", "check", "checked", "call", "called",
            "smoke", "fire", "water", "gas", "blood", "flame", "spark",
            "log", "sign", "plug", "put", "turn", "turned", "drop", "dropped", "jump", "jumped", "fit", "sit", "sat",
            "stand", "lay", "lie", "hide", "hid", "swim", "cut", "shot", "stab", "stabbed", "bleed", "born");
    /** "-ing" words the pattern finders (not the phrase lists) look for. */
    private static final Set<String> ING_WORDS = Set.of("rising", "pouring", "gushing", "rushing", "flooding",
            "filling", "entering", "seeping", "flowing", "climbing", "sinking", "laying", "lying", "sparking",
            "arcing", "hanging", "smoking", "burning", "collapsing", "caving", "coming", "falling", "giving",
            "heading", "wearing", "running", "screaming", "moaning", "groaning", "crying", "talking", "breathing",
            "bleeding", "choking", "gasping", "wheezing", "snoring", "gurgling", "shooting", "leaking", "moving",
            "responding", "waking", "answering", "walking", "sitting", "drowning", "spreading", "exploding");

    /** Words before "know" that make it the verb ("I don't know"), not a recogniser's "no". */
    private static final Set<String> KNOW_VERB_BEFORE = Set.of("i", "you", "ya", "we", "they", "dont", "didnt",
            "doesnt", "not", "to", "do", "does", "did", "who", "cant", "wanna", "gotta", "let", "lets", "would",
            "should", "might", "will", "may", "also", "already", "really", "even", "he", "she", "nobody", "everybody",
            "anybody", "somebody", "everyone", "anyone", "someone", "just", "you'd", "youd", "id", "wed", "theyd",
            "must", "could", "cause", "because", "ill", "well", "ok", "okay", "and", "or", "if", "ever", "never",
            "now", "still", "probably", "kinda", "sorta", "u", "y'know", "yknow", "want", "need", "got");
    /** Words after "know" that make it the verb ("know what", "know him"). */
    private static final Set<String> KNOW_VERB_AFTER = Set.of("what", "where", "who", "whether", "if", "how",
            "why", "when", "that", "him", "her", "them", "it", "about", "the", "this", "his", "me", "you", "us",
            "which", "exactly", "for", "anything", "nothing", "any", "much", "each", "where's", "wheres", "whats",
            "whos");

    private Lexicon() {
    }

    /**
     * {@code t} with sound-alikes, stray plurals and colour homophones read as the words they stand for; a
     * recogniser's "know" for "no" ("know weapons", "uh know"); and a word a recogniser cut in two before "in"
     * ("wheeze in", "scream in") as the "-ing" word it heard, when that is a word the finders look for.
     */
    static Tokens normalise(Tokens t) {
        String[] w = t.word.clone();
        String[] join = null;
        boolean changed = false;
        for (int i = 0; i < t.size; i++) {
            String s = w[i];
            if ((s.equals("know") || s.equals("knows")) && recognisersNo(t, i)) {
                w[i] = "no";
                changed = true;
                continue;
            }
            if (s.equals("ones") && t.isAny(i + 1, ONES_IS) && !t.isAny(i - 1, Set.of("the", "those", "these",
                    "which", "little", "young", "loved", "other", "big", "new", "old"))) {
                // "one's not moving" with the apostrophe dropped
                w[i] = "one";
                changed = true;
                continue;
            }
            String ing = i + 1 < t.size && t.word[i + 1].equals("in") ? ingWord(t, i) : null;
            if (ing != null) {
                if (join == null) {
                    join = new String[t.size];
                }
                join[i] = ing;
                i++;
                continue;
            }
            String alike = Clues.soundsLike(s);
            String next = i + 1 < t.size ? t.word[i + 1] : "";
            if (alike == null && COLOUR_HOMOPHONES.containsKey(s) && (Suspects.garment(next)
                    || Vehicles.knows(next) || next.equals("hair"))) {
                alike = COLOUR_HOMOPHONES.get(s);
            }
            if (alike == null && s.length() > 3 && s.endsWith("s") && !s.endsWith("ss") && !s.endsWith("us")
                    && !s.endsWith("is") && !KEEP.contains(s) && !known(s)) {
                String base = s.substring(0, s.length() - 1);
                if (known(base)) {
                    alike = base;
                }
            }
            if (alike != null && !alike.equals(s)) {
                w[i] = alike;
                changed = true;
            }
        }
        if (join != null) {
            return t.joined(w, join);
        }
        return changed ? t.withWords(w) : t;
    }

    /**
     * True when "know" at {@code i} stands for "no": not after a subject or auxiliary that makes it the verb ("I
     * don't know") nor before an object ("know what"); "knows" only before a word the finders look for ("knows
     * smoke").
     */
    private static boolean recognisersNo(Tokens t, int i) {
        if (t.isAny(i - 1, KNOW_VERB_BEFORE) || t.isAny(i + 1, KNOW_VERB_AFTER)) {
            return false;
        }
        String next = t.at(i + 1);
        if (t.word[i].equals("knows")) {
            return Clues.knows(next) || next.equals("one");
        }
        return true;
    }

    /** The "-ing" word a recogniser wrote as this word and "in" ("wheeze in", "laye in"), or null. */
    private static String ingWord(Tokens t, int i) {
        String s = t.word[i];
        if (s.length() < 3 || !Character.isLetter(s.charAt(0)) || KEEP_BEFORE_IN.contains(s)) {
            return null;
        }
        String base = s.endsWith("e") && !s.endsWith("ee") ? s.substring(0, s.length() - 1) : s;
        for (String ing : List.of(s + "ing", base + "ing", base + base.charAt(base.length() - 1) + "ing")) {
            if (ING_WORDS.contains(ing) || Clues.knows(ing) || Travel.knows(ing)) {
                return ing.equals("head" + "ing") && !Travel.knowsDirection(t.at(i + 2)) ? null : ing;
            }
        }
        return null;
    }

    private static boolean known(String w) {
        return Clues.knows(w) || Suspects.knows(w) || Vehicles.knows(w) || PeopleCounts.SINGULAR.contains(w)
                || PeopleCounts.PLURAL.contains(w) || Travel.knows(w);
    }
}
