package dev.switchboard.workflow.engine;

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
 * A YAML document as a tree whose every node knows its line, read through Jackson's YAML parser (SnakeYAML) with
 * limits against hostile files: at most {@link #MAX_BYTES} of text, 20 aliases per document (an alias bomb is
 * refused, not expanded), 40 levels of nesting, no recursive keys. Jackson's own tree forgets lines, which a
 * {@code file:line: field: message} needs.
 */
final class YamlNodes {

    /** The largest definition accepted, in characters. */
    static final int MAX_BYTES = 512 * 1024;

    private static final YAMLFactory FACTORY;

    static {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(20);
        options.setNestingDepthLimit(40);
        options.setAllowRecursiveKeys(false);
        options.setCodePointLimit(MAX_BYTES + 1024);
        options.setAllowDuplicateKeys(true);
        FACTORY = YAMLFactory.builder()
                .loaderOptions(options)
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(40)
                        .maxStringLength(MAX_BYTES).build())
                .build();
    }

    private YamlNodes() {
    }

    /** A node and the 1-based line it starts on. */
    sealed interface Node permits MapNode, ListNode, ScalarNode {
        int line();
    }

    /** A mapping with the line of each key and the keys given twice. */
    record MapNode(int line, Map<String, Node> entries, Map<String, Integer> keyLines, List<String> duplicates)
            implements Node {
    }

    record ListNode(int line, List<Node> items) implements Node {
    }

    /** A scalar as written; {@code text} is null for YAML null. */
    record ScalarNode(int line, String text, boolean quoted) implements Node {
    }

    /** A syntax error or a refused document, at a line. */
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

    static Node parse(String yaml) throws SyntaxError {
        if (yaml.length() > MAX_BYTES) {
            throw new SyntaxError(1, "the file is " + (yaml.length() / 1024) + " KB; a workflow definition may be at"
                    + " most " + (MAX_BYTES / 1024) + " KB (split it into subflows)");
        }
        try (JsonParser parser = FACTORY.createParser(yaml)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new SyntaxError(1, "the file is empty");
            }
            return read(parser, 0);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            int line = at == null ? 0 : Math.max(at.getLineNr(), 0);
            throw new SyntaxError(line, "not valid YAML: " + explain(e));
        } catch (AliasRefused e) {
            throw new SyntaxError(e.line, "aliases (*name) are not allowed in a workflow definition: they can"
                    + " multiply a small file into a huge one (an alias bomb); write the values out");
        } catch (IOException e) {
            throw new SyntaxError(0, "could not be read: " + e.getMessage());
        } catch (RuntimeException e) {
            // SnakeYAML's limits (aliases, code points, nesting) surface as its own runtime exceptions.
            throw new SyntaxError(0, "refused: " + firstLine(e.getMessage()));
        }
    }

    private static Node read(JsonParser parser, int depth) throws IOException {
        JsonToken token = parser.currentToken();
        int line = parser.currentTokenLocation().getLineNr();
        if (parser instanceof com.fasterxml.jackson.dataformat.yaml.YAMLParser y && y.isCurrentAlias()) {
            throw new AliasRefused(line);
        }
        if (token == JsonToken.START_OBJECT) {
            Map<String, Node> entries = new LinkedHashMap<>();
            Map<String, Integer> keyLines = new LinkedHashMap<>();
            List<String> duplicates = new ArrayList<>();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String key = parser.currentName();
                int keyLine = parser.currentTokenLocation().getLineNr();
                parser.nextToken();
                Node value = read(parser, depth + 1);
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
                items.add(read(parser, depth + 1));
            }
            return new ListNode(line, items);
        }
        if (token == JsonToken.VALUE_NULL) {
            return new ScalarNode(line, null, false);
        }
        return new ScalarNode(line, parser.getText(), token == JsonToken.VALUE_STRING);
    }

    /** An alias in the document, refused. */
    private static final class AliasRefused extends IOException {
        private static final long serialVersionUID = 1L;
        private final int line;

        AliasRefused(int line) {
            super("alias");
            this.line = line;
        }
    }

    private static String explain(JsonProcessingException e) {
        String message = firstLine(e.getOriginalMessage());
        if (message.contains("aliases")) {
            return "too many aliases (" + message + "); anchors and aliases are limited against alias bombs";
        }
        return message;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "syntax error";
        }
        String line = message.strip().lines().findFirst().orElse("syntax error");
        return line.length() > 160 ? line.substring(0, 160) + "…" : line;
    }
}
