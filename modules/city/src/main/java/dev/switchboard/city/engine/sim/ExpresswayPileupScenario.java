package dev.switchboard.city.engine.sim;

import dev.switchboard.city.model.EventType;
import java.util.List;

/**
 * A multi-vehicle pile-up on the arterial through Minato: the first report understates it, later cameras show
 * more vehicles and casualties; it needs ambulances, police and traffic control.
 */
public final class ExpresswayPileupScenario implements Scenario {

    public static final String NAME = "expressway-pileup";
    static final double LAT = 35.6560;
    static final double LON = 139.7480;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String title() {
        return "Expressway pile-up in Minato: several vehicles, casualties, lanes blocked";
    }

    @Override
    public List<ScriptedEvent> script() {
        return List.of(
                ScriptedEvent.at(5, EventType.TRAFFIC_ACCIDENT, LAT, LON, 0.85, 0.9, "collision reported"),
                ScriptedEvent.at(15, EventType.CONGESTION, LAT + 0.002, LON - 0.001, 0.5, 0.9, "traffic backs up"),
                ScriptedEvent.at(30, EventType.TRAFFIC_ACCIDENT, LAT + 0.0004, LON - 0.0003, 1.0, 0.97,
                        "multi-vehicle pile-up confirmed"));
    }
}
