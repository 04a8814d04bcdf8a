package dev.switchboard.uikit;

import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.Control;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.text.Text;

/**
 * The read-only text columns every table of the workstation is built from. A cell wraps its text onto more lines
 * rather than cut it short with an ellipsis, and a column is never narrower than its heading.
 */
public final class Tables {

    /** Room a column heading needs beside its text: padding and the sort arrow. */
    private static final double HEADING_PADDING = 30;
    /** Room a cell needs beside its text: its padding and the wrapping margin of {@link WrappingCell}. */
    private static final double CELL_PADDING = 20;

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
        column.setCellFactory(c -> new WrappingCell<>());
        column.setMinWidth(headingWidth(name));
        if (width > 0) {
            column.setPrefWidth(Math.max(width, column.getMinWidth()));
        }
        return column;
    }

    /**
     * Keeps {@code column} wide enough for the longest single word of {@code values}, so that a cell wraps between
     * words and never inside one ("Control-ro / om", "Interrupt / ed" in a narrow window).
     */
    public static <S, T> TableColumn<S, T> fitWords(TableColumn<S, T> column, String... values) {
        double widest = 0;
        for (String value : values) {
            for (String word : value.split("\\s+")) {
                widest = Math.max(widest, width(word, "-fx-font-size: 14px;"));
            }
        }
        column.setMinWidth(Math.max(column.getMinWidth(), widest + CELL_PADDING));
        column.setPrefWidth(Math.max(column.getPrefWidth(), column.getMinWidth()));
        return column;
    }

    /** The width a heading needs to show {@code name} in full. */
    public static double headingWidth(String name) {
        return width(name, "-fx-font-weight: bold; -fx-font-size: 14px;") + HEADING_PADDING;
    }

    /** The whole pixels {@code text} takes in the given font style. */
    private static double width(String text, String style) {
        Text probe = new Text(text);
        probe.setStyle(style);
        return Math.ceil(probe.getLayoutBounds().getWidth());
    }

    /**
     * A text for a cell's graphic that wraps to the cell's width, so the row grows to hold it (a wrapping Label there
     * made rows taller than the table); {@code styles} are added to the cells' text style.
     */
    public static Text wrappingText(TableCell<?, ?> cell, String... styles) {
        Text text = new Text();
        text.getStyleClass().add("sb-cell-text");
        text.getStyleClass().addAll(styles);
        text.wrappingWidthProperty().bind(cell.widthProperty().subtract(12));
        return text;
    }

    /** A cell whose text wraps to the column's width; the row grows to hold it. */
    private static final class WrappingCell<S> extends TableCell<S, String> {
        private final Text text = wrappingText(this);

        WrappingCell() {
            setPrefHeight(Control.USE_COMPUTED_SIZE);
        }

        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            setText(null);
            if (empty || item == null) {
                setGraphic(null);
            } else {
                text.setText(item);
                setGraphic(text);
            }
        }
    }
}
