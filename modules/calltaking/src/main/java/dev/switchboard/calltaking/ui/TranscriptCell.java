package dev.switchboard.calltaking.ui;

import dev.switchboard.calltaking.model.CallLog;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

/**
 * One transcript line: who spoke and when, then the words with every entity found in them highlighted by type;
 * hovering an entity shows its normalised value and confidence.
 */
final class TranscriptCell extends ListCell<CallConsoleViewModel.Line> {

    @Override
    protected void updateItem(CallConsoleViewModel.Line line, boolean empty) {
        super.updateItem(line, empty);
        getStyleClass().removeAll("caller", "trainee");
        if (empty || line == null) {
            setText(null);
            setGraphic(null);
            return;
        }
        CallLog.Utterance u = line.utterance();
        boolean caller = "caller".equals(u.speaker());
        getStyleClass().add(caller ? "caller" : "trainee");
        Label who = new Label(dev.switchboard.calltaking.ui.Text.get(caller ? "call.speaker.caller"
                : "call.speaker.trainee"));
        who.getStyleClass().add("sb-speaker");
        Label when = new Label(CallConsoleView.clock(u.startMs()) + ("voice".equals(u.source()) ? "  🎙" : ""));
        when.getStyleClass().add("sb-muted");
        HBox head = new HBox(8, who, when);
        TextFlow words = highlighted(u.text(), line.entities());
        words.getStyleClass().add("sb-words");
        words.prefWidthProperty().bind(widthProperty().subtract(40));
        VBox box = new VBox(2, head, words);
        HBox.setHgrow(box, Priority.ALWAYS);
        setText(null);
        setGraphic(box);
    }

    /** The text with non-overlapping entity spans as highlighted pieces; later overlapping spans are dropped. */
    static TextFlow highlighted(String text, List<CallLog.Entity> entities) {
        List<CallLog.Entity> spans = new ArrayList<>(entities.stream()
                .filter(e -> e.start() >= 0 && e.end() <= text.length() && e.start() < e.end()).toList());
        spans.sort(Comparator.comparingInt(CallLog.Entity::start).thenComparingInt(e -> -e.end()));
        TextFlow flow = new TextFlow();
        int at = 0;
        for (CallLog.Entity e : spans) {
            if (e.start() < at) {
                continue;
            }
            if (e.start() > at) {
                flow.getChildren().add(plain(text.substring(at, e.start())));
            }
            Text piece = new Text(text.substring(e.start(), e.end()));
            piece.getStyleClass().addAll("sb-entity", "sb-entity-" + e.type().toLowerCase(Locale.ROOT));
            if (e.confidence() < 0.6) {
                piece.getStyleClass().add("sb-entity-unsure");
            }
            Tooltip.install(piece, new Tooltip(e.type() + ": " + e.value() + "  ("
                    + Math.round(e.confidence() * 100) + " %)"));
            flow.getChildren().add(piece);
            at = e.end();
        }
        if (at < text.length()) {
            flow.getChildren().add(plain(text.substring(at)));
        }
        return flow;
    }

    private static Text plain(String s) {
        Text t = new Text(s);
        t.getStyleClass().add("sb-plain");
        return t;
    }
}
