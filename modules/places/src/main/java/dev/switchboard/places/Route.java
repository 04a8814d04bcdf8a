package dev.switchboard.places;

import dev.switchboard.core.geo.LatLon;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A path a unit drives, with its timing: the unit is at {@code points.get(i)} after
 * {@code secondsAtPoints.get(i)} seconds and moves in a straight line between points.
 *
 * @param points the path, start first; at least one point
 * @param lengthMeters length along the path
 * @param travelSeconds time to drive it; equals the last entry of {@code secondsAtPoints}
 * @param secondsAtPoints non-decreasing arrival time at each point, starting at 0
 */
public record Route(List<LatLon> points, double lengthMeters, double travelSeconds, List<Double> secondsAtPoints) {

    public Route {
        points = List.copyOf(points);
        secondsAtPoints = List.copyOf(secondsAtPoints);
        if (points.isEmpty()) {
            throw new IllegalArgumentException("A route needs at least one point");
        }
        if (secondsAtPoints.size() != points.size()) {
            throw new IllegalArgumentException("A route needs one time per point");
        }
    }

    /** A route driven at an even pace: the time at each point is proportional to the distance so far. */
    public Route(List<LatLon> points, double lengthMeters, double travelSeconds) {
        this(points, lengthMeters, travelSeconds, evenPace(points, travelSeconds));
    }

    /** A route that stays at {@code p}: zero length and time. */
    public static Route stay(LatLon p) {
        Objects.requireNonNull(p, "p");
        return new Route(List.of(p), 0, 0, List.of(0.0));
    }

    /** Where the unit is {@code seconds} after leaving; clamped to the start and the end. */
    public LatLon positionAt(double seconds) {
        int n = points.size();
        if (n == 1 || seconds <= 0) {
            return points.get(0);
        }
        if (seconds >= travelSeconds) {
            return points.get(n - 1);
        }
        int i = segmentAt(seconds);
        double t0 = secondsAtPoints.get(i);
        double t1 = secondsAtPoints.get(i + 1);
        double f = t1 > t0 ? (seconds - t0) / (t1 - t0) : 1;
        return points.get(i).interpolate(points.get(i + 1), f);
    }

    /**
     * Direction of travel {@code seconds} after leaving, in degrees clockwise from north (0..360);
     * clamped to the first and the last moving segment; 0 for a route that does not move.
     */
    public double headingAt(double seconds) {
        int n = points.size();
        if (n == 1) {
            return 0;
        }
        int i = seconds <= 0 ? 0 : seconds >= travelSeconds ? n - 2 : segmentAt(seconds);
        // A zero-length segment has no direction: look ahead, then back, for one that moves.
        for (int k = i; k < n - 1; k++) {
            if (!points.get(k).equals(points.get(k + 1))) {
                return points.get(k).bearingDegrees(points.get(k + 1));
            }
        }
        for (int k = i - 1; k >= 0; k--) {
            if (!points.get(k).equals(points.get(k + 1))) {
                return points.get(k).bearingDegrees(points.get(k + 1));
            }
        }
        return 0;
    }

    /** The first point. */
    public LatLon start() {
        return points.get(0);
    }

    /** The last point. */
    public LatLon end() {
        return points.get(points.size() - 1);
    }

    /** Index i of the segment (i, i+1) in which the unit is at {@code seconds}, 0 < seconds < travelSeconds. */
    private int segmentAt(double seconds) {
        int lo = 0;
        int hi = secondsAtPoints.size() - 1;
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            if (secondsAtPoints.get(mid) <= seconds) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static List<Double> evenPace(List<LatLon> points, double travelSeconds) {
        List<Double> cumulative = new ArrayList<>(points.size());
        double total = 0;
        cumulative.add(0.0);
        for (int i = 1; i < points.size(); i++) {
            total += points.get(i - 1).distanceMeters(points.get(i));
            cumulative.add(total);
        }
        List<Double> seconds = new ArrayList<>(points.size());
        for (double d : cumulative) {
            seconds.add(total > 0 ? d / total * travelSeconds : 0.0);
        }
        return seconds;
    }
}
