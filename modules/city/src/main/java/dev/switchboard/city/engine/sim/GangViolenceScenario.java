package dev.switchboard.city.engine.sim;

import dev.switchboard.city.model.EventType;
import java.util.List;

/**
 * The design's crisis flow at Shibuya crossing: a suspicious gathering is watched, violence brings two patrols,
 * a confirmed weapon escalates the incident and brings SWAT and an ambulance, and SWAT resolves it.
 */
public final class GangViolenceScenario implements Scenario {

    public static final String NAME = "gang-violence";
    static final double LAT = 35.6595;
    static final double LON = 139.7005;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String title() {
        return "Gang violence at Shibuya crossing: gathering → violence → weapon confirmed";
    }

    @Override
    public List<ScriptedEvent> script() {
        return List.of(
                ScriptedEvent.at(10, EventType.GATHERING, LAT, LON, 0.55, 0.7, "suspicious gathering: monitor"),
                ScriptedEvent.at(40, EventType.GATHERING, LAT + 0.0003, LON - 0.0002, 0.6, 0.75,
                        "the group grows"),
                ScriptedEvent.at(70, EventType.VIOLENCE, LAT + 0.0002, LON, 0.85, 0.9, "violence detected"),
                ScriptedEvent.at(100, EventType.VIOLENCE, LAT + 0.0001, LON + 0.0001, 0.88, 0.92,
                        "violence continues"),
                ScriptedEvent.at(140, EventType.WEAPON, LAT, LON + 0.0001, 1.0, 0.98, "weapon confirmed"));
    }
}
