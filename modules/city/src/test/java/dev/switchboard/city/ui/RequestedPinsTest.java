package dev.switchboard.city.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.gluonhq.maps.MapView;
import dev.switchboard.core.event.EventBus;
import dev.switchboard.core.geo.LatLon;
import dev.switchboard.core.map.MapPinsRequested;
import dev.switchboard.testkit.HeadlessFx;
import java.util.List;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Pins another capability asks for arrive over the bus, centre the map, say what they are and clear. */
@ExtendWith(HeadlessFx.class)
class RequestedPinsTest {

    @Test
    void pinsFromTheBusAreShownWithTheirTitleAndCleared() {
        try (EventBus bus = new EventBus()) {
            RequestedPins pins = HeadlessFx.callOnFx(() -> new RequestedPins(bus));
            MapView map = HeadlessFx.callOnFx(MapView::new);
            HeadlessFx.runOnFx(() -> pins.attachTo(map));
            assertThat(pins.banner().isVisible()).isFalse();

            bus.publish(new MapPinsRequested("Surveillance", "\"red car\" · ward taito", List.of(
                    new MapPinsRequested.Pin("E-1", "Taito 0001 · 10:00", new LatLon(35.71, 139.79)),
                    new MapPinsRequested.Pin("E-2", "Taito 0002 · 10:05", new LatLon(35.73, 139.81)))));
            HeadlessFx.waitForFx();
            assertThat(pins.pins()).extracting(MapPinsRequested.Pin::reference).containsExactly("E-1", "E-2");
            assertThat(pins.banner().isVisible()).isTrue();
            HBox banner = (HBox) pins.banner();
            assertThat(((Label) banner.getChildren().get(0)).getText())
                    .isEqualTo("Surveillance: \"red car\" · ward taito (2 on the map)");
            assertThat(map.getCenter().getLatitude()).isCloseTo(35.72, org.assertj.core.data.Offset.offset(1e-9));

            HeadlessFx.runOnFx(() -> ((Button) banner.getChildren().get(1)).fire());
            HeadlessFx.waitForFx();
            assertThat(pins.pins()).isEmpty();
            assertThat(pins.banner().isVisible()).isFalse();
            pins.close();
        }
    }
}
