package dev.switchboard.places.imports;

import dev.switchboard.places.RoadClass;
import java.util.EnumMap;
import java.util.Map;

/** Counts of a road import: what was read, kept and dropped, and why. Filled by the importer. */
public final class RoadStats {

    int waysRead;
    int roadWays;
    int otherHighways;
    int restricted;
    int bridges;
    int tunnels;
    int onewayWays;
    int missingNodes;
    int coincidentNodes;
    int piecesOutside;
    int stretchesClipped;
    int stretches;
    int droppedStretches;
    double droppedKm;
    final Map<RoadClass, Double> km = new EnumMap<>(RoadClass.class);
    int junctions;
    int nodes;
    int onewaySegments;

    RoadStats() {
    }

    /** Roads (ways units drive on) read. */
    public int roadWays() {
        return roadWays;
    }

    /** Ways tagged as bridges among them. */
    public int bridges() {
        return bridges;
    }

    /** Stretches between junctions kept. */
    public int stretches() {
        return stretches;
    }

    /** Stretches dropped because they are not connected both ways to the largest part. */
    public int droppedStretches() {
        return droppedStretches;
    }

    /** Stretches wholly outside the bounds. */
    public int piecesOutside() {
        return piecesOutside;
    }

    /** Highways units do not drive on (paths, footways, service roads), skipped. */
    public int otherHighways() {
        return otherHighways;
    }

    /** Distinct nodes that shared a position and were moved 1 cm apart. */
    public int coincidentNodes() {
        return coincidentNodes;
    }

    /** Segments that may be driven one way only. */
    public int onewaySegments() {
        return onewaySegments;
    }
}
