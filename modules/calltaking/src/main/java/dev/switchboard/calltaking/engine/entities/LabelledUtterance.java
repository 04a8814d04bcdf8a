package dev.switchboard.calltaking.engine.entities;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.core.error.InputException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One utterance of a labelled set the extractor is measured on: the text and the entities a careful person
 * would mark in it (rules in {@code LABELLING.md} beside the sets). The development set
 * ({@code labelled-utterances.jsonl}) mixes callers and trainees, typed and speech-recogniser style text; the
 * held-out set ({@code heldout-real-call-proxy.jsonl}) imitates published 911 transcripts and is never tuned on.
 *
 * @param source  what kind of document the line imitates; empty when not given
 * @param speaker {@code caller} or {@code trainee}
 * @param context the other speaker's previous line (usually the question a short answer answers); empty if none
 */
public record LabelledUtterance(int id, String source, String speaker, String context, String text,
                                List<Expected> entities) {

    /** The development set. */
    public static final String DEVELOPMENT = "labelled-utterances.jsonl";
    /** The held-out proxy of real calls, parts A and B. */
    public static final String HELD_OUT = "heldout-real-call-proxy.jsonl";
    /** Part C of the held-out proxy: written and frozen before the second round of rule changes. */
    public static final String HELD_OUT_C = "heldout-part-c.jsonl";
    /** Part D of the held-out proxy: written and frozen before the third round of rule changes. */
    public static final String HELD_OUT_D = "heldout-part-d.jsonl";
    /** Part E of the held-out proxy: written and frozen before the fourth round of rule changes. */
    public static final String HELD_OUT_E = "heldout-part-e.jsonl";
    /** Part F of the held-out proxy: written and frozen before the fifth round of rule changes. */
    public static final String HELD_OUT_F = "heldout-part-f.jsonl";

    public LabelledUtterance {
        source = source == null ? "" : source;
        context = context == null ? "" : context;
        entities = List.copyOf(entities);
    }

    /** An utterance without source or context. */
    public LabelledUtterance(int id, String speaker, String text, List<Expected> entities) {
        this(id, "", speaker, "", text, entities);
    }

    /**
     * One expected entity.
     *
     * @param text  the span as it stands in the utterance
     * @param start where the span starts in the utterance, or -1: then the n-th entity with the same span text
     *              is its n-th occurrence
     */
    public record Expected(EntityType type, String value, String text, int start) {

        public Expected(EntityType type, String value, String text) {
            this(type, value, text, -1);
        }
    }

    /** The bundled development set. */
    public static List<LabelledUtterance> bundled() {
        return bundled(DEVELOPMENT);
    }

    /** The bundled held-out proxy of real calls, parts A and B (never tuned on). */
    public static List<LabelledUtterance> heldOut() {
        return bundled(HELD_OUT);
    }

    /** Part C of the held-out proxy (never tuned on; see LABELLING.md). */
    public static List<LabelledUtterance> heldOutPartC() {
        return bundled(HELD_OUT_C);
    }

    /** Part D of the held-out proxy (never tuned on; see LABELLING.md). */
    public static List<LabelledUtterance> heldOutPartD() {
        return bundled(HELD_OUT_D);
    }

    /** Part E of the held-out proxy (never tuned on; see LABELLING.md). */
    public static List<LabelledUtterance> heldOutPartE() {
        return bundled(HELD_OUT_E);
    }

    /** Part F of the held-out proxy (never tuned on; see LABELLING.md). */
    public static List<LabelledUtterance> heldOutPartF() {
        return bundled(HELD_OUT_F);
    }

    private static List<LabelledUtterance> bundled(String resource) {
        try (InputStream in = LabelledUtterance.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing bundled resource " + resource);
            }
            return read(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)), resource);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read bundled " + resource, e);
        }
    }

    /** A labelled set from a file in the same format as the bundled one. */
    public static List<LabelledUtterance> read(Path file) {
        try (BufferedReader in = java.nio.file.Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(in, file.toString());
        } catch (IOException e) {
            throw new InputException(file, 0, null, "cannot read: " + e.getMessage());
        }
    }

    /** Reads JSON lines; blank lines are skipped. */
    static List<LabelledUtterance> read(BufferedReader in, String source) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<LabelledUtterance> out = new ArrayList<>();
        String line;
        int n = 0;
        while ((line = in.readLine()) != null) {
            n++;
            if (line.isBlank()) {
                continue;
            }
            JsonNode row;
            try {
                row = json.readTree(line);
            } catch (IOException e) {
                throw new InputException(Path.of(source), n, null, "not valid JSON");
            }
            String text = row.path("text").asText("");
            if (text.isEmpty()) {
                throw new InputException(Path.of(source), n, "text", "missing");
            }
            List<Expected> es = new ArrayList<>();
            for (JsonNode e : row.path("entities")) {
                EntityType type;
                try {
                    type = EntityType.valueOf(e.path("type").asText());
                } catch (IllegalArgumentException ex) {
                    throw new InputException(Path.of(source), n, "entities.type",
                            "'" + e.path("type").asText() + "' is not an entity type");
                }
                String span = e.path("text").asText("");
                if (!text.contains(span) || span.isEmpty()) {
                    throw new InputException(Path.of(source), n, "entities.text",
                            "'" + span + "' does not occur in the text");
                }
                es.add(new Expected(type, e.path("value").asText(), span));
            }
            out.add(new LabelledUtterance(row.path("id").asInt(n), row.path("source").asText(""),
                    row.path("speaker").asText("caller"), row.path("context").asText(""), text, es));
        }
        return out;
    }
}
