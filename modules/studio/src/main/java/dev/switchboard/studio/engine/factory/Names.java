package dev.switchboard.studio.engine.factory;

import java.util.Locale;

/** Naming of the generated code: plurals, paths, packages. */
final class Names {

    private Names() {
    }

    /** "Incident" → "incidents", "Party" → "parties". */
    static String plural(String type) {
        String lower = lowerFirst(type);
        if (lower.endsWith("y") && lower.length() > 1 && "aeiou".indexOf(lower.charAt(lower.length() - 2)) < 0) {
            return lower.substring(0, lower.length() - 1) + "ies";
        }
        if (lower.endsWith("s") || lower.endsWith("x") || lower.endsWith("ch") || lower.endsWith("sh")) {
            return lower + "es";
        }
        return lower + "s";
    }

    static String lowerFirst(String s) {
        return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }

    /** "Incident tracker" → "incident-tracker". */
    static String slug(String name) {
        String s = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        return s.isEmpty() ? "app" : s.length() > 40 ? s.substring(0, 40).replaceAll("-+$", "") : s;
    }

    /** "Incident tracker" → "incidenttracker", a valid package segment. */
    static String packageSegment(String name) {
        String s = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        if (s.isEmpty() || !Character.isLetter(s.charAt(0))) {
            s = "app" + s;
        }
        return s.length() > 30 ? s.substring(0, 30) : s;
    }
}
