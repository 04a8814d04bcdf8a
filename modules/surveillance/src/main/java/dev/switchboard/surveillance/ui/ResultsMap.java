package dev.switchboard.surveillance.ui;

import dev.switchboard.core.geo.LatLon;
import dev.switchboard.surveillance.engine.PlaceResolver;
import java.util.List;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;

/** A small map of the results: the wards as labelled dots and each result as a numbered pin, on one canvas. */
final class ResultsMap extends Pane {

    private final Canvas canvas = new Canvas();
    private List<PlaceResolver.Ward> wards = List.of();
    private List<LatLon> pins = List.of();
    private double minLat;
    private double maxLat;
    private double minLon;
    private double maxLon;

    ResultsMap() {
        setId("surveillance-map");
        getChildren().add(canvas);
        canvas.widthProperty().bind(widthProperty());
        canvas.heightProperty().bind(heightProperty());
        widthProperty().addListener(o -> draw());
        heightProperty().addListener(o -> draw());
        setMinSize(200, 150);
    }

    void setWards(List<PlaceResolver.Ward> w) {
        wards = List.copyOf(w);
        minLat = w.stream().mapToDouble(x -> x.centre().lat()).min().orElse(35.6) - 0.03;
        maxLat = w.stream().mapToDouble(x -> x.centre().lat()).max().orElse(35.8) + 0.03;
        minLon = w.stream().mapToDouble(x -> x.centre().lon()).min().orElse(139.6) - 0.03;
        maxLon = w.stream().mapToDouble(x -> x.centre().lon()).max().orElse(139.9) + 0.03;
        draw();
    }

    void setPins(List<LatLon> p) {
        pins = List.copyOf(p);
        draw();
    }

    private void draw() {
        double w = getWidth();
        double h = getHeight();
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setFill(Color.web("#1e2630"));
        g.fillRect(0, 0, w, h);
        if (wards.isEmpty() || w < 10 || h < 10) {
            return;
        }
        Font font = Font.font(10);
        g.setFont(font);
        List<javafx.geometry.Rectangle2D> taken = new java.util.ArrayList<>();
        for (PlaceResolver.Ward ward : wards) {
            double[] p = project(ward.centre(), w, h);
            g.setFill(Color.web("#5a6b7d"));
            g.fillOval(p[0] - 3, p[1] - 3, 6, 6);
            taken.add(new javafx.geometry.Rectangle2D(p[0] - 3, p[1] - 3, 6, 6));
        }
        // Each ward's name goes right, left, above or below its dot, wherever it covers no other name or dot; a
        // name with no free place is left out (the dots of central Tokyo sit too close for all 23 at this size).
        g.setFill(Color.web("#8fa3b8"));
        for (PlaceResolver.Ward ward : wards) {
            double[] p = project(ward.centre(), w, h);
            javafx.scene.text.Text probe = new javafx.scene.text.Text(ward.name());
            probe.setFont(font);
            double tw = probe.getLayoutBounds().getWidth();
            double th = probe.getLayoutBounds().getHeight();
            double[][] spots = {{p[0] + 5, p[1] - th / 2}, {p[0] - 5 - tw, p[1] - th / 2},
                {p[0] - tw / 2, p[1] - 5 - th}, {p[0] - tw / 2, p[1] + 5}};
            for (double[] s : spots) {
                javafx.geometry.Rectangle2D box = new javafx.geometry.Rectangle2D(s[0], s[1], tw, th);
                boolean inside = s[0] >= 0 && s[1] >= 0 && s[0] + tw <= w && s[1] + th <= h;
                if (inside && taken.stream().noneMatch(r -> r.intersects(box) && !r.contains(p[0], p[1]))) {
                    taken.add(box);
                    g.fillText(ward.name(), s[0], s[1] + th * 0.8);
                    break;
                }
            }
        }
        for (int i = pins.size() - 1; i >= 0; i--) {
            double[] p = project(pins.get(i), w, h);
            g.setFill(i == 0 ? Color.web("#ff5050") : Color.web("#ffb347"));
            g.fillOval(p[0] - 6, p[1] - 6, 12, 12);
            g.setFill(Color.BLACK);
            g.fillText(Integer.toString(i + 1), p[0] - (i + 1 >= 10 ? 6 : 3), p[1] + 4);
        }
    }

    private double[] project(LatLon p, double w, double h) {
        double aspect = Math.cos(Math.toRadians((minLat + maxLat) / 2));
        double spanX = (maxLon - minLon) * aspect;
        double spanY = maxLat - minLat;
        double scale = Math.min((w - 20) / spanX, (h - 20) / spanY);
        // Centred in whichever direction has room to spare.
        double offsetX = (w - spanX * scale) / 2;
        double offsetY = (h - spanY * scale) / 2;
        double x = offsetX + (p.lon() - minLon) * aspect * scale;
        double y = h - offsetY - (p.lat() - minLat) * scale;
        return new double[] {x, y};
    }
}
