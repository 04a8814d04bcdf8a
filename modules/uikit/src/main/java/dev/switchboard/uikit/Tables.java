package dev.switchboard.uikit;

import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.TableColumn;

/** The read-only text columns every table of the workstation is built from. */
public final class Tables {

    private Tables() {
    }

    /** A column showing {@code value} of each row, at its natural width. */
    public static <S> TableColumn<S, String> column(String name, Function<S, String> value) {
        return column(name, value, 0);
    }

    /** A column showing {@code value} of each row; {@code width} ≤ 0 keeps the natural width. */
    public static <S> TableColumn<S, String> column(String name, Function<S, String> value, double width) {
        TableColumn<S, String> column = new TableColumn<>(name);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        if (width > 0) {
            column.setPrefWidth(width);
        }
        return column;
    }
}
