package dev.switchboard.calltaking.engine.session;

import dev.switchboard.calltaking.engine.caller.Intent;
import dev.switchboard.calltaking.engine.scenario.EmotionProfile;
import dev.switchboard.calltaking.engine.scenario.ExpectedAction;
import dev.switchboard.calltaking.engine.scenario.Fact;
import dev.switchboard.calltaking.engine.scenario.LocationTruth;
import dev.switchboard.calltaking.engine.scenario.Nature;
import dev.switchboard.calltaking.engine.scenario.Persona;
import dev.switchboard.calltaking.engine.scenario.Reveal;
import dev.switchboard.calltaking.engine.scenario.Scenario;
import dev.switchboard.calltaking.engine.scenario.ScriptedEvent;
import dev.switchboard.calltaking.engine.scenario.TimeTargets;
import dev.switchboard.calltaking.engine.scenario.VoiceSettings;
import dev.switchboard.core.incident.ResponderType;
import java.util.List;
import java.util.Set;

/** A small fire scenario for session tests, independent of the bundled library. */
final class TestScenarios {

    private TestScenarios() {
    }

    static Scenario fire() {
        return fire(List.of());
    }

    static Scenario fire(List<ScriptedEvent> events) {
        return new Scenario("test-fire", "Kitchen fire in Shibuya", "fire", "A kitchen fire, a child upstairs",
                new Persona("Aiko Sato", 38, "female", new VoiceSettings(1.1, 1.0, 1.0), "fluent", ""),
                new LocationTruth("shibuya", "Shibuya", "2-21-1 Shibuya", "", "Shibuya Station", 35.6590, 139.7030),
                "09012345678", new Nature("FIRE-STRUCT", "Structure fire", 1),
                List.of(new Fact("address", Set.of(Intent.ASK_LOCATION, Intent.ASK_ADDRESS_DETAIL),
                                "I'm at 2-21-1 Shibuya, by the station.", "", Reveal.WHEN_ASKED, 0),
                        new Fact("child", Set.of(Intent.ASK_PEOPLE, Intent.ASK_INJURIES), "My son is upstairs!", "",
                                Reveal.WHEN_ASKED, 0)),
                new EmotionProfile(0.8, List.of("REASSURE"), List.of("HOLD"), 0.02),
                List.of(new ExpectedAction("location", "Location", Set.of(Intent.ASK_LOCATION), 2, 1),
                        new ExpectedAction("callback", "Callback", Set.of(Intent.ASK_CALLBACK), 1, 2)),
                List.of(ResponderType.FIRE, ResponderType.AMBULANCE), TimeTargets.DEFAULT, events, "test");
    }
}
