package dev.switchboard.city.engine;

import javafx.beans.property.SimpleStringProperty;

/** Architecture fixture: breaks NO_JAVAFX_OUTSIDE_UI. */
public class JavaFxInEngine {
    final SimpleStringProperty name = new SimpleStringProperty();
}
