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
 * One utterance of the labelled set the extractor is measured on: the text and the entities a careful person
 * would mark in it. The bundled set ({@code labelled-utterances.jsonl}, one JSON object per line) mixes callers and
 * trainees, typed and speech-recogniser style text.
 *
 * @param speaker {@code caller} or {@code trainee}
 */
public record LabelledUtterance(int id, String speaker, String text, List<Expected> entities) {

    public LabelledUtterance {
        entities = List.copyOf(entities);
    }

    /**
     * One expected entity.
     *
     * @param text the span as it stands in the utterance (its first occurrence is meant)
     */
    public record Expected(EntityType type, String value, String text) {
    }

    /** The bundled labelled set. */
    public static List<LabelledUtterance> bundled() {
        String resource = "labelled-utterances.jsonl";
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
            out.add(new LabelledUtterance(row.path("id").asInt(n), row.path("speaker").asText("caller"), text, es));
        }
        return out;
    }
}
