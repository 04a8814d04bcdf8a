package dev.switchboard.studio.engine.factory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dev.switchboard.studio.model.factory.Architecture;
import java.io.UncheckedIOException;

/** The architecture as JSON and YAML (Jackson) and as Markdown, for the export buttons and the run's folder. */
public final class ArchitectureExport {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES));

    private ArchitectureExport() {
    }

    public static String json(Architecture a) {
        try {
            return JSON.writeValueAsString(a);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String yaml(Architecture a) {
        try {
            return YAML.writeValueAsString(a);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String markdown(Architecture a) {
        StringBuilder md = new StringBuilder("# Architecture\n\n");
        md.append("Pattern: **").append(a.pattern().label()).append("** — ").append(a.why()).append(".\n\n");
        md.append("Stack: ").append(String.join(", ", a.stack())).append("\n\n## Components\n\n");
        md.append("| component | layer | kind | responsibility |\n|---|---|---|---|\n");
        for (Architecture.Component c : a.components()) {
            md.append("| ").append(c.name()).append(" | ").append(c.layer()).append(" | ").append(c.kind())
                    .append(" | ").append(c.responsibility()).append(" |\n");
        }
        md.append("\n## Relationships\n\n");
        for (Architecture.Relation r : a.relations()) {
            md.append("- ").append(r.from()).append(" → ").append(r.to()).append(" (").append(r.kind()).append(")\n");
        }
        md.append("\n## Directories\n\n");
        for (String d : a.directories()) {
            md.append("- `").append(d).append("`\n");
        }
        md.append("\n## Interface contracts\n");
        for (Architecture.Contract c : a.contracts()) {
            md.append("\n### ").append(c.name()).append(" (").append(c.owner()).append(")\n\n");
            for (String op : c.operations()) {
                md.append("- `").append(op).append("`\n");
            }
        }
        return md.toString();
    }
}
