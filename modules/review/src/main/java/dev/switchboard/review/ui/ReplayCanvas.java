package dev.switchboard.review.ui;

import dev.switchboard.core.geo.LatLon;
import dev.switchboard.core.geo.WebMercator;
import dev.switchboard.review.engine.MapReplay;
import dev.switchboard.review.model.IncidentMark;
import java.util.List;
import java.util.Locale;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * The map replay on one Canvas: incidents and units at the current moment, projected with Web Mercator and
 * fitted to everything the session logged, over a 500 m grid. Drawn without map tiles, so it shows the same
 * on every machine, with or without the city pack.
 */
final class ReplayCanvas extends Pane {

    private final Canvas canvas = new Canvas();
    private final MapReplay.Extent extent;
    private List<MapReplay.UnitPosition> units = List.of();
    private List<IncidentMark> incidents = List.of();

    ReplayCanvas(MapReplay replay) {
        this.extent = replay.extent();
        getChildren().add(canvas);
        setMinSize(200, 160);
        getStyleClass().add("sb-review-replay");
    }

    void show(List<MapReplay.UnitPosition> nowUnits, List<IncidentMark> nowIncidents) {
        units = nowUnits;
        incidents = nowIncidents;
        draw();
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(getWidth());
        canvas.setHeight(getHeight());
        draw();
    }

    private void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        g.setFill(Color.web("#20262d"));
        g.fillRect(0, 0, w, h);
        if (extent.isEmpty() || w < 10 || h < 10) {
            g.setFill(Color.GRAY);
            g.fillText(Text.get("review.replay.empty"), 10, 20);
            return;
        }
        // Fit the extent plus a margin in world pixels at zoom 0 (256 px), then scale to the canvas.
        WebMercator.Pixel nw = WebMercator.toPixel(new LatLon(extent.maxLat(), extent.minLon()), 0);
        WebMercator.Pixel se = WebMercator.toPixel(new LatLon(extent.minLat(), extent.maxLon()), 0);
        double x0 = nw.x();
        double x1 = se.x();
        double y0 = nw.y();
        double y1 = se.y();
        double span = Math.max(Math.max(x1 - x0, y1 - y0), 1e-5) * 1.3;
        double cx = (x0 + x1) / 2;
        double cy = (y0 + y1) / 2;
        double scale = Math.min(w, h) / span;
        g.setStroke(Color.web("#2f3842"));
        double metersPerWorldPixel = WebMercator.metersPerPixel((extent.minLat() + extent.maxLat()) / 2, 0);
        double grid = 500 / metersPerWorldPixel * scale;
        if (grid > 6) {
            for (double x = (w / 2) % grid; x < w; x += grid) {
                g.strokeLine(x, 0, x, h);
            }
            for (double y = (h / 2) % grid; y < h; y += grid) {
                g.strokeLine(0, y, w, y);
            }
        }
        g.setFont(Font.font(11));
        for (IncidentMark i : incidents) {
            WebMercator.Pixel p = WebMercator.toPixel(new LatLon(i.lat(), i.lon()), 0);
            double x = w / 2 + (p.x() - cx) * scale;
            double y = h / 2 + (p.y() - cy) * scale;
            g.setFill(Color.web("#e05252"));
            g.fillPolygon(new double[] {x, x + 8, x, x - 8}, new double[] {y - 8, y, y + 8, y}, 4);
            label(g, i.label(), x, y - 8, w, 10);
        }
        for (MapReplay.UnitPosition u : units) {
            WebMercator.Pixel p = WebMercator.toPixel(new LatLon(u.lat(), u.lon()), 0);
            double x = w / 2 + (p.x() - cx) * scale;
            double y = h / 2 + (p.y() - cy) * scale;
            g.setFill(colour(u.unitType()));
            g.fillOval(x - 6, y - 6, 12, 12);
            g.setFill(Color.WHITE);
            label(g, u.unitId() + " " + u.state().toLowerCase(Locale.ROOT).replace('_', ' '), x, y + 4, w, 8);
        }
    }

    /** A label beside a mark: to its right, or to its left in the right part of the map so it is not cut off. */
    private static void label(GraphicsContext g, String text, double x, double y, double width, double gap) {
        boolean left = x > width * 0.6;
        g.setTextAlign(left ? TextAlignment.RIGHT : TextAlignment.LEFT);
        g.fillText(text, left ? x - gap : x + gap, y);
        g.setTextAlign(TextAlignment.LEFT);
    }

    private static Color colour(String type) {
        return switch (type == null ? "" : type.toUpperCase(Locale.ROOT)) {
            case "FIRE" -> Color.web("#f07c3e");
            case "AMBULANCE" -> Color.web("#f2f2f2");
            case "POLICE", "SWAT" -> Color.web("#4f8fe0");
            case "TRAFFIC" -> Color.web("#e0c84f");
            default -> Color.web("#9fd39f");
        };
    }
}
