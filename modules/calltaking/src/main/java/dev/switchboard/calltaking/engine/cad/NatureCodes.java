package dev.switchboard.calltaking.engine.cad;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.calltaking.engine.entities.EntityType;
import dev.switchboard.calltaking.engine.entities.ExtractedEntity;
import dev.switchboard.core.error.InputException;
import dev.switchboard.core.incident.ResponderType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The table of nature codes (bundled {@code nature-codes.json}) and the rule that suggests one from what a call
 * said: each code lists weighted keywords and entity values; the code with the highest total wins, ties going to
 * the more urgent code. Immutable and thread-safe.
 */
public final class NatureCodes {

    /** The code suggested when nothing in the call points anywhere. */
    public static final String UNKNOWN = "UNKNOWN";

    private record Keyword(String phrase, double weight) {
    }

    private record EntityRule(EntityType type, String value, double weight) {
    }

    private record Row(NatureCode code, List<Keyword> keywords, List<EntityRule> entities) {
    }

    private static volatile NatureCodes standard;

    private final Map<String, Row> rows;

    private NatureCodes(Map<String, Row> rows) {
        this.rows = rows;
    }

    /** The bundled table (read once). */
    public static NatureCodes standard() {
        NatureCodes s = standard;
        if (s == null) {
            synchronized (NatureCodes.class) {
                s = standard;
                if (s == null) {
                    String resource = "nature-codes.json";
                    try (InputStream in = NatureCodes.class.getResourceAsStream(resource)) {
                        if (in == null) {
                            throw new IllegalStateException("Missing bundled resource " + resource);
                        }
                        s = read(new ObjectMapper().readTree(in), resource);
                        standard = s;
                    } catch (IOException e) {
                        throw new UncheckedIOException("Cannot read bundled " + resource, e);
                    }
                }
            }
        }
        return s;
    }

    /** A code by name, ignoring case and surrounding spaces. */
    public Optional<NatureCode> find(String code) {
        if (code == null) {
            return Optional.empty();
        }
        Row r = rows.get(code.strip().toUpperCase(Locale.ROOT));
        return r == null ? Optional.empty() : Optional.of(r.code());
    }

    /** Every code, in table order. */
    public List<NatureCode> all() {
        List<NatureCode> out = new ArrayList<>(rows.size());
        for (Row r : rows.values()) {
            out.add(r.code());
        }
        return out;
    }

    /**
     * The most likely code for a call, from its entities and its text (either may be empty); {@value #UNKNOWN}
     * when nothing matches. Negated and unknown entity values ({@code none}, {@code unknown}) count for nothing.
     */
    public NatureCode suggest(List<ExtractedEntity> es, String text) {
        String words = " " + normalise(text == null ? "" : text) + " ";
        Row best = null;
        double bestScore = 0;
        for (Row r : rows.values()) {
            double score = 0;
            for (Keyword k : r.keywords()) {
                if (words.contains(" " + k.phrase() + " ")) {
                    score += k.weight();
                }
            }
            for (EntityRule rule : r.entities()) {
                for (ExtractedEntity e : es) {
                    if (e.type() == rule.type() && matches(rule, e.value())) {
                        score += rule.weight();
                        break;
                    }
                }
            }
            if (score > bestScore + 1e-9 || best != null && Math.abs(score - bestScore) < 1e-9 && score > 0
                    && r.code().priority() < best.code().priority()) {
                best = r;
                bestScore = score;
            }
        }
        if (best == null) {
            return rows.get(UNKNOWN).code();
        }
        return best.code();
    }

    private static boolean matches(EntityRule rule, String value) {
        if (value.equals("none") || value.equals("unknown")) {
            return rule.value().equals(value);
        }
        return rule.value().equals("*") || rule.value().equalsIgnoreCase(value);
    }

    /** Lower case, apostrophes dropped, everything else that is not a letter or digit a single space. */
    static String normalise(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        boolean space = true;
        for (int i = 0; i < s.length(); i++) {
            char c = Character.toLowerCase(s.charAt(i));
            if (c == '\'' || c == '’') {
                continue;
            }
            if (Character.isLetterOrDigit(c)) {
                sb.append(c);
                space = false;
            } else if (!space) {
                sb.append(' ');
                space = true;
            }
        }
        return sb.toString().strip();
    }

    private static NatureCodes read(JsonNode root, String source) {
        Map<String, Row> rows = new LinkedHashMap<>();
        JsonNode codes = root.path("codes");
        for (int i = 0; i < codes.size(); i++) {
            JsonNode c = codes.get(i);
            String field = "codes[" + i + "]";
            String code = c.path("code").asText("").strip().toUpperCase(Locale.ROOT);
            if (code.isEmpty()) {
                throw new InputException(Path.of(source), 0, field + ".code", "missing");
            }
            List<ResponderType> units = new ArrayList<>();
            for (JsonNode u : c.path("units")) {
                try {
                    units.add(ResponderType.valueOf(u.asText()));
                } catch (IllegalArgumentException e) {
                    throw new InputException(Path.of(source), 0, field + ".units",
                            "'" + u.asText() + "' is not one of " + List.of(ResponderType.values()));
                }
            }
            NatureCode nc;
            try {
                nc = new NatureCode(code, c.path("description").asText(code), c.path("priority").asInt(3), units);
            } catch (IllegalArgumentException e) {
                throw new InputException(Path.of(source), 0, field + ".priority", e.getMessage());
            }
            List<Keyword> keywords = new ArrayList<>();
            for (JsonNode k : c.path("keywords")) {
                String[] parts = k.asText().split(":");
                keywords.add(new Keyword(normalise(parts[0]), parts.length > 1 ? Double.parseDouble(parts[1]) : 1));
            }
            List<EntityRule> entities = new ArrayList<>();
            for (JsonNode e : c.path("entities")) {
                String[] parts = e.asText().split(":");
                try {
                    entities.add(new EntityRule(EntityType.valueOf(parts[0]), parts.length > 1 ? parts[1] : "*",
                            parts.length > 2 ? Double.parseDouble(parts[2]) : 1));
                } catch (IllegalArgumentException ex) {
                    throw new InputException(Path.of(source), 0, field + ".entities",
                            "'" + e.asText() + "' is not TYPE[:value[:weight]]");
                }
            }
            rows.put(code, new Row(nc, List.copyOf(keywords), List.copyOf(entities)));
        }
        if (!rows.containsKey(UNKNOWN)) {
            throw new InputException(Path.of(source), 0, "codes", "needs a code " + UNKNOWN);
        }
        return new NatureCodes(rows);
    }
}
