package dev.switchboard.city.ui;

import com.gluonhq.maps.MapLayer;
import com.gluonhq.maps.MapView;
import dev.switchboard.core.event.EventBus;
import dev.switchboard.core.event.Subscription;
import dev.switchboard.core.map.MapPinsRequested;
import java.util.List;
import javafx.application.Platform;
import javafx.geometry.Point2D;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;

/**
 * Pins another capability asked to show on the control-room map ({@link MapPinsRequested}, e.g. the results of a
 * surveillance question): numbered markers on their own Canvas layer over the city, a banner saying what they are
 * with a button to clear them, and the map centred on them when they arrive. Hears the bus while the control room
 * is hidden, so the pins are there when the user switches to it.
 */
final class RequestedPins extends MapLayer implements AutoCloseable {

    /** Pins labelled with their text beside them; beyond this only their numbers are drawn. */
    private static final int LABELLED = 12;

    private final Canvas canvas = new Canvas();
    private final Label title = new Label();
    private final HBox banner;
    private final Subscription subscription;
    private MapView map;
    private List<MapPinsRequested.Pin> pins = List.of();

    RequestedPins(EventBus bus) {
        getChildren().add(canvas);
        canvas.setMouseTransparent(true);
        title.setId("city-pins-title");
        title.setWrapText(true);
        title.setMaxWidth(420);
        Button clear = new Button(Text.get("city.pins.clear"));
        clear.setId("city-pins-clear");
        clear.getStyleClass().add("small");
        clear.setOnAction(e -> show(List.of(), ""));
        banner = new HBox(8, title, clear);
        banner.setAlignment(Pos.CENTER_LEFT);
        banner.getStyleClass().add("sb-map-details");
        banner.setMaxSize(HBox.USE_PREF_SIZE, HBox.USE_PREF_SIZE);
        banner.setVisible(false);
        banner.setManaged(false);
        subscription = bus.subscribe(MapPinsRequested.class, r -> Platform.runLater(() -> show(r.pins(),
                Text.get("city.pins.title", r.source(), r.title(), r.pins().size()))));
    }

    /** Puts the layer on {@code view} (centred on the pins as they arrive); call once. */
    void attachTo(MapView view) {
        this.map = view;
        view.addLayer(this);
    }

    /** The banner with what the pins are and the button that clears them, for the map's corner. */
    Node banner() {
        return banner;
    }

    /** The pins shown now (for tests and the map's click handler). */
    List<MapPinsRequested.Pin> pins() {
        return pins;
    }

    private void show(List<MapPinsRequested.Pin> shown, String text) {
        pins = List.copyOf(shown);
        title.setText(text);
        banner.setVisible(!pins.isEmpty());
        banner.setManaged(!pins.isEmpty());
        if (!pins.isEmpty() && map != null) {
            double lat = 0;
            double lon = 0;
            for (MapPinsRequested.Pin p : pins) {
                lat += p.position().lat();
                lon += p.position().lon();
            }
            map.setCenter(lat / pins.size(), lon / pins.size());
        }
        markDirty();
    }

    @Override
    protected void layoutLayer() {
        double w = getParent() == null ? 0 : getParent().getLayoutBounds().getWidth();
        double h = getParent() == null ? 0 : getParent().getLayoutBounds().getHeight();
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(w);
            canvas.setHeight(h);
        }
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, w, h);
        g.setFont(Font.font(11));
        // Drawn last to first, so pin 1 is on top where pins overlap.
        for (int i = pins.size() - 1; i >= 0; i--) {
            MapPinsRequested.Pin pin = pins.get(i);
            Point2D p = getMapPoint(pin.position().lat(), pin.position().lon());
            if (p == null) {
                continue;
            }
            double x = p.getX();
            double y = p.getY();
            g.setFill(Color.rgb(80, 170, 255));
            g.fillPolygon(new double[] {x, x - 6, x + 6}, new double[] {y, y - 13, y - 13}, 3);
            g.fillOval(x - 9, y - 27, 18, 18);
            g.setStroke(Color.rgb(10, 14, 22));
            g.setLineWidth(1);
            g.strokeOval(x - 9, y - 27, 18, 18);
            g.setFill(Color.rgb(10, 14, 22));
            String n = Integer.toString(i + 1);
            g.fillText(n, x - 3.2 * n.length(), y - 14);
            if (i < LABELLED && !pin.label().isEmpty()) {
                g.setFill(Color.rgb(10, 14, 22, 0.7));
                g.fillRoundRect(x + 11, y - 29, 7 * Math.min(40, pin.label().length()) + 6, 16, 4, 4);
                g.setFill(Color.WHITE);
                g.fillText(pin.label().length() > 40 ? pin.label().substring(0, 39) + "…" : pin.label(), x + 14,
                        y - 17);
            }
        }
    }

    @Override
    public void close() {
        subscription.close();
    }
}
