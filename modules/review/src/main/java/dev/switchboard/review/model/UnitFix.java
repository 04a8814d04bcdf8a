package dev.switchboard.review.model;

import java.util.Objects;

/** A unit's logged position and state at one moment ({@code atMs} since the recording started). */
public record UnitFix(long atMs, String unitId, String unitType, String state, double lat, double lon,
                      double heading) {

    public UnitFix {
        Objects.requireNonNull(unitId, "unitId");
        unitType = unitType == null ? "" : unitType;
        state = state == null ? "" : state;
    }
}
