package dev.switchboard.surveillance.ui;

import dev.switchboard.surveillance.engine.ClipService;
import dev.switchboard.surveillance.model.CityTime;
import dev.switchboard.surveillance.model.IncidentRef;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BiConsumer;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.Duration;
import javafx.util.StringConverter;

/**
 * Plays a clip in the window: frames rendered by the engine shown in an image view, opening at the event's moment,
 * with play and pause, frame stepping, a position slider, export to an animated GIF and "attach to incident".
 */
final class ClipPane extends VBox {

    private final ImageView view = new ImageView();
    private final Slider position = new Slider(0, 1, 0);
    private final Label caption = new Label(Text.get("surveillance.clip.none"));
    private final Label frameLabel = new Label();
    private final Button play = new Button(Text.get("surveillance.clip.play"));
    private final ComboBox<IncidentRef> incident = new ComboBox<>();
    private final Timeline timeline = new Timeline();
    private Image[] frames = new Image[0];
    private ClipService.Clip clip;

    ClipPane(List<IncidentRef> incidents, BiConsumer<Long, IncidentRef> attach) {
        setId("surveillance-clip");
        setSpacing(6);
        setPadding(new Insets(6));
        view.setPreserveRatio(true);
        view.setFitWidth(480);
        view.setId("surveillance-clip-image");
        position.setId("surveillance-clip-position");
        position.valueProperty().addListener((obs, old, now) -> showFrame(now.intValue()));
        Button back = new Button("◀");
        back.setId("surveillance-clip-back");
        back.setOnAction(e -> step(-1));
        Button forward = new Button("▶");
        forward.setId("surveillance-clip-forward");
        forward.setOnAction(e -> step(1));
        play.setId("surveillance-clip-play");
        play.setOnAction(e -> togglePlay());
        Button export = new Button(Text.get("surveillance.clip.export"));
        export.setId("surveillance-clip-export");
        export.setOnAction(e -> export());
        incident.getItems().setAll(incidents);
        incident.setPromptText(Text.get("surveillance.clip.incident"));
        incident.setConverter(new StringConverter<>() {
            @Override
            public String toString(IncidentRef i) {
                return i == null ? "" : i.title() + " · " + CityTime.shortText(i.at());
            }

            @Override
            public IncidentRef fromString(String s) {
                return null;
            }
        });
        Button attachButton = new Button(Text.get("surveillance.clip.attach"));
        attachButton.setId("surveillance-clip-attach");
        attachButton.setOnAction(e -> {
            if (clip != null && incident.getValue() != null) {
                attach.accept(clip.event().id(), incident.getValue());
            }
        });
        HBox controls = new HBox(6, back, play, forward, position, frameLabel);
        controls.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(position, javafx.scene.layout.Priority.ALWAYS);
        HBox actions = new HBox(6, export, incident, attachButton);
        actions.setAlignment(Pos.CENTER_LEFT);
        caption.setWrapText(true);
        caption.setId("surveillance-clip-caption");
        frameLabel.setId("surveillance-clip-frame");
        getChildren().addAll(view, controls, caption, actions);
    }

    void setIncidents(List<IncidentRef> incidents) {
        incident.getItems().setAll(incidents);
    }

    /** Shows a clip, paused at the event's moment. */
    void show(ClipService.Clip c) {
        stop();
        clip = c;
        frames = new Image[c.frames().size()];
        for (int i = 0; i < frames.length; i++) {
            frames[i] = SwingFXUtils.toFXImage(c.frames().get(i), null);
        }
        position.setMax(frames.length - 1);
        position.setMajorTickUnit(c.fps());
        caption.setText(c.event().ref() + " · " + c.event().cameraName() + " · " + CityTime.shortText(c.event().at())
                + " · " + c.event().description());
        timeline.getKeyFrames().setAll(new KeyFrame(Duration.millis(1000.0 / c.fps()), e -> {
            int next = (int) position.getValue() + 1;
            position.setValue(next >= frames.length ? 0 : next);
        }));
        timeline.setCycleCount(Timeline.INDEFINITE);
        position.setValue(c.eventFrame());
        showFrame(c.eventFrame());
    }

    /** The frame now on screen. */
    int frame() {
        return (int) position.getValue();
    }

    private void showFrame(int i) {
        if (i >= 0 && i < frames.length) {
            view.setImage(frames[i]);
            frameLabel.setText(Text.get("surveillance.clip.frame", i + 1, frames.length));
        }
    }

    private void step(int by) {
        stop();
        position.setValue(Math.max(0, Math.min(frames.length - 1, (int) position.getValue() + by)));
    }

    private void togglePlay() {
        if (frames.length == 0) {
            return;
        }
        if (timeline.getStatus() == javafx.animation.Animation.Status.RUNNING) {
            stop();
        } else {
            timeline.play();
            play.setText(Text.get("surveillance.clip.pause"));
        }
    }

    void stop() {
        timeline.stop();
        play.setText(Text.get("surveillance.clip.play"));
    }

    private void export() {
        if (clip == null) {
            return;
        }
        FileChooser chooser = new FileChooser();
        chooser.setInitialFileName(clip.event().ref() + ".gif");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("GIF", "*.gif"));
        java.io.File file = chooser.showSaveDialog(getScene().getWindow());
        if (file == null) {
            return;
        }
        try {
            Path out = file.toPath();
            ClipService.writeGif(clip, out);
            caption.setText(Text.get("surveillance.clip.exported", out, Files.size(out)));
        } catch (IOException e) {
            caption.setText(Text.get("surveillance.clip.exportFailed", e.getMessage()));
        }
    }
}
