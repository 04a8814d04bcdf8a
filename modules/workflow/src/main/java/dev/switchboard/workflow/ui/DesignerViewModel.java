package dev.switchboard.workflow.ui;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dev.switchboard.workflow.engine.GraphLayout;
import dev.switchboard.workflow.engine.Workflows;
import dev.switchboard.workflow.engine.WorkflowReader;
import dev.switchboard.workflow.model.Problem;
import dev.switchboard.workflow.model.TaskSpec;
import dev.switchboard.workflow.model.WorkflowDefinition;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The designer: one workflow as YAML text and as a graph, kept in step both ways. Canvas edits (add a task,
 * connect two, change a parameter) rewrite the YAML; YAML edits redraw the canvas once they parse, and while they
 * do not the canvas keeps its last good state and the problem shows. Every change can be undone.
 */
public final class DesignerViewModel {

    private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES).build());
    static final double NODE_WIDTH = 170;
    static final double NODE_HEIGHT = 44;

    private final Workflows workflows;
    private final Deque<String> undo = new ArrayDeque<>();
    private final Deque<String> redo = new ArrayDeque<>();
    private boolean applying;

    // Properties
    private final StringProperty yaml = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<WorkflowDefinition> definition = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Map<String, GraphLayout.Point>> layout = new ReadOnlyObjectWrapper<>(Map.of());
    private final StringProperty selected = new SimpleStringProperty();
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper canRedo = new ReadOnlyBooleanWrapper();

    public DesignerViewModel(Workflows workflows) {
        this.workflows = workflows;
        yaml.addListener((obs, old, now) -> {
            if (!applying) {
                pushUndo(old);
                parse(now);
            }
        });
    }

    /** The YAML text; set it to edit, and the graph follows once it parses. */
    public StringProperty yamlProperty() {
        return yaml;
    }

    /** What is wrong with the YAML as {@code line: field: message}, or empty. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** The last definition that read without problems; what the canvas shows. */
    public ReadOnlyObjectProperty<WorkflowDefinition> definitionProperty() {
        return definition.getReadOnlyProperty();
    }

    /** Where each task of the definition goes on the canvas. */
    public ReadOnlyObjectProperty<Map<String, GraphLayout.Point>> layoutProperty() {
        return layout.getReadOnlyProperty();
    }

    /** The selected task's id, or null. */
    public StringProperty selectedProperty() {
        return selected;
    }

    public ReadOnlyBooleanProperty canUndoProperty() {
        return canUndo.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canRedoProperty() {
        return canRedo.getReadOnlyProperty();
    }

    /** The task types the palette offers. */
    public List<String> palette() {
        return List.copyOf(workflows.types().all().keySet());
    }

    public Workflows workflows() {
        return workflows;
    }

    // Commands

    /** Opens {@code text} as a new document (no undo across documents). */
    public void open(String text) {
        undo.clear();
        redo.clear();
        applying = true;
        yaml.set(text);
        applying = false;
        parse(text);
        updateUndo();
    }

    /** A new, empty workflow with one task. */
    public void newWorkflow() {
        open("id: my-workflow\nname: My workflow\nversion: 1\ntasks:\n  - id: start\n    type: log\n    with:\n"
                + "      message: Hello\n");
    }

    /** Adds a task of {@code type} after the selected one (or on its own); selects it. */
    public void addTask(String type) {
        edit(doc -> {
            List<Map<String, Object>> tasks = tasks(doc);
            String id = freeId(tasks, type.replaceAll("[^A-Za-z0-9]", ""));
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("id", id);
            t.put("type", type);
            if (selected.get() != null && tasks.stream().anyMatch(x -> selected.get().equals(x.get("id")))) {
                t.put("dependsOn", new ArrayList<>(List.of(selected.get())));
            }
            Map<String, Object> with = new LinkedHashMap<>();
            workflows.types().find(type).ifPresent(tt -> tt.info().parameters().stream().filter(p -> p.required())
                    .forEach(p -> with.put(p.name(), p.kind().equals("number") ? 1 : p.choices().isEmpty()
                            ? "…" : p.choices().get(0))));
            if (!with.isEmpty()) {
                t.put("with", with);
            }
            tasks.add(t);
            selected.set(id);
        });
    }

    /** Makes {@code to} depend on {@code from}. */
    public void connect(String from, String to) {
        if (from == null || to == null || from.equals(to)) {
            return;
        }
        edit(doc -> {
            for (Map<String, Object> t : tasks(doc)) {
                if (to.equals(t.get("id"))) {
                    List<Object> deps = new ArrayList<>(t.get("dependsOn") instanceof List<?> l ? l
                            : t.get("dependsOn") == null ? List.of() : List.of(t.get("dependsOn")));
                    if (!deps.contains(from)) {
                        deps.add(from);
                    }
                    t.put("dependsOn", deps);
                }
            }
        });
    }

    /** Removes a task and every dependency on it. */
    public void remove(String id) {
        edit(doc -> {
            List<Map<String, Object>> tasks = tasks(doc);
            tasks.removeIf(t -> id.equals(t.get("id")));
            for (Map<String, Object> t : tasks) {
                if (t.get("dependsOn") instanceof List<?> l) {
                    List<Object> deps = new ArrayList<>(l);
                    deps.remove(id);
                    t.put("dependsOn", deps);
                }
            }
            selected.set(null);
        });
    }

    /** Sets a parameter of a task (text, or a number when it reads as one); empty removes it. */
    public void setParameter(String id, String name, String value) {
        edit(doc -> {
            for (Map<String, Object> t : tasks(doc)) {
                if (id.equals(t.get("id"))) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> with = t.get("with") instanceof Map<?, ?> m
                            ? new LinkedHashMap<>((Map<String, Object>) m) : new LinkedHashMap<>();
                    if (value == null || value.isBlank()) {
                        with.remove(name);
                    } else {
                        with.put(name, value.matches("-?\\d{1,15}") ? (Object) Long.parseLong(value) : value);
                    }
                    t.put("with", with);
                }
            }
        });
    }

    /** Places the tasks again with the layered layout. */
    public void relayout() {
        WorkflowDefinition d = definition.get();
        layout.set(d == null ? Map.of() : GraphLayout.layout(d.tasks(), NODE_WIDTH, NODE_HEIGHT,
                GraphLayout.Flow.DOWN));
    }

    public void undo() {
        if (!undo.isEmpty()) {
            redo.push(yaml.get());
            apply(undo.pop());
        }
    }

    public void redo() {
        if (!redo.isEmpty()) {
            undo.push(yaml.get());
            apply(redo.pop());
        }
    }

    /** The selected task's spec, or null. */
    public TaskSpec selectedTask() {
        WorkflowDefinition d = definition.get();
        return d == null || selected.get() == null ? null : d.task(selected.get()).orElse(null);
    }

    // ---- helpers

    private void apply(String text) {
        applying = true;
        yaml.set(text);
        applying = false;
        parse(text);
        updateUndo();
    }

    private void edit(java.util.function.Consumer<Map<String, Object>> change) {
        Map<String, Object> doc = document(yaml.get());
        if (doc == null) {
            problem.set(Text.get("workflow.designer.fixYamlFirst"));
            return;
        }
        change.accept(doc);
        String text;
        try {
            text = YAML.writeValueAsString(doc);
        } catch (JsonProcessingException e) {
            problem.set(e.getOriginalMessage());
            return;
        }
        pushUndo(yaml.get());
        apply(text);
    }

    private void parse(String text) {
        WorkflowReader.Result r = workflows.read("designer", text == null ? "" : text);
        if (r.definition().isPresent()) {
            problem.set("");
            WorkflowDefinition before = definition.get();
            definition.set(r.definition().get());
            if (before == null || !before.tasks().stream().map(t -> t.id() + t.dependsOn()).toList()
                    .equals(r.definition().get().tasks().stream().map(t -> t.id() + t.dependsOn()).toList())) {
                relayout();
            }
        } else {
            Problem first = r.problems().get(0);
            problem.set(Text.get("workflow.designer.problem", first.line(), first.field().isEmpty() ? "-"
                    : first.field(), first.message(), r.problems().size()));
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> tasks(Map<String, Object> doc) {
        Object t = doc.get("tasks");
        List<Map<String, Object>> out = new ArrayList<>();
        if (t instanceof List<?> l) {
            l.forEach(x -> out.add(x instanceof Map<?, ?> m ? new LinkedHashMap<>((Map<String, Object>) m)
                    : new LinkedHashMap<>()));
        }
        doc.put("tasks", out);
        return out;
    }

    private static Map<String, Object> document(String text) {
        try {
            Map<String, Object> doc = YAML.readValue(text, new TypeReference<LinkedHashMap<String, Object>>() { });
            return doc == null ? new LinkedHashMap<>() : doc;
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private static String freeId(List<Map<String, Object>> tasks, String base) {
        String stem = base.isEmpty() ? "task" : Character.toLowerCase(base.charAt(0)) + base.substring(1);
        for (int i = 1; ; i++) {
            String id = stem + i;
            if (tasks.stream().noneMatch(t -> id.equals(t.get("id")))) {
                return id;
            }
        }
    }

    private void pushUndo(String text) {
        if (text != null && (undo.isEmpty() || !undo.peek().equals(text))) {
            undo.push(text);
            redo.clear();
        }
        updateUndo();
    }

    private void updateUndo() {
        canUndo.set(!undo.isEmpty());
        canRedo.set(!redo.isEmpty());
    }
}
