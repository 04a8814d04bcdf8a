package dev.switchboard.calltaking.engine.entities;

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

    private Lexicon() {
    }

    /** {@code t} with sound-alikes, stray plurals and colour homophones read as the words they stand for. */
    static Tokens normalise(Tokens t) {
        String[] w = t.word.clone();
        boolean changed = false;
        for (int i = 0; i < t.size; i++) {
            String s = w[i];
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
        return changed ? t.withWords(w) : t;
    }

    private static boolean known(String w) {
        return Clues.knows(w) || Suspects.knows(w) || Vehicles.knows(w) || PeopleCounts.SINGULAR.contains(w)
                || PeopleCounts.PLURAL.contains(w);
    }
}
