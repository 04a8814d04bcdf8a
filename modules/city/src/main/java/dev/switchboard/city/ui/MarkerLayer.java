package dev.switchboard.city.ui;

import com.gluonhq.maps.MapLayer;
import dev.switchboard.city.model.CriticalEvent;
import dev.switchboard.city.model.IncidentView;
import dev.switchboard.city.model.UnitState;
import dev.switchboard.city.model.UnitView;
import java.util.List;
import javafx.geometry.Point2D;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;

/**
 * Everything drawn over the tiles, on one Canvas: the heat of sensor events (thousands of points),
 * critical events, incident pins and units coloured by state with their heading. One redraw per
 * snapshot or map move; no scene-graph node per marker.
 */
final class MarkerLayer extends MapLayer {

    private final Canvas canvas = new Canvas();
    private float[] heat = new float[0];
    private List<CriticalEvent> critical = List.of();
    private List<IncidentView> incidents = List.of();
    private List<UnitView> units = List.of();
    private String selectedUnit;
    private String selectedIncident;
    private long lastDrawNanos;

    MarkerLayer() {
        getChildren().add(canvas);
        canvas.setMouseTransparent(true);
    }

    /** Shows a new tick's contents; the FX thread calls this once per frame at most. */
    void show(float[] heatPoints, List<CriticalEvent> events, List<IncidentView> open, List<UnitView> fleet,
              String selected, String highlightedIncident) {
        this.heat = heatPoints;
        this.critical = events;
        this.incidents = open;
        this.units = fleet;
        this.selectedUnit = selected;
        this.selectedIncident = highlightedIncident;
        markDirty();
    }

    /** How long the last redraw took, for the dashboard's frame figures. */
    long lastDrawNanos() {
        return lastDrawNanos;
    }

    /** The unit or incident drawn nearest to screen point (x, y) within 12 px, or null. */
    Object hit(double x, double y) {
        Object best = null;
        double bestDistance = 12 * 12;
        for (UnitView u : units) {
            Point2D p = getMapPoint(u.position().lat(), u.position().lon());
            double d = p == null ? Double.MAX_VALUE : (p.getX() - x) * (p.getX() - x) + (p.getY() - y) * (p.getY() - y);
            if (d < bestDistance) {
                bestDistance = d;
                best = u;
            }
        }
        for (IncidentView i : incidents) {
            Point2D p = getMapPoint(i.position().lat(), i.position().lon());
            double d = p == null ? Double.MAX_VALUE
                    : (p.getX() - x) * (p.getX() - x) + (p.getY() - 18 - y) * (p.getY() - 18 - y);
            if (d < bestDistance) {
                bestDistance = d;
                best = i;
            }
        }
        return best;
    }

    @Override
    protected void layoutLayer() {
        long start = System.nanoTime();
        double w = getParent() == null ? 0 : getParent().getLayoutBounds().getWidth();
        double h = getParent() == null ? 0 : getParent().getLayoutBounds().getHeight();
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(w);
            canvas.setHeight(h);
        }
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, w, h);
        drawHeat(g, w, h);
        drawCritical(g);
        drawIncidents(g, w);
        drawUnits(g);
        lastDrawNanos = System.nanoTime() - start;
    }

    private void drawHeat(GraphicsContext g, double w, double h) {
        g.setFill(Color.rgb(255, 170, 60, 0.22));
        for (int i = 0; i + 1 < heat.length; i += 2) {
            Point2D p = getMapPoint(heat[i], heat[i + 1]);
            if (p != null && p.getX() >= 0 && p.getY() >= 0 && p.getX() <= w && p.getY() <= h) {
                g.fillRect(p.getX() - 1, p.getY() - 1, 3, 3);
            }
        }
    }

    private void drawCritical(GraphicsContext g) {
        for (CriticalEvent e : critical) {
            Point2D p = getMapPoint(e.position().lat(), e.position().lon());
            if (p == null) {
                continue;
            }
            double r = 2.5 + 3.5 * e.score();
            g.setFill(Color.rgb(255, 70, 70, 0.30));
            g.fillOval(p.getX() - r, p.getY() - r, 2 * r, 2 * r);
            g.setStroke(Color.rgb(255, 90, 90, 0.75));
            g.strokeOval(p.getX() - r, p.getY() - r, 2 * r, 2 * r);
        }
    }

    private void drawIncidents(GraphicsContext g, double width) {
        Font font = Font.font(11);
        g.setFont(font);
        javafx.scene.text.Text measure = new javafx.scene.text.Text();
        measure.setFont(font);
        for (IncidentView i : incidents) {
            Point2D p = getMapPoint(i.position().lat(), i.position().lon());
            if (p == null) {
                continue;
            }
            Color c = switch (i.state()) {
                case NEW -> Color.rgb(255, 80, 80);
                case DISPATCHED -> Color.rgb(255, 170, 40);
                case ON_SCENE -> Color.rgb(255, 220, 60);
                case RESOLVED, CLOSED -> Color.rgb(120, 200, 120);
            };
            double x = p.getX();
            double y = p.getY();
            if (i.id().equals(selectedIncident)) {
                // The incident the call console asked to see: a ring that stands out from every other pin.
                g.setStroke(Color.WHITE);
                g.setLineWidth(3);
                g.strokeOval(x - 20, y - 38, 40, 40);
                g.setStroke(Color.rgb(80, 170, 255));
                g.setLineWidth(2);
                g.strokeOval(x - 25, y - 43, 50, 50);
            }
            g.setFill(c);
            g.fillPolygon(new double[] {x, x - 7, x + 7}, new double[] {y, y - 16, y - 16}, 3);
            g.fillOval(x - 8, y - 26, 16, 16);
            g.setFill(Color.rgb(20, 20, 28));
            g.fillText("!", x - 2, y - 14);
            g.setFill(Color.WHITE);
            measure.setText(i.title());
            double textWidth = measure.getLayoutBounds().getWidth();
            // Near the right edge the label goes to the left of the pin, so it is not cut off.
            double labelX = x + 10 + textWidth > width ? x - 10 - textWidth : x + 10;
            g.fillText(i.title(), labelX, y - 16);
        }
    }

    private void drawUnits(GraphicsContext g) {
        for (UnitView u : units) {
            Point2D p = getMapPoint(u.position().lat(), u.position().lon());
            if (p == null) {
                continue;
            }
            Color c = colour(u.state());
            double x = p.getX();
            double y = p.getY();
            double a = Math.toRadians(u.headingDegrees());
            if (u.state() == UnitState.EN_ROUTE || u.state() == UnitState.RETURNING) {
                double tipX = x + Math.sin(a) * 11;
                double tipY = y - Math.cos(a) * 11;
                g.setStroke(c);
                g.setLineWidth(2);
                g.strokeLine(x, y, tipX, tipY);
            }
            boolean selected = u.id().equals(selectedUnit);
            g.setFill(c);
            g.fillRoundRect(x - 6, y - 6, 12, 12, 4, 4);
            g.setStroke(selected ? Color.WHITE : Color.rgb(10, 10, 16));
            g.setLineWidth(selected ? 2.5 : 1);
            g.strokeRoundRect(x - 6, y - 6, 12, 12, 4, 4);
            g.setFill(Color.rgb(10, 10, 16));
            g.setFont(Font.font(9));
            g.fillText(u.type().name().substring(0, 1), x - 3, y + 3);
        }
    }

    /** The colour of each unit state, shared with the legend and the unit table. */
    static Color colour(UnitState state) {
        return switch (state) {
            case IDLE -> Color.rgb(110, 200, 255);
            case DISPATCHED -> Color.rgb(255, 200, 60);
            case EN_ROUTE -> Color.rgb(255, 140, 40);
            case ON_SCENE -> Color.rgb(255, 80, 80);
            case RETURNING -> Color.rgb(150, 220, 150);
        };
    }
}
