package dev.switchboard.workflow.ui;

import dev.switchboard.workflow.engine.Inputs;
import dev.switchboard.workflow.model.InputSpec;
import dev.switchboard.workflow.model.InputType;
import dev.switchboard.workflow.model.WorkflowDefinition;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;
import javafx.util.StringConverter;

/**
 * The typed form of a workflow's inputs, asked before a run starts: a check box for a boolean, a list for an enum,
 * and the city's wards and the scenarios by name (sorted by name) for a ward or scenario input (a text field when
 * they are not known); defaults filled in, required ones marked. The engine still checks every value when the run
 * starts.
 */
final class RunInputsDialog {

    private RunInputsDialog() {
    }

    /** The values given (text, as {@code workflow run --input} takes them), or empty when the user cancelled. */
    static Optional<Map<String, String>> ask(Window owner, WorkflowDefinition def, Inputs inputs) {
        Dialog<Map<String, String>> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(Text.get("workflow.start.title", def.name()));
        dialog.setHeaderText(Text.get("workflow.start.header"));
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        grid.setPadding(new Insets(12));
        grid.setId("start-form");
        Map<String, Control> fields = new LinkedHashMap<>();
        int row = 0;
        for (InputSpec in : def.inputs()) {
            Control c = field(in, inputs);
            c.setId("input-" + in.name());
            fields.put(in.name(), c);
            grid.add(new Label(in.label() + (in.required() ? " *" : "")), 0, row);
            grid.add(c, 1, row++);
        }
        dialog.getDialogPane().setContent(grid);
        ButtonType start = new ButtonType(Text.get("workflow.start.run"), ButtonType.OK.getButtonData());
        dialog.getDialogPane().getButtonTypes().setAll(start, ButtonType.CANCEL);
        dialog.getDialogPane().lookupButton(start).setId("start-run");
        dialog.setResultConverter(b -> b == start ? values(fields) : null);
        return dialog.showAndWait();
    }

    private static Control field(InputSpec in, Inputs inputs) {
        Object dflt = in.defaultValue();
        String text = dflt == null ? "" : in.type() == InputType.DURATION && dflt instanceof Number n
                ? words(n.longValue()) : dflt.toString();
        switch (in.type()) {
            case BOOLEAN -> {
                CheckBox box = new CheckBox();
                box.setSelected(Boolean.TRUE.equals(dflt));
                return box;
            }
            case ENUM -> {
                ComboBox<String> box = new ComboBox<>();
                box.getItems().setAll(in.values());
                box.setValue(dflt == null ? null : text);
                return box;
            }
            case WARD, SCENARIO -> {
                Map<String, String> known = in.type() == InputType.WARD
                        ? inputs.wardChoices() : inputs.scenarioChoices();
                if (known.isEmpty()) {
                    return new TextField(text);
                }
                ComboBox<String> box = new ComboBox<>();
                box.getItems().setAll(known.entrySet().stream().sorted(Map.Entry.<String, String>comparingByValue()
                        .thenComparing(Map.Entry.comparingByKey())).map(Map.Entry::getKey).toList());
                box.setConverter(new StringConverter<>() {
                    @Override
                    public String toString(String id) {
                        return id == null ? "" : known.getOrDefault(id, id);
                    }

                    @Override
                    public String fromString(String s) {
                        return s;
                    }
                });
                box.setValue(dflt == null ? null : text);
                return box;
            }
            default -> {
                TextField f = new TextField(text);
                f.setPrefColumnCount(18);
                return f;
            }
        }
    }

    /** A duration in milliseconds as an input takes it ({@code 3m}, {@code 90s}, {@code 1500ms}). */
    private static String words(long millis) {
        if (millis % 1000 != 0) {
            return millis + "ms";
        }
        long s = millis / 1000;
        return s != 0 && s % 3600 == 0 ? s / 3600 + "h" : s != 0 && s % 60 == 0 ? s / 60 + "m" : s + "s";
    }

    private static Map<String, String> values(Map<String, Control> fields) {
        Map<String, String> out = new LinkedHashMap<>();
        fields.forEach((name, c) -> {
            String v = switch (c) {
                case CheckBox b -> Boolean.toString(b.isSelected());
                case ComboBox<?> b -> b.getValue() == null ? "" : b.getValue().toString();
                case TextField t -> t.getText().strip();
                default -> "";
            };
            if (!v.isBlank()) {
                out.put(name, v);
            }
        });
        return out;
    }
}
