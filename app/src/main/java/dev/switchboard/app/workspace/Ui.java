package dev.switchboard.app.workspace;

import dev.switchboard.app.ByteSize;
import java.text.MessageFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.ResourceBundle;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;

/** Small layout pieces shared by the shell's own workspaces, and their message lookup. */
final class Ui {

    static final ResourceBundle MESSAGES = ResourceBundle.getBundle("dev.switchboard.app.messages");
    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT)
            .withZone(ZoneId.systemDefault());
    static final DateTimeFormatter WHEN_SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT)
            .withZone(ZoneId.systemDefault());
    /** A start time as wide as any {@link #WHEN} text gets ("2026-12-28 23:59"), for sizing columns. */
    static final String WIDEST_WHEN = WHEN.format(java.time.Instant.parse("2026-12-28T23:59:00Z"));

    private Ui() {
    }

    static String text(String key, Object... args) {
        String pattern = MESSAGES.getString(key);
        return args.length == 0 ? pattern : MessageFormat.format(pattern, args);
    }

    /** A titled card, the unit every workspace page is built from. */
    static VBox card(String title, Ikon icon, Node... body) {
        Label heading = new Label(title, new FontIcon(icon));
        heading.getStyleClass().add("sb-card-title");
        VBox card = new VBox(10);
        card.getStyleClass().add("sb-card");
        card.getChildren().add(heading);
        card.getChildren().addAll(body);
        return card;
    }

    /** A page that scrolls, with the usual padding. */
    static ScrollPane page(Node content) {
        VBox box = new VBox(content);
        box.setPadding(new Insets(20, 24, 24, 24));
        ScrollPane scroll = new ScrollPane(box);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("sb-page");
        return scroll;
    }

    static Label muted(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("sb-muted");
        label.setWrapText(true);
        return label;
    }

    static String when(Instant instant) {
        return instant == null ? "—" : WHEN.format(instant);
    }

    static String size(long bytes) {
        return ByteSize.format(bytes);
    }
}
