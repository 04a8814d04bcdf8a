package dev.switchboard.calltaking.ui;

import com.gluonhq.maps.MapLayer;
import com.gluonhq.maps.MapView;
import javafx.geometry.Point2D;
import javafx.scene.layout.StackPane;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Rectangle;

/**
 * The CAD location on a small map of the city: the whole city until the location is verified, then the
 * verified point close up with a pin. The tiles are the same offline tiles the control room draws.
 */
final class LocationPreview extends StackPane {

    private double homeLat = 35.688;
    private double homeLon = 139.745;

    private final MapView map = new MapView();
    private final Pin pin = new Pin();

    LocationPreview() {
        getStyleClass().add("sb-location-preview");
        setPrefHeight(170);
        setMinHeight(170);
        map.setZoom(10.5);
        map.setCenter(homeLat, homeLon);
        map.addLayer(pin);
        // The map reacts to the mouse like the control room's, but a trainee only looks at it here.
        map.setMouseTransparent(true);
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(widthProperty());
        clip.heightProperty().bind(heightProperty());
        setClip(clip);
        getChildren().add(map);
    }

    /** Centres the map on a verified location and pins it. */
    void show(double lat, double lon) {
        pin.at(lat, lon);
        map.setZoom(14);
        map.setCenter(lat, lon);
    }

    /** Back to the whole city with no pin. */
    void clear() {
        pin.hide();
        map.setZoom(10.5);
        map.setCenter(homeLat, homeLon);
    }

    /** The middle of the city shown when nothing is pinned (Tokyo until the city pack says otherwise). */
    void home(double lat, double lon) {
        homeLat = lat;
        homeLon = lon;
        if (!pinned()) {
            map.setCenter(lat, lon);
        }
    }

    boolean pinned() {
        return pin.dot.isVisible();
    }

    /** The verified location as a dot with a ring. */
    private static final class Pin extends MapLayer {

        private final Circle dot = new Circle(6);
        private final Circle ring = new Circle(14);
        private double lat;
        private double lon;

        Pin() {
            dot.getStyleClass().add("sb-location-pin");
            ring.getStyleClass().add("sb-location-ring");
            dot.setVisible(false);
            ring.setVisible(false);
            getChildren().addAll(ring, dot);
        }

        void at(double newLat, double newLon) {
            lat = newLat;
            lon = newLon;
            dot.setVisible(true);
            ring.setVisible(true);
            markDirty();
        }

        void hide() {
            dot.setVisible(false);
            ring.setVisible(false);
        }

        @Override
        protected void layoutLayer() {
            if (!dot.isVisible()) {
                return;
            }
            Point2D p = getMapPoint(lat, lon);
            dot.setTranslateX(p.getX());
            dot.setTranslateY(p.getY());
            ring.setTranslateX(p.getX());
            ring.setTranslateY(p.getY());
        }
    }
}
