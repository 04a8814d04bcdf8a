package dev.switchboard.places.imports;

import dev.switchboard.core.error.InputException;
import dev.switchboard.core.geo.LatLon;
import dev.switchboard.places.Bounds;
import dev.switchboard.places.RoadClass;
import dev.switchboard.places.RoadNetwork;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.simplify.DouglasPeuckerSimplifier;
import org.openstreetmap.osmosis.core.domain.v0_6.Node;
import org.openstreetmap.osmosis.core.domain.v0_6.Tag;
import org.openstreetmap.osmosis.core.domain.v0_6.Way;
import org.openstreetmap.osmosis.core.domain.v0_6.WayNode;

/**
 * Roads for a city pack from OpenStreetMap (XML or PBF) or GeoJSON: classified by the {@code highway} tag, noded at
 * real junctions only (ways join where they share an OSM node, so a bridge or tunnel is never joined to the road it
 * crosses), split into one line per stretch between junctions, clipped to the pack's bounds (JTS), simplified
 * between junctions (JTS Douglas-Peucker), and cut down to the largest strongly connected part (every junction
 * reaches every other, one-way roads respected). Counts what it dropped and why.
 */
final class RoadImport {

    /** Roads kept, and what happened on the way. */
    record Result(List<RoadNetwork.Road> roads, RoadStats stats) {
    }

    private static final Set<String> MOTORWAY = Set.of("motorway", "motorway_link");
    private static final Set<String> ARTERIAL = Set.of("trunk", "trunk_link", "primary", "primary_link", "secondary",
            "secondary_link");
    private static final Set<String> STREET = Set.of("tertiary", "tertiary_link", "unclassified", "residential",
            "living_street", "road");
    private static final double METERS_PER_DEGREE = 111_320;

    private RoadImport() {
    }

    /** The road class of an OSM {@code highway} value, or null for what units do not drive on. */
    static RoadClass classOf(String highway) {
        if (highway == null) {
            return null;
        }
        if (MOTORWAY.contains(highway)) {
            return RoadClass.MOTORWAY;
        }
        if (ARTERIAL.contains(highway)) {
            return RoadClass.ARTERIAL;
        }
        return STREET.contains(highway) ? RoadClass.STREET : null;
    }

    /**
     * +1 one way along the way, -1 one way against it, 0 both ways: {@code oneway=yes|true|1|-1}; motorways and
     * roundabouts are one way unless tagged {@code oneway=no}.
     */
    static int oneway(Map<String, String> tags) {
        String v = tags.getOrDefault("oneway", "").toLowerCase(Locale.ROOT);
        switch (v) {
            case "yes", "true", "1" -> {
                return 1;
            }
            case "-1", "reverse" -> {
                return -1;
            }
            case "no", "false", "0", "reversible", "alternating" -> {
                return 0;
            }
            default -> {
                String highway = tags.getOrDefault("highway", "");
                String junction = tags.getOrDefault("junction", "");
                boolean implied = highway.equals("motorway") || highway.equals("motorway_link")
                        || junction.equals("roundabout") || junction.equals("circular");
                return implied ? 1 : 0;
            }
        }
    }

    /** Reads an OSM file in two passes (ways, then the nodes they use) and builds the roads. */
    static Result fromOsm(Path file, Bounds bounds, double simplifyMeters, ImportProgress progress) {
        RoadStats stats = new RoadStats();
        List<OsmWay> ways = new ArrayList<>();
        LongList needed = new LongList();
        OsmInput.read(file, entity -> {
            if (entity instanceof Way w) {
                stats.waysRead++;
                Map<String, String> tags = tags(w.getTags());
                String highway = tags.get("highway");
                if (highway == null) {
                    return;
                }
                RoadClass cls = classOf(highway);
                if (cls == null || "yes".equals(tags.get("area"))) {
                    stats.otherHighways++;
                    return;
                }
                if ("no".equals(tags.get("access")) || "private".equals(tags.get("access"))
                        || "no".equals(tags.get("motor_vehicle"))) {
                    stats.restricted++;
                    return;
                }
                List<WayNode> wn = w.getWayNodes();
                if (wn.size() < 2) {
                    return;
                }
                long[] ids = new long[wn.size()];
                for (int i = 0; i < ids.length; i++) {
                    ids[i] = wn.get(i).getNodeId();
                    needed.add(ids[i]);
                }
                int oneway = oneway(tags);
                stats.roadWays++;
                stats.bridges += isYes(tags.get("bridge")) ? 1 : 0;
                stats.tunnels += isYes(tags.get("tunnel")) ? 1 : 0;
                stats.onewayWays += oneway != 0 ? 1 : 0;
                ways.add(new OsmWay(ids, cls, oneway));
                if (stats.roadWays % 50_000 == 0) {
                    progress.step("roads", stats.roadWays + " roads among " + stats.waysRead + " ways read");
                }
            }
        });
        if (ways.isEmpty()) {
            throw new InputException(file, 0, null, "has no roads: no way with a highway tag units drive on (of "
                    + stats.waysRead + " ways); is it the right extract?");
        }
        progress.step("roads", stats.roadWays + " roads in " + stats.waysRead + " ways; reading their nodes");
        long[] ids = needed.sortedUnique();
        double[] lat = new double[ids.length];
        double[] lon = new double[ids.length];
        Arrays.fill(lat, Double.NaN);
        int[] found = new int[1];
        OsmInput.read(file, entity -> {
            if (entity instanceof Node n) {
                int i = Arrays.binarySearch(ids, n.getId());
                if (i >= 0) {
                    lat[i] = n.getLatitude();
                    lon[i] = n.getLongitude();
                    if (++found[0] % 500_000 == 0) {
                        progress.step("roads", found[0] + " of " + ids.length + " road nodes read");
                    }
                }
            }
        });
        separateCoincident(lat, lon, stats);

        // A node splits its ways where two or more ways (or one way twice) use it: a real junction.
        int[] uses = new int[ids.length];
        int[][] index = new int[ways.size()][];
        for (int w = 0; w < ways.size(); w++) {
            long[] wn = ways.get(w).nodes();
            index[w] = new int[wn.length];
            for (int k = 0; k < wn.length; k++) {
                index[w][k] = Arrays.binarySearch(ids, wn[k]);
                uses[index[w][k]]++;
            }
        }
        List<Stretch> stretches = new ArrayList<>();
        for (int w = 0; w < ways.size(); w++) {
            OsmWay way = ways.get(w);
            int[] idx = index[w];
            List<Coordinate> run = new ArrayList<>();
            for (int k = 0; k < idx.length; k++) {
                int i = idx[k];
                if (Double.isNaN(lat[i])) {
                    // The extract ends here (a way leaving the area keeps ids of nodes not in the file).
                    stats.missingNodes++;
                    flush(run, way, stretches);
                    run = new ArrayList<>();
                    continue;
                }
                run.add(new Coordinate(lon[i], lat[i]));
                boolean junction = uses[i] >= 2 && k > 0 && k < idx.length - 1;
                if (junction) {
                    flush(run, way, stretches);
                    run = new ArrayList<>();
                    run.add(new Coordinate(lon[i], lat[i]));
                }
            }
            flush(run, way, stretches);
        }
        return finish(stretches, bounds, simplifyMeters, stats, progress);
    }

    /** Roads from GeoJSON lines with an OSM {@code highway} or a pack {@code class}; joined at shared vertices. */
    static Result fromGeoJson(Path file, Bounds bounds, double simplifyMeters, ImportProgress progress) {
        RoadStats stats = new RoadStats();
        List<Stretch> stretches = new ArrayList<>();
        GeoJsonInput.read(file, f -> {
            stats.waysRead++;
            Map<String, String> tags = new HashMap<>();
            f.properties().fields().forEachRemaining(e -> tags.put(e.getKey(), e.getValue().asText()));
            RoadClass cls;
            String packClass = f.text("class");
            if (packClass != null) {
                cls = switch (packClass.toLowerCase(Locale.ROOT)) {
                    case "motorway" -> RoadClass.MOTORWAY;
                    case "arterial" -> RoadClass.ARTERIAL;
                    case "street" -> RoadClass.STREET;
                    default -> throw f.fail("properties.class", "must be motorway, arterial or street, was '"
                            + packClass + "'");
                };
            } else {
                cls = classOf(f.text("highway"));
                if (cls == null) {
                    stats.otherHighways++;
                    return;
                }
            }
            int oneway = "true".equals(tags.get("oneway")) ? 1 : oneway(tags);
            Geometry g = GeoJsonInput.geometry(f, "LineString", "MultiLineString");
            stats.roadWays++;
            stats.onewayWays += oneway != 0 ? 1 : 0;
            OsmWay way = new OsmWay(new long[0], cls, oneway);
            for (int i = 0; i < g.getNumGeometries(); i++) {
                List<Coordinate> cs = new ArrayList<>(List.of(g.getGeometryN(i).getCoordinates()));
                flush(cs, way, stretches);
            }
        });
        if (stretches.isEmpty()) {
            throw new InputException(file, 1, "features", "has no roads (LineString features with a highway or "
                    + "class property)");
        }
        return finish(stretches, bounds, simplifyMeters, stats, progress);
    }

    private static Result finish(List<Stretch> stretches, Bounds bounds, double simplifyMeters, RoadStats stats,
                                 ImportProgress progress) {
        progress.step("roads", stretches.size() + " stretches between junctions; clipping and simplifying");
        Polygon box = GeoJsonInput.GEOMETRY.createPolygon(new Coordinate[] {
            new Coordinate(bounds.west(), bounds.south()), new Coordinate(bounds.east(), bounds.south()),
            new Coordinate(bounds.east(), bounds.north()), new Coordinate(bounds.west(), bounds.north()),
            new Coordinate(bounds.west(), bounds.south())});
        double tolerance = simplifyMeters / METERS_PER_DEGREE;
        List<RoadNetwork.Road> candidates = new ArrayList<>();
        for (Stretch s : stretches) {
            List<List<Coordinate>> pieces = new ArrayList<>();
            if (inside(s.points(), bounds)) {
                pieces.add(s.points());
            } else {
                stats.stretchesClipped++;
                LineString line = GeoJsonInput.GEOMETRY.createLineString(s.points().toArray(new Coordinate[0]));
                Geometry clipped = line.intersection(box);
                for (int i = 0; i < clipped.getNumGeometries(); i++) {
                    if (clipped.getGeometryN(i) instanceof LineString part && part.getNumPoints() >= 2) {
                        pieces.add(List.of(part.getCoordinates()));
                    }
                }
                if (pieces.isEmpty()) {
                    stats.piecesOutside++;
                }
            }
            for (List<Coordinate> piece : pieces) {
                Coordinate[] cs = piece.toArray(new Coordinate[0]);
                if (tolerance > 0 && cs.length > 2) {
                    cs = DouglasPeuckerSimplifier.simplify(GeoJsonInput.GEOMETRY.createLineString(cs), tolerance)
                            .getCoordinates();
                }
                List<LatLon> points = new ArrayList<>(cs.length);
                for (Coordinate c : cs) {
                    LatLon p = new LatLon(round7(c.y), round7(c.x));
                    if (points.isEmpty() || !points.get(points.size() - 1).equals(p)) {
                        points.add(p);
                    }
                }
                if (points.size() >= 2) {
                    if (s.oneway() < 0) {
                        java.util.Collections.reverse(points);
                    }
                    candidates.add(new RoadNetwork.Road(points, s.roadClass(), s.oneway() != 0));
                }
            }
        }
        if (candidates.isEmpty()) {
            throw new InputException(null, 0, null, "no road lies inside the bounds " + bounds.south() + ", "
                    + bounds.west() + ", " + bounds.north() + ", " + bounds.east() + "; check --bounds");
        }
        progress.step("roads", candidates.size() + " stretches inside the bounds; finding the largest connected part");
        RoadNetwork all = new RoadNetwork(candidates);
        List<RoadNetwork.Road> kept = new ArrayList<>();
        for (RoadNetwork.Road r : candidates) {
            if (routable(all, r.points().get(0)) && routable(all, r.points().get(r.points().size() - 1))) {
                kept.add(r);
            } else {
                stats.droppedStretches++;
                stats.droppedKm += length(r.points()) / 1000;
            }
        }
        RoadNetwork network = new RoadNetwork(kept);
        stats.stretches = kept.size();
        for (RoadNetwork.Road r : kept) {
            stats.km.merge(r.roadClass(), length(r.points()) / 1000, Double::sum);
        }
        stats.nodes = network.nodeCount();
        stats.junctions = network.junctionCount();
        stats.onewaySegments = network.edgeCount() * 2 - network.directedEdgeCount();
        return new Result(kept, stats);
    }

    private static boolean routable(RoadNetwork network, LatLon p) {
        int n = network.nearestNode(p);
        return n >= 0 && network.node(n).equals(p);
    }

    private static double length(List<LatLon> points) {
        double m = 0;
        for (int i = 1; i < points.size(); i++) {
            m += points.get(i - 1).distanceMeters(points.get(i));
        }
        return m;
    }

    private static boolean inside(List<Coordinate> points, Bounds b) {
        for (Coordinate c : points) {
            if (c.y < b.south() || c.y > b.north() || c.x < b.west() || c.x > b.east()) {
                return false;
            }
        }
        return true;
    }

    /**
     * Two different OSM nodes at the same position (to 1e-7°) would join roads that do not meet (a bridge drawn
     * over a node of the road below): the later one is moved 1e-7° (1 cm) north until its position is free.
     */
    private static void separateCoincident(double[] lat, double[] lon, RoadStats stats) {
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < lat.length; i++) {
            if (Double.isNaN(lat[i])) {
                continue;
            }
            long key = key(lat[i], lon[i]);
            boolean moved = false;
            while (!seen.add(key)) {
                lat[i] = round7(lat[i] + 1e-7);
                key = key(lat[i], lon[i]);
                moved = true;
            }
            stats.coincidentNodes += moved ? 1 : 0;
        }
    }

    private static long key(double lat, double lon) {
        return Math.round(lat * 1e7) * 4_000_000_000L + Math.round(lon * 1e7);
    }

    static double round7(double v) {
        return Math.round(v * 1e7) / 1e7;
    }

    private static void flush(List<Coordinate> run, OsmWay way, List<Stretch> out) {
        if (run.size() >= 2) {
            out.add(new Stretch(List.copyOf(run), way.roadClass(), way.oneway()));
        }
    }

    private static boolean isYes(String v) {
        return v != null && !v.equals("no") && !v.equals("false") && !v.equals("0");
    }

    static Map<String, String> tags(java.util.Collection<Tag> tags) {
        Map<String, String> out = new HashMap<>();
        for (Tag t : tags) {
            out.put(t.getKey(), t.getValue());
        }
        return out;
    }

    private record OsmWay(long[] nodes, RoadClass roadClass, int oneway) {
    }

    private record Stretch(List<Coordinate> points, RoadClass roadClass, int oneway) {
    }

    /** A growable list of longs. */
    static final class LongList {
        private long[] values = new long[4096];
        private int size;

        void add(long v) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
        }

        long[] sortedUnique() {
            long[] a = Arrays.copyOf(values, size);
            Arrays.sort(a);
            int n = 0;
            for (int i = 0; i < a.length; i++) {
                if (n == 0 || a[i] != a[n - 1]) {
                    a[n++] = a[i];
                }
            }
            return Arrays.copyOf(a, n);
        }
    }
}
