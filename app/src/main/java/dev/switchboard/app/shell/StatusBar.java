package dev.switchboard.app.shell;

import dev.switchboard.core.account.Account;
import dev.switchboard.core.time.SimClock;
import dev.switchboard.uikit.Activatable;
import java.text.MessageFormat;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.util.Duration;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2OutlinedAL;
import org.kordamp.ikonli.material2.Material2OutlinedMZ;

/**
 * The bottom line of the window: who is signed in, the simulated clock, where the data lives (this seat's
 * file, the training center's server, or offline on the seat's file), AI mode and speech models. Reads the
 * clock twice a second while active.
 */
final class StatusBar extends HBox implements Activatable {

    private final SimClock clock;
    private final Label simClock = new Label();
    private final Label database = new Label();
    private final Label ai = new Label();
    private final Label speech = new Label();
    private final Timeline refresh;
    private final DatabaseInUse inUse;

    StatusBar(Account user, SimClock clock, SystemStatus status, DatabaseInUse inUse) {
        this.clock = clock;
        this.inUse = inUse;
        getStyleClass().add("sb-status-bar");
        setAlignment(Pos.CENTER_LEFT);
        setSpacing(14);

        Label who = new Label(user.displayName() + " · " + user.role().label(),
                new FontIcon(Material2OutlinedAL.ACCOUNT_CIRCLE));
        who.setId("status-user");
        simClock.setGraphic(new FontIcon(Material2OutlinedMZ.SCHEDULE));
        simClock.setId("status-clock");
        simClock.setTooltip(new Tooltip(text("app.status.clockTip")));

        database.setId("status-database");
        database.setGraphic(new FontIcon(Material2OutlinedMZ.STORAGE));
        update(status);

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        getChildren().addAll(who, new Separator(javafx.geometry.Orientation.VERTICAL), simClock, spacer, database, ai,
                speech);
        refresh = new Timeline(new KeyFrame(Duration.millis(500), e -> tick()));
        refresh.setCycleCount(Timeline.INDEFINITE);
        tick();
    }

    /** Shows a fresh reading of the database, AI and speech state. */
    void update(SystemStatus status) {
        database.getStyleClass().removeAll("sb-ok", "sb-warn", "sb-error");
        if (inUse.offline()) {
            database.setText(text("app.status.offline"));
            database.getStyleClass().add("sb-warn");
            database.setTooltip(new Tooltip(MessageFormat.format(text("app.status.offlineTip"), status.location(),
                    inUse.wantedServer().orElse(""))));
        } else if (status.server()) {
            database.setText(MessageFormat.format(text("app.status.server"), DatabaseInUse.hostAndDatabase(
                    status.location())));
            database.getStyleClass().add("sb-ok");
            database.setTooltip(new Tooltip(MessageFormat.format(text("app.status.serverTip"), status.location(),
                    status.serverShortVersion())));
        } else {
            database.setText(text(status.databaseHealthy() ? "app.status.databaseOk" : "app.status.databaseProblem"));
            database.getStyleClass().add(status.databaseHealthy() ? "sb-ok" : "sb-error");
            database.setTooltip(new Tooltip(status.location()));
        }
        ai.setText(text(status.aiOnline() ? "app.status.aiOnline" : "app.status.aiOffline"));
        ai.setGraphic(new FontIcon(Material2OutlinedMZ.MEMORY));
        ai.setId("status-ai");
        speech.setText(status.speechReady() ? text("app.status.speechReady")
                : java.text.MessageFormat.format(text("app.status.speechState"), status.speechState()));
        speech.setGraphic(new FontIcon(Material2OutlinedMZ.RECORD_VOICE_OVER));
        speech.setId("status-speech");
    }

    @Override
    public void activate() {
        refresh.play();
    }

    @Override
    public void deactivate() {
        refresh.stop();
    }

    private void tick() {
        SimClock.Reading r = clock.read();
        simClock.setText(MessageFormat.format(text(r.paused() ? "app.status.clockPaused" : "app.status.clock"),
                r.sim().toString(), r.speed()));
    }

    private static String text(String key) {
        return Fxml.MESSAGES.getString(key);
    }
}
