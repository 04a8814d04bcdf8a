package dev.switchboard.city.engine.sim;

import dev.switchboard.city.engine.pipeline.ScoringContext;
import java.util.Objects;

/**
 * Settings of one {@link CitySimulation}. Immutable; start from {@link #defaults()} and change what differs.
 *
 * @param fleet the units
 * @param eventsPerTick sensor events generated per tick
 * @param autopilot whether the coordinator's recommendations are carried out without the trainee
 * @param incidentScore lowest score at which a critical sensor event opens an incident (0..1)
 * @param incidentConfidence lowest confidence at which it does (0..1)
 * @param maxOpenSensorIncidents at most this many incidents raised by sensors alone are open at once, so a
 *                               busy sensor stream cannot swamp the trainee (scenario, call and manual ones
 *                               are not limited)
 * @param sensorCooldownMillis after an incident raised by sensors alone, no new one for this long
 * @param rejectQuietMillis after the trainee rejects a recommendation, no new one of the same unit type for
 *                          that incident for this long
 * @param scoring the pipeline's scoring context; active incident wards are added each tick
 */
public record SimulationConfig(FleetConfig fleet, int eventsPerTick, boolean autopilot, double incidentScore,
                               double incidentConfidence, int maxOpenSensorIncidents, long sensorCooldownMillis,
                               long rejectQuietMillis, ScoringContext scoring) {

    public SimulationConfig {
        Objects.requireNonNull(fleet, "fleet");
        Objects.requireNonNull(scoring, "scoring");
        if (eventsPerTick < 0 || eventsPerTick > 10_000_000) {
            throw new IllegalArgumentException("eventsPerTick must be 0..10,000,000, was " + eventsPerTick);
        }
        if (!(incidentScore >= 0 && incidentScore <= 1) || !(incidentConfidence >= 0 && incidentConfidence <= 1)) {
            throw new IllegalArgumentException("incident thresholds must be within 0..1");
        }
        if (maxOpenSensorIncidents < 0 || sensorCooldownMillis < 0 || rejectQuietMillis < 0) {
            throw new IllegalArgumentException("limits cannot be negative");
        }
    }

    /**
     * The default fleet, 10,000 events per tick, autopilot off; sensor events alone open an incident at score
     * ≥ 0.95 and confidence ≥ 0.9, one at a time, at least 10 min apart (the generators report weapons and fires
     * every tick, and ten units cannot answer them all); a rejection quiets that recommendation for 2 min.
     */
    public static SimulationConfig defaults() {
        return new SimulationConfig(FleetConfig.defaults(), 10_000, false, 0.95, 0.9, 1, 600_000, 120_000,
                ScoringContext.neutral());
    }

    public SimulationConfig withFleet(FleetConfig newFleet) {
        return new SimulationConfig(newFleet, eventsPerTick, autopilot, incidentScore, incidentConfidence,
                maxOpenSensorIncidents, sensorCooldownMillis, rejectQuietMillis, scoring);
    }

    public SimulationConfig withEventsPerTick(int events) {
        return new SimulationConfig(fleet, events, autopilot, incidentScore, incidentConfidence,
                maxOpenSensorIncidents, sensorCooldownMillis, rejectQuietMillis, scoring);
    }

    public SimulationConfig withAutopilot(boolean on) {
        return new SimulationConfig(fleet, eventsPerTick, on, incidentScore, incidentConfidence,
                maxOpenSensorIncidents, sensorCooldownMillis, rejectQuietMillis, scoring);
    }

    public SimulationConfig withSensorIncidents(double score, double confidence, int maxOpen, long cooldownMillis) {
        return new SimulationConfig(fleet, eventsPerTick, autopilot, score, confidence, maxOpen, cooldownMillis,
                rejectQuietMillis, scoring);
    }

    public SimulationConfig withRejectQuietMillis(long millis) {
        return new SimulationConfig(fleet, eventsPerTick, autopilot, incidentScore, incidentConfidence,
                maxOpenSensorIncidents, sensorCooldownMillis, millis, scoring);
    }

    public SimulationConfig withScoring(ScoringContext context) {
        return new SimulationConfig(fleet, eventsPerTick, autopilot, incidentScore, incidentConfidence,
                maxOpenSensorIncidents, sensorCooldownMillis, rejectQuietMillis, context);
    }
}
