package dev.switchboard.city.engine.pipeline;

import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What the situation adds to an event's score in one tick: district multipliers, a time-of-day profile,
 * and a boost for events in wards with an active incident. The context score is
 * {@code clamp(composite × district × hour + boost)}; unknown ward ids are ignored.
 *
 * @param districtMultipliers ward id → multiplier (0..10); wards not listed count 1
 * @param timeOfDay hourly multipliers per stream
 * @param clockAtEpochMillis time of day at sim time 0, in ms after midnight (the exercise's start time)
 * @param activeIncidentWards ward ids with an active incident
 * @param incidentBoost added to the score of events in those wards (0..1)
 */
public record ScoringContext(Map<String, Double> districtMultipliers, TimeOfDayProfile timeOfDay,
                             long clockAtEpochMillis, Set<String> activeIncidentWards, double incidentBoost) {

    /** Default boost near active incidents. */
    public static final double DEFAULT_INCIDENT_BOOST = 0.1;
    private static final long DAY_MILLIS = 86_400_000L;

    public ScoringContext {
        districtMultipliers = Map.copyOf(districtMultipliers);
        Objects.requireNonNull(timeOfDay, "timeOfDay");
        activeIncidentWards = Set.copyOf(activeIncidentWards);
        for (double v : districtMultipliers.values()) {
            if (!(v >= 0 && v <= 10)) {
                throw new IllegalArgumentException("district multipliers must be within 0..10, was " + v);
            }
        }
        if (!(incidentBoost >= 0 && incidentBoost <= 1)) {
            throw new IllegalArgumentException("incident boost must be within 0..1, was " + incidentBoost);
        }
        if (clockAtEpochMillis < 0 || clockAtEpochMillis >= DAY_MILLIS) {
            throw new IllegalArgumentException("clock at epoch must be within one day, was " + clockAtEpochMillis);
        }
    }

    /** No adjustment: flat time of day, no district multipliers, no incidents. */
    public static ScoringContext neutral() {
        return new ScoringContext(Map.of(), TimeOfDayProfile.flat(), 0, Set.of(), DEFAULT_INCIDENT_BOOST);
    }

    public ScoringContext withDistrictMultipliers(Map<String, Double> multipliers) {
        return new ScoringContext(multipliers, timeOfDay, clockAtEpochMillis, activeIncidentWards, incidentBoost);
    }

    public ScoringContext withTimeOfDay(TimeOfDayProfile profile, long clockAtEpoch) {
        return new ScoringContext(districtMultipliers, profile, clockAtEpoch, activeIncidentWards, incidentBoost);
    }

    public ScoringContext withActiveIncidents(Set<String> wardIds) {
        return new ScoringContext(districtMultipliers, timeOfDay, clockAtEpochMillis, wardIds, incidentBoost);
    }

    public ScoringContext withIncidentBoost(double boost) {
        return new ScoringContext(districtMultipliers, timeOfDay, clockAtEpochMillis, activeIncidentWards, boost);
    }

    /** Hour of day (0..23) at a sim time. */
    public int hourAt(long simTimeMillis) {
        return (int) (Math.floorMod(clockAtEpochMillis + simTimeMillis, DAY_MILLIS) / 3_600_000L);
    }
}
