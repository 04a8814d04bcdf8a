package dev.switchboard.studio.ui.predict;

import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;

/** A chart drawn on one canvas that follows the region's size; subclasses draw, this redraws on resize. */
public abstract class ChartPane extends Region {

    static final Color GRID = Color.web("#8888881f");
    static final Color AXIS_TEXT = Color.web("#808080");
    static final Font SMALL = Font.font(10.5);

    private final Canvas canvas = new Canvas();

    protected ChartPane() {
        getChildren().add(canvas);
        setMinHeight(90);
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth();
        double h = getHeight();
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(w);
            canvas.setHeight(h);
        }
        redraw();
    }

    /** Draws again with the current data. */
    public final void redraw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        g.clearRect(0, 0, w, h);
        if (w > 40 && h > 30) {
            g.setFont(SMALL);
            draw(g, w, h);
        }
    }

    protected abstract void draw(GraphicsContext g, double width, double height);

    /** Maps values in [lo, hi] to y in [top, bottom]. */
    static double y(double v, double lo, double hi, double top, double bottom) {
        return hi == lo ? (top + bottom) / 2 : bottom - (v - lo) / (hi - lo) * (bottom - top);
    }

    /** Horizontal grid lines with their values on the right. */
    static void grid(GraphicsContext g, double lo, double hi, double left, double right, double top, double bottom,
                     String format) {
        g.setLineWidth(1);
        for (int k = 0; k <= 4; k++) {
            double v = lo + (hi - lo) * k / 4;
            double yy = Math.round(y(v, lo, hi, top, bottom)) + 0.5;
            g.setStroke(GRID);
            g.strokeLine(left, yy, right, yy);
            g.setFill(AXIS_TEXT);
            g.fillText(String.format(java.util.Locale.ROOT, format, v), right + 4, yy + 4);
        }
    }
}
