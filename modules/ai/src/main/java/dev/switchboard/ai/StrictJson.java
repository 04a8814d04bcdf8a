package dev.switchboard.ai;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads model output into a typed result under strict rules, because model output is data, never
 * code: the output must be one JSON object; every field of the target record must be present and not
 * null; unknown fields, duplicate fields, unknown enum constants, numbers given as strings (and the
 * other way round), fractions for integers and trailing text are all refused. What does not parse is
 * logged at WARN with the reason and a short excerpt, and dropped: callers get an empty result and
 * use their rule-based answer instead. Thread-safe.
 *
 * <pre>{@code
 * record Extracted(String address, IncidentKind kind, int injured) {}
 * Optional<Extracted> e = StrictJson.parse(reply.text(), Extracted.class);
 * }</pre>
 *
 * <p>Models often wrap JSON in a Markdown code fence or a sentence; {@link #parseEmbedded} accepts the
 * first top-level object in such text, nothing else.
 */
public final class StrictJson {

    /** Longer output is refused without parsing. */
    public static final int MAX_CHARS = 64 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(StrictJson.class);
    private static final int EXCERPT = 120;
    private static final ObjectMapper MAPPER = strictMapper();

    private StrictJson() {
    }

    /**
     * The outcome of reading model output.
     *
     * @param problem why it was refused; empty when it parsed
     */
    public record Parsed<T>(Optional<T> value, String problem) {

        public Parsed {
            Objects.requireNonNull(value, "value");
            problem = problem == null ? "" : problem;
        }

        public boolean ok() {
            return value.isPresent();
        }
    }

    /** {@code text} (surrounding whitespace aside) must be exactly one JSON object of {@code type}. */
    public static <T> Optional<T> parse(String text, Class<T> type) {
        return read(text, type, false).value();
    }

    /**
     * Like {@link #parse}, but the object may sit inside a {@code ```json} fence or after a sentence:
     * the first top-level {@code {…}} in the text is read and the rest ignored.
     */
    public static <T> Optional<T> parseEmbedded(String text, Class<T> type) {
        return read(text, type, true).value();
    }

    /** Either reading, with the reason when refused (also logged at WARN). */
    public static <T> Parsed<T> read(String text, Class<T> type, boolean embedded) {
        Objects.requireNonNull(type, "type");
        String problem;
        if (text == null || text.isBlank()) {
            problem = "empty output";
        } else if (text.length() > MAX_CHARS) {
            problem = "output longer than " + MAX_CHARS + " characters";
        } else {
            String json = embedded ? firstObject(text) : text.strip();
            if (json == null) {
                problem = "no JSON object found";
            } else if (!json.startsWith("{")) {
                problem = "not a JSON object";
            } else {
                try {
                    T value = MAPPER.readValue(json, type);
                    if (value == null) {
                        problem = "null";
                    } else {
                        return new Parsed<>(Optional.of(value), "");
                    }
                } catch (JsonProcessingException e) {
                    problem = reason(e);
                } catch (RuntimeException e) {
                    // A record's own validation (its compact constructor) refused the values.
                    problem = "refused by " + type.getSimpleName() + ": " + e.getMessage();
                }
            }
        }
        LOG.warn("Dropped model output for {}: {}; output began: {}", type.getSimpleName(), problem, excerpt(text));
        return new Parsed<>(Optional.empty(), problem);
    }

    /**
     * The first balanced top-level {@code {…}} of {@code text}, respecting strings and escapes, or
     * null when there is none.
     */
    static String firstObject(String text) {
        int start = text.indexOf('{');
        if (start < 0) {
            return null;
        }
        int depth = 0;
        boolean inString = false;
        boolean escaped = false;
        for (int i = start; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (inString) {
                if (escaped) {
                    escaped = false;
                } else if (ch == '\\') {
                    escaped = true;
                } else if (ch == '"') {
                    inString = false;
                }
            } else if (ch == '"') {
                inString = true;
            } else if (ch == '{') {
                depth++;
            } else if (ch == '}') {
                depth--;
                if (depth == 0) {
                    return text.substring(start, i + 1);
                }
            }
        }
        return null;
    }

    private static String reason(JsonProcessingException e) {
        String message = e.getOriginalMessage() == null ? e.getClass().getSimpleName() : e.getOriginalMessage();
        int cut = message.indexOf('\n');
        message = cut < 0 ? message : message.substring(0, cut);
        if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            return message + " (at " + m.getPathReference() + ")";
        }
        return message;
    }

    private static String excerpt(String text) {
        if (text == null) {
            return "(null)";
        }
        String oneLine = text.strip().replaceAll("\\s+", " ");
        return oneLine.length() <= EXCERPT ? oneLine : oneLine.substring(0, EXCERPT) + "…";
    }

    private static ObjectMapper strictMapper() {
        JsonMapper mapper = JsonMapper.builder()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
                .disable(DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_AS_NULL)
                .disable(DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_USING_DEFAULT_VALUE)
                .disable(DeserializationFeature.ACCEPT_EMPTY_STRING_AS_NULL_OBJECT)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .disable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
                .disable(MapperFeature.ACCEPT_CASE_INSENSITIVE_PROPERTIES)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .disable(JsonParser.Feature.ALLOW_COMMENTS)
                .build();
        mapper.coercionConfigDefaults()
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setAcceptBlankAsEmpty(false);
        for (LogicalType textOrFlag : new LogicalType[] {LogicalType.Textual, LogicalType.Boolean}) {
            mapper.coercionConfigFor(textOrFlag)
                    .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        }
        return mapper;
    }
}
