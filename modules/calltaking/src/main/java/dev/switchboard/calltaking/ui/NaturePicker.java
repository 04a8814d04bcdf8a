package dev.switchboard.calltaking.ui;

import dev.switchboard.calltaking.engine.cad.NatureCode;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.collections.FXCollections;
import javafx.collections.transformation.FilteredList;
import javafx.scene.control.ComboBox;
import javafx.scene.input.KeyCode;
import javafx.util.StringConverter;

/**
 * The CAD form's nature field: a list of the nature codes with their names that narrows as the trainee types part
 * of a code or a name ("burg", "fire"), so a code is picked, never guessed. Enter or a click picks.
 */
final class NaturePicker extends ComboBox<NatureCode> {

    private final List<NatureCode> codes;
    private final FilteredList<NatureCode> shown;
    private boolean quiet;

    NaturePicker(List<NatureCode> codes, Consumer<String> picked) {
        this.codes = List.copyOf(codes);
        this.shown = new FilteredList<>(FXCollections.observableArrayList(this.codes));
        setItems(shown);
        setEditable(true);
        setMaxWidth(Double.MAX_VALUE);
        setVisibleRowCount(8);
        setConverter(new StringConverter<>() {
            @Override
            public String toString(NatureCode c) {
                return c == null ? "" : text(c);
            }

            @Override
            public NatureCode fromString(String text) {
                return match(text).orElse(null);
            }
        });
        getEditor().textProperty().addListener((obs, old, now) -> {
            if (quiet || getValue() != null && text(getValue()).equals(now)) {
                return;
            }
            String query = now == null ? "" : now.strip().toLowerCase(Locale.ROOT);
            shown.setPredicate(c -> query.isEmpty() || c.code().toLowerCase(Locale.ROOT).contains(query)
                    || c.description().toLowerCase(Locale.ROOT).contains(query));
            if (getEditor().isFocused() && !shown.isEmpty() && !isShowing()) {
                show();
            }
        });
        getEditor().setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER && !shown.isEmpty() && match(getEditor().getText()).isEmpty()) {
                // Enter on a narrowed list takes its first entry.
                setValue(shown.get(0));
            }
        });
        valueProperty().addListener((obs, old, now) -> {
            if (!quiet && now != null) {
                picked.accept(now.code());
            }
        });
        setOnHidden(e -> {
            quiet = true;
            shown.setPredicate(null);
            quiet = false;
        });
    }

    /** Shows the form's value without reporting it back as a pick. */
    void showCode(String code) {
        quiet = true;
        try {
            Optional<NatureCode> known = code == null ? Optional.empty() : codes.stream()
                    .filter(c -> c.code().equalsIgnoreCase(code.strip())).findFirst();
            setValue(known.orElse(null));
            getEditor().setText(known.map(NaturePicker::text).orElse(code == null ? "" : code));
        } finally {
            quiet = false;
        }
    }

    /** The codes the list shows now, for tests. */
    List<NatureCode> shownCodes() {
        return List.copyOf(shown);
    }

    static String text(NatureCode c) {
        return c.code() + " \u2014 " + c.description();
    }

    private Optional<NatureCode> match(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String t = text.strip();
        String code = t.contains("\u2014") ? t.substring(0, t.indexOf('\u2014')).strip() : t;
        return codes.stream().filter(c -> c.code().equalsIgnoreCase(code) || text(c).equalsIgnoreCase(t)).findFirst();
    }
}
