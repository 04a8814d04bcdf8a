package dev.switchboard.places;

import dev.switchboard.core.geo.LatLon;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * Point-in-polygon over a set of areas through JTS: an STR-tree of the areas' envelopes, then an indexed
 * point-in-area test of each candidate. Coordinates are longitude (x) and latitude (y); at city scale the
 * plane of degrees is as good as any projection for saying which side of a border a point is on.
 * Immutable and safe to share between threads.
 */
final class WardLocator {

    static final GeometryFactory GEOMETRY = new GeometryFactory();

    private final STRtree tree = new STRtree();
    private final int size;

    private record Entry(int index, Envelope envelope, IndexedPointInAreaLocator locator) {
    }

    /** One area per entry of {@code areas}, each a list of outer rings. */
    WardLocator(List<List<List<LatLon>>> areas) {
        size = areas.size();
        for (int i = 0; i < areas.size(); i++) {
            Geometry g = geometry(areas.get(i));
            if (g.isEmpty()) {
                continue;
            }
            tree.insert(g.getEnvelopeInternal(), new Entry(i, g.getEnvelopeInternal(),
                    new IndexedPointInAreaLocator(g)));
        }
        tree.build();
    }

    /** The lowest index of an area that contains {@code p} (its border counts as inside), or -1. */
    int indexAt(LatLon p) {
        Coordinate c = new Coordinate(p.lon(), p.lat());
        @SuppressWarnings("unchecked")
        List<Entry> hits = tree.query(new Envelope(c));
        int best = -1;
        for (Entry e : hits) {
            if ((best < 0 || e.index() < best) && e.locator().locate(c) != Location.EXTERIOR) {
                best = e.index();
            }
        }
        return best;
    }

    int size() {
        return size;
    }

    /** A (multi)polygon of outer rings in lon/lat; rings that do not close are closed. */
    static Geometry geometry(List<List<LatLon>> rings) {
        List<Polygon> polygons = new ArrayList<>();
        for (List<LatLon> ring : rings) {
            if (ring.size() < 3) {
                continue;
            }
            List<Coordinate> cs = new ArrayList<>(ring.size() + 1);
            for (LatLon p : ring) {
                cs.add(new Coordinate(p.lon(), p.lat()));
            }
            if (!cs.get(0).equals2D(cs.get(cs.size() - 1))) {
                cs.add(cs.get(0));
            }
            if (cs.size() >= 4) {
                polygons.add(GEOMETRY.createPolygon(cs.toArray(new Coordinate[0])));
            }
        }
        return GEOMETRY.createMultiPolygon(polygons.toArray(new Polygon[0]));
    }
}
