package dev.switchboard.city.ui;

import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;

/** A tiny line chart of the last values of one figure, for the metrics dashboard. */
final class Sparkline extends Canvas {

    private final double[] values;
    private int count;
    private int next;

    Sparkline(int capacity, double width, double height) {
        super(width, height);
        this.values = new double[capacity];
    }

    void add(double value) {
        values[next] = value;
        next = (next + 1) % values.length;
        count = Math.min(count + 1, values.length);
        draw();
    }

    private void draw() {
        GraphicsContext g = getGraphicsContext2D();
        g.clearRect(0, 0, getWidth(), getHeight());
        if (count < 2) {
            return;
        }
        double max = 0;
        for (int i = 0; i < count; i++) {
            max = Math.max(max, values[i]);
        }
        max = max == 0 ? 1 : max;
        g.setStroke(Color.rgb(90, 170, 255));
        g.setLineWidth(1.5);
        g.beginPath();
        for (int i = 0; i < count; i++) {
            double v = values[(next - count + i + values.length) % values.length];
            double x = i * (getWidth() - 2) / (values.length - 1) + 1;
            double y = getHeight() - 2 - v / max * (getHeight() - 4);
            if (i == 0) {
                g.moveTo(x, y);
            } else {
                g.lineTo(x, y);
            }
        }
        g.stroke();
    }
}
