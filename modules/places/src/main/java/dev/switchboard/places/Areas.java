package dev.switchboard.places;

import dev.switchboard.core.geo.LatLon;
import java.util.List;

/** Areas of lat/lon rings on the Earth, for checks and summaries. */
public final class Areas {

    private Areas() {
    }

    /**
     * The area in square metres enclosed by {@code rings} (outer rings, added up), computed in a sinusoidal
     * equal-area projection about the rings' own meridian: within a fraction of a percent of the ellipsoidal
     * figure for a city's districts.
     */
    public static double squareMeters(List<List<LatLon>> rings) {
        double total = 0;
        for (List<LatLon> ring : rings) {
            total += Math.abs(signedRing(ring));
        }
        return total;
    }

    private static double signedRing(List<LatLon> ring) {
        int n = ring.size();
        if (n < 3) {
            return 0;
        }
        double lon0 = ring.get(0).lon();
        double r = LatLon.EARTH_RADIUS_METERS;
        double sum = 0;
        for (int i = 0; i < n; i++) {
            LatLon a = ring.get(i);
            LatLon b = ring.get((i + 1) % n);
            double ax = Math.toRadians(a.lon() - lon0) * r * Math.cos(Math.toRadians(a.lat()));
            double ay = Math.toRadians(a.lat()) * r;
            double bx = Math.toRadians(b.lon() - lon0) * r * Math.cos(Math.toRadians(b.lat()));
            double by = Math.toRadians(b.lat()) * r;
            sum += ax * by - bx * ay;
        }
        return sum / 2;
    }
}
