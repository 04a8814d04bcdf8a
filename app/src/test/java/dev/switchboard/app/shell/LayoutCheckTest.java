package dev.switchboard.app.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.testkit.HeadlessFx;
import dev.switchboard.uikit.Tables;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.scene.Scene;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The layout check finds a word broken inside a narrow table cell ("Control-ro / om exercise", seen on Home at
 * 1280x800), and a column kept as wide as its longest word ({@link Tables#fitWords}) passes it.
 */
@ExtendWith(HeadlessFx.class)
class LayoutCheckTest {

    private List<String> problems(boolean fitted) {
        return HeadlessFx.callOnFx(() -> {
            TableView<String> table = new TableView<>(FXCollections.observableArrayList("Control-room exercise"));
            TableColumn<String, String> kind = Tables.column("Kind", s -> s, 60);
            if (fitted) {
                Tables.fitWords(kind, "Control-room exercise");
            }
            table.getColumns().add(kind);
            Stage stage = new Stage();
            stage.setScene(new Scene(table, 400, 200));
            stage.show();
            try {
                return LayoutCheck.problems(stage.getScene());
            } finally {
                stage.close();
            }
        });
    }

    @Test
    void aWordWiderThanItsCellIsReportedAndAFittedColumnIsNot() {
        assertThat(problems(false)).anyMatch(p -> p.startsWith("word broken inside a table cell: \"Control-room\""));
        assertThat(problems(true)).noneMatch(p -> p.startsWith("word broken"));
    }
}
