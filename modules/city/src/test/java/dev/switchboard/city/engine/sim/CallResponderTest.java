package dev.switchboard.city.engine.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.city.model.UnitType;
import dev.switchboard.core.event.EventBus;
import dev.switchboard.core.geo.LatLon;
import dev.switchboard.core.id.SessionId;
import dev.switchboard.core.incident.IncidentCreated;
import dev.switchboard.core.incident.ResponderType;
import dev.switchboard.core.incident.ResponseUpdated;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class CallResponderTest {

    @Test
    void aHeadlessCityAnswersADispatchedCallOnlyAsFarAsItIsAdvanced() {
        try (EventBus bus = new EventBus(); CallResponder city = CallResponder.start(bus, 3)) {
            List<ResponseUpdated> heard = new CopyOnWriteArrayList<>();
            bus.subscribe(ResponseUpdated.class, heard::add);
            LatLon scene = new LatLon(35.7185, 139.8267);
            bus.publish(new IncidentCreated(new SessionId("call-x"), "CALL-X", "MED-FALL", "Fall", 3, scene,
                    "sumida", "2-3-8 Kyojima", List.of(ResponderType.AMBULANCE), Instant.now()));
            assertThat(heard).as("nothing moves until the call's time moves").isEmpty();

            city.advanceTo(2_000);
            assertThat(heard).extracting(ResponseUpdated::state).contains("DISPATCHED");
            city.advanceTo(120_000);
            assertThat(city.elapsedMs()).isEqualTo(120_000);
            List<ResponseUpdated> moving = heard.stream().filter(u -> u.state().equals("EN_ROUTE")).toList();
            assertThat(moving).hasSizeGreaterThan(3);
            assertThat(moving).allSatisfy(u -> assertThat(u.reference()).isEqualTo("CALL-X"));
            // Getting closer by road while en route (a road may first lead away in a straight line).
            var roads = dev.switchboard.places.CityPacks.tokyo().roads();
            double first = roads.travelSeconds(moving.get(0).position(), scene, UnitType.AMBULANCE);
            double last = roads.travelSeconds(moving.get(moving.size() - 1).position(), scene, UnitType.AMBULANCE);
            assertThat(last).isLessThan(first);
        }
    }
}
