package dev.switchboard.calltaking.engine.scenario;

import dev.switchboard.calltaking.engine.caller.Intent;
import dev.switchboard.calltaking.engine.scenario.YamlTree.ListNode;
import dev.switchboard.calltaking.engine.scenario.YamlTree.MapNode;
import dev.switchboard.calltaking.engine.scenario.YamlTree.Node;
import dev.switchboard.calltaking.engine.scenario.YamlTree.ScalarNode;
import dev.switchboard.core.incident.ResponderType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Turns one scenario file into a {@link Scenario}, checking every field on the way. Each mistake becomes a
 * {@link ScenarioProblem} with the file, the line and the field's path; a file with any mistake gives no
 * scenario, so a half-checked call never reaches a trainee. One reader per file.
 */
final class ScenarioReader {

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9_-]*");
    private static final Pattern CODE = Pattern.compile("[A-Z0-9][A-Z0-9-]*");
    private static final Pattern INTENT_NAME = Pattern.compile("[A-Z][A-Z_]*");
    private static final double DEFAULT_CALM_THRESHOLD = 0.5;
    private static final double DEFAULT_DRIFT = 0.03;

    private static final Set<String> TOP = Set.of("id", "title", "category", "summary", "caller", "location",
            "callback", "nature", "facts", "emotion", "expectedActions", "requiredUnits", "targets", "events");

    private final String file;
    private final List<ScenarioProblem> problems = new ArrayList<>();

    ScenarioReader(String file) {
        this.file = file;
    }

    /** Problems found so far, in file order as far as reading goes. */
    List<ScenarioProblem> problems() {
        return problems;
    }

    /** The scenario in {@code yaml}, or empty when the file has any problem (then see {@link #problems()}). */
    Optional<Scenario> read(String yaml) {
        Node root;
        try {
            root = YamlTree.parse(yaml);
        } catch (YamlTree.SyntaxError e) {
            problems.add(new ScenarioProblem(file, e.line(), "", e.getMessage()));
            return Optional.empty();
        }
        if (!(root instanceof MapNode top)) {
            problems.add(new ScenarioProblem(file, root.line(), "", "a scenario file must be a mapping of fields"
                    + " (id: …, title: …), not a " + kind(root)));
            return Optional.empty();
        }
        Scenario scenario = scenario(top);
        return problems.isEmpty() ? Optional.of(scenario) : Optional.empty();
    }

    private Scenario scenario(MapNode top) {
        keys(top, "", TOP);
        String id = text(top, "id", "", true);
        if (!id.isEmpty() && !ID.matcher(id).matches()) {
            problem(top.entries().get("id"), "id", "'" + id + "' must be lower-case letters, digits, '-' or '_'");
        }
        String title = text(top, "title", "", true);
        String category = text(top, "category", "", true);
        if (!category.isEmpty() && !Scenario.CATEGORIES.contains(category)) {
            problem(top.entries().get("category"), "category",
                    notOneOf(category, Scenario.CATEGORIES));
        }
        String summary = text(top, "summary", "", false);
        Persona persona = persona(map(top, "caller", "", true));
        LocationTruth location = location(map(top, "location", "", true));
        String callback = callback(top);
        Nature nature = nature(map(top, "nature", "", true));
        List<Fact> facts = facts(list(top, "facts", "", false));
        EmotionProfile emotion = emotion(map(top, "emotion", "", true));
        List<ExpectedAction> actions = actions(list(top, "expectedActions", "", false));
        List<ResponderType> units = units(top);
        TimeTargets targets = targets(map(top, "targets", "", false));
        List<ScriptedEvent> events = events(list(top, "events", "", false), facts);
        checkAfterEventFacts(top, facts, events);
        return new Scenario(id, title, category, summary, persona, location, callback, nature, facts, emotion,
                actions, units, targets, events, file);
    }

    private Persona persona(MapNode m) {
        if (m == null) {
            return new Persona("", 0, "", VoiceSettings.NEUTRAL, "fluent", "");
        }
        keys(m, "caller", Set.of("name", "age", "gender", "voice", "language", "notes"));
        String name = text(m, "name", "caller", true);
        int age = (int) number(m, "age", "caller", 0, 0, 120, true, true);
        String gender = text(m, "gender", "caller", false);
        VoiceSettings voice = VoiceSettings.NEUTRAL;
        MapNode v = map(m, "voice", "caller", false);
        if (v != null) {
            keys(v, "caller.voice", Set.of("rate", "pitch", "tract"));
            voice = new VoiceSettings(number(v, "rate", "caller.voice", 1, 0.5, 2, false, false),
                    number(v, "pitch", "caller.voice", 1, 0.5, 2, false, false),
                    number(v, "tract", "caller.voice", 1, 0.7, 1.4, false, false));
        }
        String language = text(m, "language", "caller", false);
        if (language.isEmpty()) {
            language = "fluent";
        } else if (!Persona.LANGUAGES.contains(language)) {
            problem(m.entries().get("language"), "caller.language", notOneOf(language, Persona.LANGUAGES));
        }
        return new Persona(name, age, gender, voice, language, text(m, "notes", "caller", false));
    }

    private LocationTruth location(MapNode m) {
        if (m == null) {
            return new LocationTruth("", "", "", "", "", 0, 0);
        }
        keys(m, "location", Set.of("wardId", "ward", "address", "intersection", "landmark", "lat", "lon"));
        String wardId = text(m, "wardId", "location", true);
        if (!wardId.isEmpty() && !ID.matcher(wardId).matches()) {
            problem(m.entries().get("wardId"), "location.wardId",
                    "'" + wardId + "' must be the city pack's ward id, lower case (e.g. shibuya)");
        }
        String ward = text(m, "ward", "location", true);
        String address = text(m, "address", "location", false);
        String intersection = text(m, "intersection", "location", false);
        String landmark = text(m, "landmark", "location", false);
        if (address.isEmpty() && intersection.isEmpty() && landmark.isEmpty()) {
            problem(m, "location.address", "give at least one of address, intersection or landmark");
        }
        double lat = number(m, "lat", "location", 0, -90, 90, true, false);
        double lon = number(m, "lon", "location", 0, -180, 180, true, false);
        return new LocationTruth(wardId, ward, address, intersection, landmark, lat, lon);
    }

    private String callback(MapNode top) {
        String raw = text(top, "callback", "", true);
        if (raw.isEmpty()) {
            return "";
        }
        String digits = raw.replaceAll("[\\s()-]", "");
        if (digits.startsWith("+81")) {
            digits = "0" + digits.substring(3);
        }
        if (!digits.matches("\\d{6,15}")) {
            problem(top.entries().get("callback"), "callback",
                    "'" + raw + "' is not a phone number (digits, e.g. 090-1234-5678)");
            return "";
        }
        return digits;
    }

    private Nature nature(MapNode m) {
        if (m == null) {
            return new Nature("", "", 3);
        }
        keys(m, "nature", Set.of("code", "description", "priority"));
        String code = text(m, "code", "nature", true);
        if (!code.isEmpty() && !CODE.matcher(code).matches()) {
            problem(m.entries().get("code"), "nature.code",
                    "'" + code + "' must be upper-case letters, digits and '-' (e.g. FIRE-STRUCT)");
        }
        String description = text(m, "description", "nature", true);
        int priority = (int) number(m, "priority", "nature", 3, 1, 5, true, true);
        return new Nature(code, description, priority);
    }

    private List<Fact> facts(ListNode list) {
        List<Fact> facts = new ArrayList<>();
        if (list == null) {
            return facts;
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < list.items().size(); i++) {
            String path = "facts[" + i + "]";
            MapNode m = asMap(list.items().get(i), path);
            if (m == null) {
                continue;
            }
            keys(m, path, Set.of("id", "answers", "answer", "panicAnswer", "reveal", "calmThreshold"));
            String id = text(m, "id", path, true);
            if (!id.isEmpty() && !ids.add(id)) {
                problem(m.entries().get("id"), path + ".id", "fact id '" + id + "' is used twice in this file");
            }
            Reveal reveal = enumValue(m, "reveal", path, Reveal.class, Reveal.WHEN_ASKED);
            Set<Intent> answers = intents(m, "answers", path, reveal != Reveal.ALWAYS_OPENING);
            String answer = text(m, "answer", path, true);
            String panic = text(m, "panicAnswer", path, false);
            double threshold = number(m, "calmThreshold", path, DEFAULT_CALM_THRESHOLD, 0, 1, false, false);
            facts.add(new Fact(id, answers, answer, panic, reveal, threshold));
        }
        return facts;
    }

    private EmotionProfile emotion(MapNode m) {
        if (m == null) {
            return new EmotionProfile(0.5, List.of(), List.of(), DEFAULT_DRIFT);
        }
        keys(m, "emotion", Set.of("start", "calms", "escalates", "drift"));
        double start = number(m, "start", "emotion", 0.5, 0, 1, true, false);
        List<String> calms = triggers(m, "calms");
        List<String> escalates = triggers(m, "escalates");
        double drift = number(m, "drift", "emotion", DEFAULT_DRIFT, 0, 1, false, false);
        return new EmotionProfile(start, calms, escalates, drift);
    }

    /** Intent names stay upper case and must exist; anything else is a phrase, matched in lower case. */
    private List<String> triggers(MapNode m, String key) {
        ListNode list = list(m, key, "emotion", false);
        List<String> out = new ArrayList<>();
        if (list == null) {
            return out;
        }
        for (int i = 0; i < list.items().size(); i++) {
            String path = "emotion." + key + "[" + i + "]";
            String value = scalar(list.items().get(i), path);
            if (value == null || value.isBlank()) {
                continue;
            }
            if (INTENT_NAME.matcher(value).matches()) {
                if (intent(value).isEmpty()) {
                    problem(list.items().get(i), path, notOneOf(value, intentNames())
                            + " (write phrases in lower case)");
                } else {
                    out.add(value);
                }
            } else {
                out.add(value.toLowerCase(Locale.ROOT).strip());
            }
        }
        return out;
    }

    private List<ExpectedAction> actions(ListNode list) {
        List<ExpectedAction> actions = new ArrayList<>();
        if (list == null) {
            return actions;
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < list.items().size(); i++) {
            String path = "expectedActions[" + i + "]";
            MapNode m = asMap(list.items().get(i), path);
            if (m == null) {
                continue;
            }
            keys(m, path, Set.of("id", "label", "satisfiedBy", "weight", "order"));
            String id = text(m, "id", path, true);
            if (!id.isEmpty() && !ids.add(id)) {
                problem(m.entries().get("id"), path + ".id", "action id '" + id + "' is used twice in this file");
            }
            String label = text(m, "label", path, true);
            Set<Intent> by = intents(m, "satisfiedBy", path, true);
            double weight = number(m, "weight", path, 1, 0.01, 100, false, false);
            int order = (int) number(m, "order", path, i + 1, 1, 1000, false, true);
            actions.add(new ExpectedAction(id, label, by, weight, order));
        }
        return actions;
    }

    private List<ResponderType> units(MapNode top) {
        ListNode list = list(top, "requiredUnits", "", true);
        List<ResponderType> units = new ArrayList<>();
        if (list == null) {
            return units;
        }
        for (int i = 0; i < list.items().size(); i++) {
            String path = "requiredUnits[" + i + "]";
            String value = scalar(list.items().get(i), path);
            if (value == null) {
                continue;
            }
            Optional<ResponderType> type = enumOf(ResponderType.class, value);
            if (type.isEmpty()) {
                problem(list.items().get(i), path, notOneOf(value, names(ResponderType.class)));
            } else {
                units.add(type.get());
            }
        }
        return units;
    }

    private TimeTargets targets(MapNode m) {
        if (m == null) {
            return TimeTargets.DEFAULT;
        }
        keys(m, "targets", Set.of("answerSeconds", "locationSeconds", "dispatchSeconds"));
        return new TimeTargets(
                (int) number(m, "answerSeconds", "targets", TimeTargets.DEFAULT.answerSeconds(), 1, 3600, false,
                        true),
                (int) number(m, "locationSeconds", "targets", TimeTargets.DEFAULT.locationSeconds(), 1, 3600, false,
                        true),
                (int) number(m, "dispatchSeconds", "targets", TimeTargets.DEFAULT.dispatchSeconds(), 1, 3600, false,
                        true));
    }

    private List<ScriptedEvent> events(ListNode list, List<Fact> facts) {
        List<ScriptedEvent> events = new ArrayList<>();
        if (list == null) {
            return events;
        }
        for (int i = 0; i < list.items().size(); i++) {
            String path = "events[" + i + "]";
            MapNode m = asMap(list.items().get(i), path);
            if (m == null) {
                continue;
            }
            keys(m, path, Set.of("atSecond", "kind", "text", "emotion", "fact"));
            int at = (int) number(m, "atSecond", path, 0, 0, 3600, true, true);
            String kind = text(m, "kind", path, true);
            if (!kind.isEmpty() && !ScriptedEvent.KINDS.contains(kind)) {
                problem(m.entries().get("kind"), path + ".kind", notOneOf(kind, ScriptedEvent.KINDS));
            }
            String text = text(m, "text", path, !"hang-up".equals(kind));
            double emotion = number(m, "emotion", path, 0, -1, 1, false, false);
            String fact = text(m, "fact", path, false);
            for (String id : new ScriptedEvent(at, kind, text, emotion, fact).facts()) {
                Optional<Fact> named = facts.stream().filter(f -> f.id().equals(id)).findFirst();
                if (named.isEmpty()) {
                    problem(m.entries().get("fact"), path + ".fact", "no fact has the id '" + id + "'");
                } else if (named.get().reveal() != Reveal.AFTER_EVENT) {
                    problem(m.entries().get("fact"), path + ".fact", "fact '" + id + "' is "
                            + named.get().reveal() + "; only an AFTER_EVENT fact is unlocked by an event");
                }
            }
            events.add(new ScriptedEvent(at, kind, text, emotion, fact));
        }
        return events;
    }

    private void checkAfterEventFacts(MapNode top, List<Fact> facts, List<ScriptedEvent> events) {
        Set<String> unlocked = events.stream().flatMap(e -> e.facts().stream()).collect(Collectors.toSet());
        ListNode list = top.entries().get("facts") instanceof ListNode l ? l : null;
        for (int i = 0; i < facts.size(); i++) {
            Fact f = facts.get(i);
            if (f.reveal() == Reveal.AFTER_EVENT && !unlocked.contains(f.id())) {
                Node at = list != null && i < list.items().size() ? list.items().get(i) : top;
                problem(at, "facts[" + i + "].reveal", "fact '" + f.id() + "' is AFTER_EVENT but no event names it"
                        + " (add fact: " + f.id() + " to an event)");
            }
        }
    }

    // Field access: each reports what is missing or wrong at the best line it knows.

    private void keys(MapNode m, String path, Set<String> allowed) {
        for (String key : m.entries().keySet()) {
            if (!allowed.contains(key)) {
                String known = allowed.stream().sorted().collect(Collectors.joining(", "));
                problems.add(new ScenarioProblem(file, m.keyLines().get(key), join(path, key),
                        "unknown field '" + key + "'; known fields here: " + known));
            }
        }
        for (String key : m.duplicates()) {
            problems.add(new ScenarioProblem(file, m.keyLines().getOrDefault(key, m.line()), join(path, key),
                    "given twice"));
        }
    }

    private String text(MapNode m, String key, String path, boolean required) {
        Node node = m.entries().get(key);
        String value = node == null ? null : scalar(node, join(path, key));
        if (value == null || value.isBlank()) {
            if (required && (node == null || node instanceof ScalarNode)) {
                problem(node == null ? m : node, join(path, key), "is required");
            }
            return "";
        }
        return value.strip();
    }

    private double number(MapNode m, String key, String path, double fallback, double min, double max,
                          boolean required, boolean whole) {
        Node node = m.entries().get(key);
        String field = join(path, key);
        if (node == null || node instanceof ScalarNode s && s.text() == null) {
            if (required) {
                problem(node == null ? m : node, field, "is required");
            }
            return fallback;
        }
        String text = scalar(node, field);
        if (text == null) {
            return fallback;
        }
        double value;
        try {
            value = Double.parseDouble(text.strip());
        } catch (NumberFormatException e) {
            problem(node, field, "'" + text + "' is not a number");
            return fallback;
        }
        if (whole && value != Math.rint(value)) {
            problem(node, field, "'" + text + "' must be a whole number");
            return fallback;
        }
        if (Double.isNaN(value) || value < min || value > max) {
            problem(node, field, "'" + text + "' is out of range " + fmt(min) + ".." + fmt(max));
            return fallback;
        }
        return value;
    }

    private <E extends Enum<E>> E enumValue(MapNode m, String key, String path, Class<E> type, E fallback) {
        Node node = m.entries().get(key);
        String field = join(path, key);
        String value = node == null ? null : scalar(node, field);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        Optional<E> e = enumOf(type, value);
        if (e.isEmpty()) {
            problem(node, field, notOneOf(value, names(type)));
            return fallback;
        }
        return e.get();
    }

    private Set<Intent> intents(MapNode m, String key, String path, boolean required) {
        String field = join(path, key);
        ListNode list = list(m, key, path, false);
        if (list == null) {
            Node node = m.entries().get(key);
            if (node instanceof ScalarNode s && s.text() != null) {
                list = new ListNode(s.line(), List.of(s));
            } else {
                if (required) {
                    problem(node == null ? m : node, field, "is required: the trainee intents that draw it out");
                }
                return Set.of();
            }
        }
        Set<Intent> out = EnumSet.noneOf(Intent.class);
        for (int i = 0; i < list.items().size(); i++) {
            String value = scalar(list.items().get(i), field + "[" + i + "]");
            if (value == null) {
                continue;
            }
            Optional<Intent> intent = intent(value);
            if (intent.isEmpty()) {
                problem(list.items().get(i), field + "[" + i + "]", notOneOf(value, intentNames()));
            } else {
                out.add(intent.get());
            }
        }
        if (out.isEmpty() && required && list.items().isEmpty()) {
            problem(list, field, "needs at least one intent");
        }
        return out;
    }

    private MapNode map(MapNode m, String key, String path, boolean required) {
        Node node = m.entries().get(key);
        if (node == null || node instanceof ScalarNode s && s.text() == null) {
            if (required) {
                problem(node == null ? m : node, join(path, key), "is required");
            }
            return null;
        }
        return asMap(node, join(path, key));
    }

    private ListNode list(MapNode m, String key, String path, boolean required) {
        Node node = m.entries().get(key);
        if (node == null || node instanceof ScalarNode s && s.text() == null) {
            if (required) {
                problem(node == null ? m : node, join(path, key), "is required");
            }
            return null;
        }
        if (node instanceof ListNode l) {
            return l;
        }
        if (node instanceof ScalarNode) {
            return null;
        }
        problem(node, join(path, key), "must be a list (lines starting with '- '), not a " + kind(node));
        return null;
    }

    private MapNode asMap(Node node, String path) {
        if (node instanceof MapNode m) {
            return m;
        }
        problem(node, path, "must be a mapping of fields (key: value), not a " + kind(node));
        return null;
    }

    private String scalar(Node node, String path) {
        if (node instanceof ScalarNode s) {
            return s.text();
        }
        problem(node, path, "must be a single value, not a " + kind(node));
        return null;
    }

    private void problem(Node at, String field, String message) {
        problems.add(new ScenarioProblem(file, at.line(), field, message));
    }

    private static Optional<Intent> intent(String value) {
        return enumOf(Intent.class, value);
    }

    private static <E extends Enum<E>> Optional<E> enumOf(Class<E> type, String value) {
        String name = value.strip().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(name)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    private static List<String> intentNames() {
        return names(Intent.class);
    }

    private static <E extends Enum<E>> List<String> names(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
    }

    private static String notOneOf(String value, List<String> allowed) {
        return "'" + value + "' is not one of " + String.join(", ", new LinkedHashSet<>(allowed));
    }

    private static String join(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    private static String kind(Node node) {
        return switch (node) {
            case MapNode m -> "mapping";
            case ListNode l -> "list";
            case ScalarNode s -> "single value";
        };
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}
