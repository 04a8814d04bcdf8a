package dev.switchboard.uikit;

import java.util.Objects;
import javafx.beans.property.StringProperty;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** A titled panel on a workspace page, such as "Units" or "Incoming calls"; style classes {@code sb-card*}. */
public class Card extends VBox {

    private final Label title = new Label();

    public Card(String titleText, Node body) {
        Objects.requireNonNull(body, "body");
        getStyleClass().add("sb-card");
        title.getStyleClass().add("sb-card-title");
        title.setText(titleText);
        VBox.setVgrow(body, Priority.ALWAYS);
        getChildren().addAll(title, body);
    }

    public StringProperty titleProperty() {
        return title.textProperty();
    }
}
