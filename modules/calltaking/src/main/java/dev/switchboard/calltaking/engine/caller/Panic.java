package dev.switchboard.calltaking.engine.caller;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Makes a short, broken panic line from a calm answer when the scenario gives no panic variant: the start of the
 * first sentence, cut off, then its key word repeated ("It's— Shibuya! Shibuya, near the— please hurry!"). Uses
 * only words of the answer, so it never adds a fact.
 */
final class Panic {

    /** Answers of at most this many words are used as they are. */
    static final int SHORT_WORDS = 12;

    private static final String[] TAILS = {"please hurry!", "please!", "hurry, please!"};

    private Panic() {
    }

    static String broken(String answer, SplittableRandom random) {
        String whole = answer.strip();
        if (whole.split("\\s+").length <= SHORT_WORDS) {
            // Already short enough to shout as it stands.
            return whole;
        }
        String[] sentences = whole.split("(?<=[.!?])\\s+");
        String sentence = sentences[0].replaceAll("[.!?]+$", "");
        String[] words = sentence.split("\\s+");
        if (words.length <= 3) {
            // A short exclamation first ("Fire!"): keep it and the next sentence.
            return sentences.length > 1 ? sentences[0] + " " + sentences[1] : whole;
        }
        int key = keyWord(words);
        if (key < 0) {
            // Nothing worth shouting twice: the first sentence alone, then a plea.
            String tail = TAILS[random.nextInt(TAILS.length)];
            return sentence + "! " + Character.toUpperCase(tail.charAt(0)) + tail.substring(1);
        }
        List<String> out = new ArrayList<>();
        int lead = Math.min(key, 3);
        for (int i = 0; i < lead; i++) {
            out.add(words[i]);
        }
        String keyText = words[key].replaceAll("[,;:]+$", "");
        String start = String.join(" ", out);
        StringBuilder b = new StringBuilder();
        b.append(start.isEmpty() ? "" : start + "— ").append(keyText).append("! ").append(keyText);
        int rest = Math.min(words.length, key + 3);
        for (int i = key + 1; i < rest; i++) {
            b.append(' ').append(words[i]);
        }
        String text = b.toString().replaceAll("[,;:]+$", "");
        if (rest < words.length) {
            text += "—";
        } else {
            text += ",";
        }
        String tail = TAILS[random.nextInt(TAILS.length)];
        return Character.toUpperCase(text.charAt(0)) + text.substring(1) + " " + tail;
    }

    /** The word carrying the most: one with a digit, else a capitalised word after the first; -1 when none. */
    private static int keyWord(String[] words) {
        for (int i = 0; i < words.length; i++) {
            if (words[i].matches(".*\\d.*")) {
                return i;
            }
        }
        for (int i = 1; i < words.length; i++) {
            if (Character.isUpperCase(words[i].charAt(0)) && !words[i].equals("I") && !words[i].startsWith("I'")) {
                return i;
            }
        }
        return -1;
    }
}
