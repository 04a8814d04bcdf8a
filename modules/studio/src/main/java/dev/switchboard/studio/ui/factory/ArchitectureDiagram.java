package dev.switchboard.studio.ui.factory;

import dev.switchboard.studio.model.factory.Architecture;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/** The components in rows by layer (outermost on top) with arrows for their relationships, drawn on a canvas. */
final class ArchitectureDiagram extends Pane {

    private static final double BOX_W = 170;
    private static final double BOX_H = 46;
    private static final double ROW_H = 80;

    private final Canvas canvas = new Canvas();
    private Architecture architecture;

    ArchitectureDiagram() {
        getChildren().add(canvas);
        setMinHeight(200);
        widthProperty().addListener((o, a, b) -> draw());
        heightProperty().addListener((o, a, b) -> draw());
    }

    void show(Architecture a) {
        architecture = a;
        int rows = a == null ? 1 : a.components().stream().mapToInt(Architecture.Component::layer).max().orElse(0) + 1;
        setPrefHeight(rows * ROW_H + 30);
        draw();
    }

    private void draw() {
        canvas.setWidth(getWidth());
        canvas.setHeight(getHeight());
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, getWidth(), getHeight());
        if (architecture == null) {
            return;
        }
        Map<Integer, List<Architecture.Component>> byLayer = new TreeMap<>();
        architecture.components().forEach(c -> byLayer.computeIfAbsent(c.layer(), l -> new ArrayList<>()).add(c));
        Map<String, double[]> at = new HashMap<>();
        for (Map.Entry<Integer, List<Architecture.Component>> row : byLayer.entrySet()) {
            List<Architecture.Component> cs = row.getValue();
            double gap = Math.max(10, (getWidth() - cs.size() * BOX_W) / (cs.size() + 1));
            double y = 15 + row.getKey() * ROW_H;
            for (int i = 0; i < cs.size(); i++) {
                double x = gap + i * (BOX_W + gap);
                at.put(cs.get(i).name(), new double[] {x, y});
            }
        }
        g.setStroke(Color.web("#8a94a6"));
        g.setLineWidth(1.4);
        for (Architecture.Relation r : architecture.relations()) {
            double[] a = at.get(r.from());
            double[] b = at.get(r.to());
            if (a == null || b == null) {
                continue;
            }
            double x1 = a[0] + BOX_W / 2;
            double y1 = a[1] + BOX_H;
            double x2 = b[0] + BOX_W / 2;
            double y2 = b[1];
            if (b[1] <= a[1]) {
                y1 = a[1] + BOX_H / 2;
                y2 = b[1] + BOX_H / 2;
                x1 = a[0] + (b[0] > a[0] ? BOX_W : 0);
                x2 = b[0] + (b[0] > a[0] ? 0 : BOX_W);
            }
            g.strokeLine(x1, y1, x2, y2);
            double angle = Math.atan2(y2 - y1, x2 - x1);
            g.strokeLine(x2, y2, x2 - 9 * Math.cos(angle - 0.4), y2 - 9 * Math.sin(angle - 0.4));
            g.strokeLine(x2, y2, x2 - 9 * Math.cos(angle + 0.4), y2 - 9 * Math.sin(angle + 0.4));
            g.setFill(Color.web("#8a94a6"));
            g.setFont(Font.font(10));
            g.setTextAlign(TextAlignment.CENTER);
            g.fillText(r.kind(), (x1 + x2) / 2 + 4, (y1 + y2) / 2);
        }
        for (Architecture.Component c : architecture.components()) {
            double[] p = at.get(c.name());
            g.setFill(Color.web("#2b5797"));
            g.fillRoundRect(p[0], p[1], BOX_W, BOX_H, 10, 10);
            g.setFill(Color.WHITE);
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.CENTER);
            g.setFont(Font.font(null, javafx.scene.text.FontWeight.BOLD, 12));
            g.fillText(c.name(), p[0] + BOX_W / 2, p[1] + 16, BOX_W - 8);
            g.setFont(Font.font(10));
            g.fillText(c.kind(), p[0] + BOX_W / 2, p[1] + 33, BOX_W - 8);
        }
    }
}
