package dev.switchboard.city.engine.sim;

import dev.switchboard.city.model.EventType;
import java.util.List;

/**
 * A strong earthquake under Tokyo Bay's north shore (F70), then fires and collapsed buildings across several
 * eastern wards: fire units and ambulances are stretched and the trainee must prioritise.
 */
public final class EarthquakeScenario implements Scenario {

    public static final String NAME = "earthquake";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String title() {
        return "Earthquake (F70): fires and collapsed buildings in Koto, Sumida, Chuo and Taito";
    }

    @Override
    public List<ScriptedEvent> script() {
        return List.of(
                ScriptedEvent.at(5, EventType.EARTHQUAKE, 35.6730, 139.8170, 1.0, 0.99,
                        "main shock; building collapsed in Koto"),
                ScriptedEvent.at(45, EventType.FIRE, 35.7101, 139.8107, 0.7, 0.95, "fire in Sumida"),
                ScriptedEvent.at(75, EventType.SMOKE, 35.7104, 139.8112, 0.6, 0.8, "smoke over Sumida"),
                ScriptedEvent.at(90, EventType.FIRE, 35.6707, 139.7720, 0.5, 0.92, "fire in Chuo"),
                ScriptedEvent.at(150, EventType.EARTHQUAKE, 35.7126, 139.7800, 0.85, 0.95,
                        "aftershock; building collapsed in Taito"));
    }
}
