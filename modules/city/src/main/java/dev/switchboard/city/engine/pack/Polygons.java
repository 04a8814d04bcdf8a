package dev.switchboard.city.engine.pack;

import dev.switchboard.core.geo.LatLon;
import java.util.List;

/** Planar tests on lat/lon rings; at city scale the distortion of treating degrees as a plane is negligible. */
final class Polygons {

    private Polygons() {
    }

    /** Even-odd point-in-ring test; a ring may or may not repeat its first point at the end. */
    static boolean contains(List<LatLon> ring, LatLon p) {
        int n = ring.size();
        if (n < 3) {
            return false;
        }
        double x = p.lon();
        double y = p.lat();
        boolean inside = false;
        LatLon prev = ring.get(n - 1);
        for (int i = 0; i < n; i++) {
            LatLon cur = ring.get(i);
            double yi = cur.lat();
            double yj = prev.lat();
            if ((yi > y) != (yj > y)) {
                double xCross = (prev.lon() - cur.lon()) * (y - yi) / (yj - yi) + cur.lon();
                if (x < xCross) {
                    inside = !inside;
                }
            }
            prev = cur;
        }
        return inside;
    }
}
