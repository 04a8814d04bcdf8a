package dev.switchboard.calltaking.engine.scenario;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * A YAML document as a tree whose every node knows its line, so a bad value can be reported at the line the
 * instructor typed it on (Jackson's own tree forgets locations).
 */
final class YamlTree {

    /** The largest scenario file: 50 times the biggest bundled one. Checked on the size before parsing. */
    static final int MAX_CHARS = 256 * 1024;
    private static final YAMLFactory FACTORY = factory();

    /** SnakeYAML's own limit on the document, and Jackson's on one value, as a second line behind the size check. */
    private static YAMLFactory factory() {
        LoaderOptions loader = new LoaderOptions();
        loader.setCodePointLimit(MAX_CHARS);
        return YAMLFactory.builder()
                .loaderOptions(loader)
                .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(MAX_CHARS).build())
                .build();
    }

    private YamlTree() {
    }

    /** A node and the 1-based line it starts on. */
    sealed interface Node permits MapNode, ListNode, ScalarNode {
        int line();
    }

    /** A mapping; {@code keyLines} holds the line of each key, {@code duplicates} keys given twice. */
    record MapNode(int line, Map<String, Node> entries, Map<String, Integer> keyLines, List<String> duplicates)
            implements Node {
    }

    /** A sequence. */
    record ListNode(int line, List<Node> items) implements Node {
    }

    /** A scalar as written; {@code text} is null for YAML null ({@code ~} or nothing). */
    record ScalarNode(int line, String text, boolean quoted) implements Node {
    }

    /** A syntax error at a line. */
    static final class SyntaxError extends Exception {
        private static final long serialVersionUID = 1L;
        private final int line;

        SyntaxError(int line, String message) {
            super(message);
            this.line = line;
        }

        int line() {
            return line;
        }
    }

    /** Parses one YAML document. */
    static Node parse(String yaml) throws SyntaxError {
        if (yaml.length() > MAX_CHARS) {
            throw new SyntaxError(0, "is " + yaml.length() / 1024 + " KB of text; a scenario is at most "
                    + MAX_CHARS / 1024 + " KB");
        }
        try (JsonParser parser = FACTORY.createParser(yaml)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new SyntaxError(1, "the file is empty");
            }
            return read(parser);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            int line = at == null ? 0 : Math.max(at.getLineNr(), 0);
            throw new SyntaxError(line, "not valid YAML: " + firstLine(e.getOriginalMessage()));
        } catch (IOException e) {
            throw new SyntaxError(0, "could not be read: " + e.getMessage());
        }
    }

    private static Node read(JsonParser parser) throws IOException {
        JsonToken token = parser.currentToken();
        int line = parser.currentTokenLocation().getLineNr();
        if (token == JsonToken.START_OBJECT) {
            Map<String, Node> entries = new LinkedHashMap<>();
            Map<String, Integer> keyLines = new LinkedHashMap<>();
            List<String> duplicates = new ArrayList<>();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String key = parser.currentName();
                int keyLine = parser.currentTokenLocation().getLineNr();
                parser.nextToken();
                Node value = read(parser);
                if (entries.containsKey(key)) {
                    duplicates.add(key);
                } else {
                    entries.put(key, value);
                    keyLines.put(key, keyLine);
                }
            }
            return new MapNode(line, entries, keyLines, duplicates);
        }
        if (token == JsonToken.START_ARRAY) {
            List<Node> items = new ArrayList<>();
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                items.add(read(parser));
            }
            return new ListNode(line, items);
        }
        if (token == JsonToken.VALUE_NULL) {
            return new ScalarNode(line, null, false);
        }
        return new ScalarNode(line, parser.getText(), token == JsonToken.VALUE_STRING);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "syntax error";
        }
        String line = message.strip().lines().findFirst().orElse("syntax error");
        return line.length() > 160 ? line.substring(0, 160) + "…" : line;
    }
}
