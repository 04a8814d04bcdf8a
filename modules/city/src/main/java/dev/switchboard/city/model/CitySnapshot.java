package dev.switchboard.city.model;

import dev.switchboard.core.time.SimTime;
import java.util.List;
import java.util.Objects;

/**
 * Everything the control room shows for one tick, immutable, handed to the UI once per tick.
 *
 * @param heat sample of sensor event positions as {@code lat0, lon0, lat1, lon1, …} for the heat layer
 * @param situation plain-English summary of the top events
 */
public record CitySnapshot(long tick, SimTime simTime, List<UnitView> units, List<IncidentView> incidents,
                           List<CriticalEvent> critical, float[] heat, PipelineStats stats,
                           List<Recommendation> recommendations, String situation, boolean autopilot) {

    public CitySnapshot {
        Objects.requireNonNull(simTime, "simTime");
        Objects.requireNonNull(stats, "stats");
        Objects.requireNonNull(situation, "situation");
        units = List.copyOf(units);
        incidents = List.copyOf(incidents);
        critical = List.copyOf(critical);
        recommendations = List.copyOf(recommendations);
        heat = heat.clone();
    }
}
