package dev.switchboard.speech.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Splits a reply into sentences for streaming synthesis: at . ! ? followed by a space, and at line breaks. */
public final class Sentences {

    private static final Set<String> ABBREVIATIONS = Set.of("mr.", "mrs.", "ms.", "dr.", "st.", "no.", "ave.",
            "apt.", "jr.", "sr.", "vs.", "e.g.", "i.e.");

    private Sentences() {
    }

    /** The sentences of {@code text}, stripped, none empty; punctuation stays with its sentence. */
    public static List<String> split(String text) {
        List<String> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        StringBuilder current = new StringBuilder();
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                add(out, current);
                continue;
            }
            current.append(c);
            boolean atBreak = i + 1 == n || Character.isWhitespace(text.charAt(i + 1));
            boolean end = (c == '.' || c == '!' || c == '?') && atBreak;
            if (end && !(c == '.' && endsWithAbbreviation(current))) {
                add(out, current);
            }
        }
        add(out, current);
        return out;
    }

    private static boolean endsWithAbbreviation(StringBuilder s) {
        int start = s.length() - 1;
        while (start > 0 && !Character.isWhitespace(s.charAt(start - 1))) {
            start--;
        }
        return ABBREVIATIONS.contains(s.substring(start).toLowerCase(Locale.ROOT));
    }

    private static void add(List<String> out, StringBuilder current) {
        String s = current.toString().strip();
        if (!s.isEmpty() && s.chars().anyMatch(Character::isLetterOrDigit)) {
            out.add(s);
        }
        current.setLength(0);
    }
}
