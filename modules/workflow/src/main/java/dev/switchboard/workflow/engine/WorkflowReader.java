package dev.switchboard.workflow.engine;

import dev.switchboard.workflow.engine.YamlNodes.ListNode;
import dev.switchboard.workflow.engine.YamlNodes.MapNode;
import dev.switchboard.workflow.engine.YamlNodes.Node;
import dev.switchboard.workflow.engine.YamlNodes.ScalarNode;
import dev.switchboard.workflow.model.ForEach;
import dev.switchboard.workflow.model.InputSpec;
import dev.switchboard.workflow.model.InputType;
import dev.switchboard.workflow.model.Problem;
import dev.switchboard.workflow.model.RetryPolicy;
import dev.switchboard.workflow.model.TaskSpec;
import dev.switchboard.workflow.model.WorkflowDefinition;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns one workflow file into a {@link WorkflowDefinition}, checking every field on the way and then the whole
 * (see {@link WorkflowChecker}). Each mistake becomes a {@link Problem} with file, line and field; a file with any
 * mistake gives no definition, so nothing half-checked ever runs. One reader per file.
 */
public final class WorkflowReader {

    /** The top-level fields, in the order the schema lists them. */
    public static final List<String> TOP = List.of("id", "name", "version", "description", "kind", "inputs",
            "concurrency", "timeout", "tasks", "onFailure", "finally");
    /** The fields of one task. */
    public static final List<String> TASK = List.of("id", "type", "label", "dependsOn", "with", "when", "retry",
            "timeout", "forEach", "compensate", "idempotent");
    /** The fields of a retry policy. */
    public static final List<String> RETRY = List.of("maxAttempts", "initialDelay", "multiplier", "maxDelay",
            "jitter", "retryOn");
    /** The fields of an input. */
    public static final List<String> INPUT = List.of("type", "label", "required", "default", "values");
    /** The fields of a forEach. */
    public static final List<String> FOR_EACH = List.of("items", "parallel", "concurrency");
    /** The kinds a workflow may be. */
    public static final List<String> KINDS = List.of(WorkflowDefinition.AUTOMATION, WorkflowDefinition.EXERCISE);

    static final Pattern ID = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,63}");
    private static final Pattern WORKFLOW_ID = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");

    private final String file;
    private final List<Problem> problems = new ArrayList<>();

    public WorkflowReader(String file) {
        this.file = file == null ? "" : file;
    }

    /** What {@link #read} returns: the definition when the file has no problem, and every problem found. */
    public record Result(Optional<WorkflowDefinition> definition, List<Problem> problems) {
        public Result {
            problems = List.copyOf(problems);
        }
    }

    /**
     * Reads and checks {@code yaml} against the task types of {@code types}.
     */
    public Result read(String yaml, TaskTypes types, Expressions expressions) {
        Node root;
        try {
            root = YamlNodes.parse(yaml);
        } catch (YamlNodes.SyntaxError e) {
            problems.add(new Problem(file, e.line(), "", e.getMessage()));
            return new Result(Optional.empty(), problems);
        }
        if (!(root instanceof MapNode top)) {
            problems.add(new Problem(file, root.line(), "", "a workflow file must be a mapping of fields (id: …, "
                    + "name: …, tasks: …)"));
            return new Result(Optional.empty(), problems);
        }
        WorkflowDefinition def = definition(top, yaml);
        new WorkflowChecker(file, types, expressions, problems).check(def);
        return new Result(problems.isEmpty() ? Optional.of(def) : Optional.empty(), problems);
    }

    private WorkflowDefinition definition(MapNode top, String yaml) {
        keys(top, "", TOP);
        String id = text(top, "id", "", true);
        if (!id.isEmpty() && !WORKFLOW_ID.matcher(id).matches()) {
            problem(top.entries().get("id"), "id", "'" + id + "' must be lower-case letters, digits, '-' or '_'");
        }
        String name = text(top, "name", "", true);
        int version = (int) number(top, "version", "", 1, 1, 1_000_000, true);
        String description = text(top, "description", "", false);
        String kind = text(top, "kind", "", false);
        if (kind.isEmpty()) {
            kind = WorkflowDefinition.AUTOMATION;
        } else if (!KINDS.contains(kind)) {
            problem(top.entries().get("kind"), "kind", notOneOf(kind, KINDS));
        }
        List<InputSpec> inputs = inputs(top);
        int concurrency = (int) number(top, "concurrency", "", 4, 1, 256, true);
        Duration timeout = duration(top, "timeout", "");
        List<TaskSpec> tasks = tasks(top, "tasks", true);
        List<TaskSpec> onFailure = tasks(top, "onFailure", false);
        List<TaskSpec> finallyTasks = tasks(top, "finally", false);
        return new WorkflowDefinition(id, name, version, description, kind, inputs, tasks, onFailure, finallyTasks,
                concurrency, timeout, yaml, file);
    }

    private List<InputSpec> inputs(MapNode top) {
        List<InputSpec> out = new ArrayList<>();
        Node node = top.entries().get("inputs");
        if (node == null || node instanceof ScalarNode s && s.text() == null) {
            return out;
        }
        if (!(node instanceof MapNode m)) {
            problem(node, "inputs", "must be a mapping of input name to its type (e.g. ward: {type: ward})");
            return out;
        }
        m.entries().forEach((name, value) -> {
            String path = "inputs." + name;
            if (!ID.matcher(name).matches()) {
                problem(value, path, "'" + name + "' must start with a letter and hold letters, digits or '_'");
            }
            MapNode spec;
            if (value instanceof ScalarNode s && s.text() != null) {
                spec = new MapNode(s.line(), Map.of("type", s), Map.of("type", s.line()), List.of());
            } else if (value instanceof MapNode mm) {
                spec = mm;
            } else {
                problem(value, path, "must be a type (string, number, …) or a mapping with type:");
                return;
            }
            keys(spec, path, INPUT);
            String typeWord = text(spec, "type", path, true);
            Optional<InputType> type = InputType.of(typeWord);
            if (!typeWord.isEmpty() && type.isEmpty()) {
                problem(spec.entries().get("type"), path + ".type", notOneOf(typeWord,
                        java.util.Arrays.stream(InputType.values()).map(InputType::word).toList()));
            }
            List<String> values = strings(spec, "values", path);
            if (type.orElse(null) == InputType.ENUM && values.isEmpty()) {
                problem(spec, path + ".values", "an enum input needs its values");
            }
            boolean required = bool(spec, "required", path, false);
            Object def = null;
            Node defNode = spec.entries().get("default");
            if (defNode instanceof ScalarNode ds && ds.text() != null && type.isPresent()) {
                try {
                    def = Inputs.coerce(type.get(), values, ds.text());
                } catch (IllegalArgumentException e) {
                    problem(ds, path + ".default", e.getMessage());
                }
            }
            out.add(new InputSpec(name, type.orElse(InputType.STRING), text(spec, "label", path, false), required,
                    def, values));
        });
        return out;
    }

    private List<TaskSpec> tasks(MapNode top, String field, boolean required) {
        List<TaskSpec> out = new ArrayList<>();
        Node node = top.entries().get(field);
        if (node == null || node instanceof ScalarNode s && s.text() == null) {
            if (required) {
                problem(top, field, "is required: the workflow's tasks");
            }
            return out;
        }
        if (!(node instanceof ListNode list)) {
            problem(node, field, "must be a list of tasks (each starting with '- id: …')");
            return out;
        }
        if (required && list.items().isEmpty()) {
            problem(node, field, "needs at least one task");
        }
        for (int i = 0; i < list.items().size(); i++) {
            String path = field + "[" + i + "]";
            Node item = list.items().get(i);
            if (!(item instanceof MapNode m)) {
                problem(item, path, "must be a task (a mapping with id and type)");
                continue;
            }
            out.add(task(m, path, true));
        }
        return out;
    }

    private TaskSpec task(MapNode m, String path, boolean needsId) {
        keys(m, path, TASK);
        String id = text(m, "id", path, needsId);
        if (!id.isEmpty() && !ID.matcher(id).matches()) {
            problem(m.entries().get("id"), path + ".id", "'" + id + "' must start with a letter and hold letters, "
                    + "digits or '_' (expressions name it as tasks." + id.replaceAll("\\W", "_") + ")");
        }
        String type = text(m, "type", path, true);
        List<String> deps = strings(m, "dependsOn", path);
        Map<String, Object> with = new LinkedHashMap<>();
        Node w = m.entries().get("with");
        if (w instanceof MapNode wm) {
            wm.entries().forEach((k, v) -> with.put(k, plain(v)));
        } else if (w != null && !(w instanceof ScalarNode ws && ws.text() == null)) {
            problem(w, path + ".with", "must be a mapping of parameter names to values");
        }
        String when = text(m, "when", path, false);
        RetryPolicy retry = retry(m, path);
        Duration timeout = duration(m, "timeout", path);
        ForEach forEach = forEach(m, path);
        TaskSpec compensate = null;
        Node c = m.entries().get("compensate");
        if (c instanceof MapNode cm) {
            compensate = task(cm, path + ".compensate", false);
        } else if (c != null) {
            problem(c, path + ".compensate", "must be a step with type: and with:");
        }
        Boolean idempotent = m.entries().containsKey("idempotent") ? bool(m, "idempotent", path, false) : null;
        return new TaskSpec(id.isEmpty() && !needsId ? "compensate" : id, type, deps, with,
                when.isEmpty() ? null : when, retry, timeout, forEach, compensate, idempotent,
                text(m, "label", path, false), m.line());
    }

    private RetryPolicy retry(MapNode m, String path) {
        Node node = m.entries().get("retry");
        if (node == null) {
            return RetryPolicy.NONE;
        }
        String p = path + ".retry";
        if (!(node instanceof MapNode r)) {
            problem(node, p, "must be a mapping (maxAttempts, initialDelay, multiplier, maxDelay, jitter, retryOn)");
            return RetryPolicy.NONE;
        }
        keys(r, p, RETRY);
        int max = (int) number(r, "maxAttempts", p, 3, 1, 100, true);
        Duration initial = Optional.ofNullable(duration(r, "initialDelay", p)).orElse(Duration.ofSeconds(1));
        double multiplier = number(r, "multiplier", p, 2, 1, 10, false);
        Duration maxDelay = Optional.ofNullable(duration(r, "maxDelay", p)).orElse(Duration.ofMinutes(5));
        double jitter = number(r, "jitter", p, 0.2, 0, 1, false);
        List<String> retryOn = strings(r, "retryOn", p);
        return new RetryPolicy(max, initial, multiplier, maxDelay, jitter, retryOn);
    }

    private ForEach forEach(MapNode m, String path) {
        Node node = m.entries().get("forEach");
        if (node == null) {
            return null;
        }
        String p = path + ".forEach";
        if (node instanceof ScalarNode s && s.text() != null) {
            return new ForEach(s.text(), true, 0);
        }
        if (!(node instanceof MapNode f)) {
            problem(node, p, "must be an expression giving a list, or a mapping with items:");
            return null;
        }
        keys(f, p, FOR_EACH);
        String items = text(f, "items", p, true);
        return new ForEach(items, bool(f, "parallel", p, true), (int) number(f, "concurrency", p, 0, 0, 256, true));
    }

    // ---- field helpers

    private void keys(MapNode m, String path, List<String> allowed) {
        for (String dup : m.duplicates()) {
            problem(m, join(path, dup), "is given twice");
        }
        m.entries().forEach((key, node) -> {
            if (!allowed.contains(key)) {
                problem(line(m, key), join(path, key), "unknown field (known: " + String.join(", ", allowed) + ")");
            }
        });
    }

    private String text(MapNode m, String key, String path, boolean required) {
        Node node = m.entries().get(key);
        if (node == null || node instanceof ScalarNode s && (s.text() == null || s.text().isBlank())) {
            if (required) {
                problem(node == null ? m.line() : node.line(), join(path, key), "is required");
            }
            return "";
        }
        if (!(node instanceof ScalarNode s)) {
            problem(node, join(path, key), "must be a single value, not a " + kind(node));
            return "";
        }
        return s.text().strip();
    }

    private double number(MapNode m, String key, String path, double fallback, double min, double max,
                          boolean whole) {
        Node node = m.entries().get(key);
        if (node == null) {
            return fallback;
        }
        if (!(node instanceof ScalarNode s) || s.text() == null) {
            problem(node, join(path, key), "must be a number");
            return fallback;
        }
        try {
            double v = Double.parseDouble(s.text().strip());
            if (v < min || v > max || whole && v != Math.rint(v)) {
                problem(node, join(path, key), "must be a " + (whole ? "whole number" : "number") + " from "
                        + fmt(min) + " to " + fmt(max) + ", was " + s.text());
                return fallback;
            }
            return v;
        } catch (NumberFormatException e) {
            problem(node, join(path, key), "'" + s.text() + "' is not a number");
            return fallback;
        }
    }

    private boolean bool(MapNode m, String key, String path, boolean fallback) {
        Node node = m.entries().get(key);
        if (node == null) {
            return fallback;
        }
        if (node instanceof ScalarNode s && s.text() != null && Set.of("true", "false").contains(s.text().strip())) {
            return Boolean.parseBoolean(s.text().strip());
        }
        problem(node, join(path, key), "must be true or false");
        return fallback;
    }

    private Duration duration(MapNode m, String key, String path) {
        Node node = m.entries().get(key);
        if (node == null) {
            return null;
        }
        if (!(node instanceof ScalarNode s) || s.text() == null) {
            problem(node, join(path, key), "must be a duration (e.g. 30s, 5m, PT2M)");
            return null;
        }
        try {
            return Durations.parse(s.text());
        } catch (IllegalArgumentException e) {
            problem(node, join(path, key), e.getMessage());
            return null;
        }
    }

    private List<String> strings(MapNode m, String key, String path) {
        Node node = m.entries().get(key);
        List<String> out = new ArrayList<>();
        if (node == null || node instanceof ScalarNode s && s.text() == null) {
            return out;
        }
        if (node instanceof ScalarNode s) {
            out.add(s.text().strip());
            return out;
        }
        if (!(node instanceof ListNode list)) {
            problem(node, join(path, key), "must be a list of words");
            return out;
        }
        for (Node item : list.items()) {
            if (item instanceof ScalarNode s && s.text() != null) {
                out.add(s.text().strip());
            } else {
                problem(item, join(path, key), "must hold single words, not a " + kind(item));
            }
        }
        return out;
    }

    /** A parameter value as plain Java: text, numbers, booleans, lists and maps. */
    private static Object plain(Node node) {
        return switch (node) {
            case ScalarNode s when s.text() == null -> null;
            case ScalarNode s when s.quoted() -> s.text();
            case ScalarNode s -> scalar(s.text());
            case ListNode l -> l.items().stream().map(WorkflowReader::plain).toList();
            case MapNode m -> {
                Map<String, Object> out = new LinkedHashMap<>();
                m.entries().forEach((k, v) -> out.put(k, plain(v)));
                yield out;
            }
        };
    }

    private static Object scalar(String text) {
        if (text.equals("true") || text.equals("false")) {
            return Boolean.parseBoolean(text);
        }
        if (text.matches("-?\\d{1,18}")) {
            return Long.parseLong(text);
        }
        if (text.matches("-?\\d+\\.\\d+([eE][-+]?\\d+)?")) {
            return Double.parseDouble(text);
        }
        return text;
    }

    private void problem(Node node, String field, String message) {
        problem(node == null ? 0 : node.line(), field, message);
    }

    private void problem(int line, String field, String message) {
        problems.add(new Problem(file, line, field, message));
    }

    private static int line(MapNode m, String key) {
        return m.keyLines().getOrDefault(key, m.line());
    }

    private static String join(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    private static String kind(Node node) {
        return switch (node) {
            case MapNode m -> "mapping";
            case ListNode l -> "list";
            case ScalarNode s -> "value";
        };
    }

    static String notOneOf(String value, List<String> allowed) {
        return "'" + value + "' is not one of " + String.join(", ", allowed);
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
