package dev.switchboard.surveillance.engine;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks the citations of a model's answer: every {@code [E123]} must name an event the model was given. Others
 * (invented, or copied from an injected description) are removed from the text and logged.
 */
public final class Citations {

    private static final Logger LOG = LoggerFactory.getLogger(Citations.class);
    private static final Pattern REF = Pattern.compile("\\[\\s*(E\\d{1,12})\\s*\\]");

    /** The cleaned text, the citations kept in order of first mention, and those removed. */
    public record Checked(String text, List<String> kept, List<String> removed) {
        public Checked {
            kept = List.copyOf(kept);
            removed = List.copyOf(removed);
        }
    }

    private Citations() {
    }

    public static Checked check(String text, Set<String> allowed) {
        Set<String> kept = new LinkedHashSet<>();
        List<String> removed = new ArrayList<>();
        Matcher m = REF.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String ref = m.group(1);
            if (allowed.contains(ref)) {
                kept.add(ref);
                m.appendReplacement(out, Matcher.quoteReplacement("[" + ref + "]"));
            } else {
                removed.add(ref);
                m.appendReplacement(out, "");
            }
        }
        m.appendTail(out);
        if (!removed.isEmpty()) {
            LOG.warn("Removed {} citation(s) of events the model was not given: {}", removed.size(), removed);
        }
        return new Checked(out.toString().replaceAll(" +([.,;])", "$1").replaceAll(" {2,}", " "),
                new ArrayList<>(kept), removed);
    }

    /** Every citation in {@code text}, in order of first mention. */
    public static List<String> all(String text) {
        Set<String> out = new LinkedHashSet<>();
        Matcher m = REF.matcher(text);
        while (m.find()) {
            out.add(m.group(1));
        }
        return new ArrayList<>(out);
    }
}
