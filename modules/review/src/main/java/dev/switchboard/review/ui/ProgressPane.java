package dev.switchboard.review.ui;

import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.TilePane;

/**
 * A trainee's progress: one small line chart per measure across their sessions, with the center's target as
 * a second, flat line.
 */
final class ProgressPane extends BorderPane {

    private final ProgressViewModel model;
    private final TilePane charts = new TilePane(12, 12);

    ProgressPane(ProgressViewModel model) {
        this.model = model;
        ComboBox<ProgressViewModel.Trainee> trainee = new ComboBox<>(model.trainees());
        trainee.setId("review-progress-trainee");
        trainee.valueProperty().bindBidirectional(model.traineeProperty());
        Label hint = new Label(Text.get("review.progress.hint", model.targets().score()));
        hint.setWrapText(true);
        hint.getStyleClass().add("sb-muted");
        Label label = new Label(Text.get("review.progress.trainee"));
        // The hint wraps onto more lines; the label and the choice keep their width (at 1280x800 they were "...").
        label.setMinWidth(Region.USE_PREF_SIZE);
        trainee.setMinWidth(220);
        hint.setMinWidth(0);
        HBox.setHgrow(hint, Priority.ALWAYS);
        HBox top = new HBox(10, label, trainee, hint);
        top.setAlignment(Pos.CENTER_LEFT);
        top.setPadding(new Insets(12));
        setTop(top);
        charts.setPrefColumns(3);
        charts.setPadding(new Insets(12));
        ScrollPane scroll = new ScrollPane(charts);
        scroll.setFitToWidth(true);
        setCenter(scroll);
        model.pointsProperty().addListener((obs, old, now) -> draw());
        draw();
    }

    private void draw() {
        charts.getChildren().clear();
        int n = model.pointsProperty().get().size();
        if (n == 0) {
            charts.getChildren().add(new Label(Text.get("review.progress.none")));
            return;
        }
        for (ProgressViewModel.Series s : model.series()) {
            NumberAxis x = new NumberAxis(1, Math.max(2, n), 1);
            x.setLabel(Text.get("review.progress.session"));
            NumberAxis y = new NumberAxis();
            LineChart<Number, Number> chart = new LineChart<>(x, y);
            chart.setTitle(s.label());
            chart.setAnimated(false);
            chart.setPrefSize(360, 220);
            XYChart.Series<Number, Number> values = new XYChart.Series<>();
            // The title names the measure; the legend only tells the trainee's line from the target's.
            values.setName(Text.get("review.progress.value"));
            List<Double> v = s.values();
            for (int i = 0; i < v.size(); i++) {
                if (v.get(i) != null) {
                    values.getData().add(new XYChart.Data<>(i + 1, v.get(i)));
                }
            }
            chart.getData().add(values);
            if (s.targets().stream().anyMatch(java.util.Objects::nonNull)) {
                // Each session's own target: a step where scenarios with other targets follow each other.
                XYChart.Series<Number, Number> target = new XYChart.Series<>();
                target.setName(Text.get("review.progress.target"));
                for (int i = 0; i < s.targets().size(); i++) {
                    if (s.targets().get(i) != null) {
                        target.getData().add(new XYChart.Data<>(i + 1, s.targets().get(i)));
                    }
                }
                chart.getData().add(target);
            } else {
                chart.setLegendVisible(false);
            }
            charts.getChildren().add(chart);
        }
    }
}
