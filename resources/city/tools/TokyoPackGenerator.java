// SPDX-License-Identifier: GPL-3.0-or-later

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryCollection;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.operation.polygonize.Polygonizer;
import org.locationtech.jts.triangulate.DelaunayTriangulationBuilder;
import org.locationtech.jts.triangulate.VoronoiDiagramBuilder;

/**
 * One-off generator of the bundled Tokyo city pack (see ../README.md, "How the Tokyo pack was made").
 * Not part of the build: run it with JTS on the class path,
 * {@code java -cp jts-core-1.20.0.jar TokyoPackGenerator.java coast.txt ../tokyo}.
 *
 * <p>Input: the GSHHG full-resolution shoreline of the pack's box as dumped by
 * {@code gmt coast -R139.55/139.95/35.50/35.85 -Df -M -W}. Output: land, wards, roads and bases GeoJSON.
 * Everything is deterministic: the same input gives byte-identical files.
 */
public final class TokyoPackGenerator {

    static final double SOUTH = 35.50;
    static final double WEST = 139.55;
    static final double NORTH = 35.85;
    static final double EAST = 139.95;

    /** Local equirectangular frame in metres around the middle of the 23 wards. */
    static final double LAT0 = 35.675;
    static final double LON0 = 139.75;
    static final double M_LAT = Math.toRadians(1) * 6_371_008.8;
    static final double M_LON = M_LAT * Math.cos(Math.toRadians(LAT0));

    static final double GRID_METERS = 500;
    static final double MAX_ARTERIAL_METERS = 9_000;
    static final double MAX_BRIDGE_METERS = 3_000;

    static final GeometryFactory GF = new GeometryFactory();

    record WardDef(String id, String en, String ja, double lat, double lon) {
    }

    static final List<WardDef> WARDS = List.of(
            new WardDef("chiyoda", "Chiyoda", "千代田区", 35.6940, 139.7536),
            new WardDef("chuo", "Chuo", "中央区", 35.6707, 139.7720),
            new WardDef("minato", "Minato", "港区", 35.6581, 139.7514),
            new WardDef("shinjuku", "Shinjuku", "新宿区", 35.6938, 139.7036),
            new WardDef("bunkyo", "Bunkyo", "文京区", 35.7081, 139.7523),
            new WardDef("taito", "Taito", "台東区", 35.7126, 139.7800),
            new WardDef("sumida", "Sumida", "墨田区", 35.7107, 139.8015),
            new WardDef("koto", "Koto", "江東区", 35.6730, 139.8170),
            new WardDef("shinagawa", "Shinagawa", "品川区", 35.6092, 139.7302),
            new WardDef("meguro", "Meguro", "目黒区", 35.6415, 139.6982),
            new WardDef("ota", "Ota", "大田区", 35.5613, 139.7160),
            new WardDef("setagaya", "Setagaya", "世田谷区", 35.6464, 139.6532),
            new WardDef("shibuya", "Shibuya", "渋谷区", 35.6640, 139.6982),
            new WardDef("nakano", "Nakano", "中野区", 35.7074, 139.6638),
            new WardDef("suginami", "Suginami", "杉並区", 35.6995, 139.6364),
            new WardDef("toshima", "Toshima", "豊島区", 35.7263, 139.7165),
            new WardDef("kita", "Kita", "北区", 35.7528, 139.7337),
            new WardDef("arakawa", "Arakawa", "荒川区", 35.7361, 139.7834),
            new WardDef("itabashi", "Itabashi", "板橋区", 35.7512, 139.7093),
            new WardDef("nerima", "Nerima", "練馬区", 35.7356, 139.6517),
            new WardDef("adachi", "Adachi", "足立区", 35.7750, 139.8044),
            new WardDef("katsushika", "Katsushika", "葛飾区", 35.7434, 139.8472),
            new WardDef("edogawa", "Edogawa", "江戸川区", 35.7067, 139.8683));

    /**
     * A hand-drawn outline of the 23-ward area (lat, lon), clockwise from the north-west: rivers and city
     * limits followed roughly, and carried out into Tokyo Bay so the coast does the clipping there.
     */
    static final double[][] OUTLINE = {
        {35.770, 139.560}, {35.785, 139.610}, {35.800, 139.650}, {35.800, 139.690}, {35.795, 139.720},
        {35.805, 139.760}, {35.820, 139.790}, {35.815, 139.830}, {35.800, 139.860}, {35.770, 139.875},
        {35.735, 139.885}, {35.700, 139.905}, {35.660, 139.900}, {35.630, 139.890}, {35.600, 139.880},
        {35.560, 139.840}, {35.530, 139.800}, {35.525, 139.760}, {35.535, 139.735}, {35.550, 139.705},
        {35.570, 139.685}, {35.590, 139.660}, {35.612, 139.625}, {35.635, 139.590}, {35.650, 139.570},
        {35.680, 139.570}, {35.710, 139.575}, {35.740, 139.565}, {35.770, 139.560},
    };

    /** Where each kind of base sits relative to its ward centre: bearing (degrees) and distance (metres). */
    static final double[][] BASE_OFFSETS = {{40, 380}, {220, 520}, {130, 700}};

    /** Traffic-control posts at major junctions: ward id, bearing and distance from the ward centre. */
    static final Object[][] TRAFFIC_POSTS = {
        {"chiyoda", 300.0, 500.0}, {"shinjuku", 270.0, 600.0}, {"shibuya", 200.0, 400.0},
        {"toshima", 315.0, 500.0}, {"shinagawa", 90.0, 900.0}, {"koto", 0.0, 600.0},
        {"ota", 45.0, 800.0}, {"adachi", 180.0, 700.0},
    };

    private TokyoPackGenerator() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: java -cp jts-core.jar TokyoPackGenerator.java <gmt coast dump> <pack folder>");
            System.exit(2);
        }
        Path out = Path.of(args[1]);
        Files.createDirectories(out);

        Geometry land = land(Path.of(args[0]));
        Geometry outline = GF.createPolygon(ring(OUTLINE));
        Geometry city = outline.intersection(land);
        PreparedGeometry cityPrep = PreparedGeometryFactory.prepare(city);

        List<Geometry> areas = wardAreas(city);
        List<Coordinate> centres = WARDS.stream().map(w -> xy(w.lat(), w.lon())).toList();
        for (int i = 0; i < WARDS.size(); i++) {
            if (!areas.get(i).contains(GF.createPoint(centres.get(i)))) {
                throw new IllegalStateException(WARDS.get(i).id() + ": centre outside its area");
            }
        }

        Roads roads = roads(city, cityPrep, centres);
        write(out.resolve("land.geojson"), landJson(land));
        write(out.resolve("wards.geojson"), wardsJson(areas));
        write(out.resolve("roads.geojson"), roads.json());
        write(out.resolve("bases.geojson"), basesJson(areas));
        System.out.printf(Locale.ROOT, "land %d rings, roads %d lines (%d arterial), %d nodes%n",
                land.getNumGeometries(), roads.lines.size(), roads.arterialCount(), roads.nodeCount());
    }

    // ---- land ---------------------------------------------------------------------------------------------

    /** Land of the pack box, in metres: the faces cut by the shoreline that hold land, plus every island. */
    static Geometry land(Path dump) throws IOException {
        List<List<Coordinate>> segments = new ArrayList<>();
        List<Coordinate> current = null;
        for (String line : Files.readAllLines(dump, StandardCharsets.UTF_8)) {
            if (line.startsWith(">")) {
                current = new ArrayList<>();
                segments.add(current);
            } else if (!line.isBlank() && current != null) {
                String[] f = line.trim().split("\\s+");
                current.add(xy(Double.parseDouble(f[1]), Double.parseDouble(f[0])));
            }
        }
        List<Geometry> lines = new ArrayList<>();
        List<Polygon> islands = new ArrayList<>();
        for (List<Coordinate> s : segments) {
            if (s.size() < 2) {
                continue;
            }
            Coordinate[] cs = s.toArray(new Coordinate[0]);
            if (s.size() >= 4 && cs[0].equals2D(cs[cs.length - 1])) {
                islands.add(GF.createPolygon(cs));
            } else {
                lines.add(GF.createLineString(cs));
            }
        }
        Coordinate[] box = {xy(SOUTH, WEST), xy(SOUTH, EAST), xy(NORTH, EAST), xy(NORTH, WEST), xy(SOUTH, WEST)};
        lines.add(GF.createLineString(box));
        Geometry noded = GF.buildGeometry(lines).union();
        Polygonizer polygonizer = new Polygonizer();
        polygonizer.add(noded);
        @SuppressWarnings("unchecked")
        Collection<Polygon> faces = polygonizer.getPolygons();
        Point inland = GF.createPoint(xy(35.69, 139.70));
        List<Geometry> landParts = new ArrayList<>(islands);
        for (Polygon face : faces) {
            if (face.contains(inland)) {
                landParts.add(face);
            }
        }
        if (landParts.size() == islands.size()) {
            throw new IllegalStateException("no mainland face found");
        }
        return GF.buildGeometry(landParts).union();
    }

    // ---- wards ---------------------------------------------------------------------------------------------

    static List<Geometry> wardAreas(Geometry city) {
        VoronoiDiagramBuilder voronoi = new VoronoiDiagramBuilder();
        List<Coordinate> sites = WARDS.stream().map(w -> xy(w.lat(), w.lon())).toList();
        voronoi.setSites(sites);
        Envelope env = new Envelope(xy(SOUTH - 0.1, WEST - 0.1), xy(NORTH + 0.1, EAST + 0.1));
        voronoi.setClipEnvelope(env);
        GeometryCollection cells = (GeometryCollection) voronoi.getDiagram(GF);
        List<Geometry> areas = new ArrayList<>();
        for (Coordinate site : sites) {
            Geometry cell = null;
            Point p = GF.createPoint(site);
            for (int i = 0; i < cells.getNumGeometries(); i++) {
                if (cells.getGeometryN(i).contains(p)) {
                    cell = cells.getGeometryN(i);
                }
            }
            if (cell == null) {
                throw new IllegalStateException("no Voronoi cell for " + site);
            }
            areas.add(dropSlivers(cell.intersection(city)));
        }
        return areas;
    }

    /** Pieces under 5,000 m² are specks left where the outline brushes the coast; they only add noise. */
    static Geometry dropSlivers(Geometry g) {
        List<Geometry> keep = new ArrayList<>();
        for (int i = 0; i < g.getNumGeometries(); i++) {
            Geometry part = g.getGeometryN(i);
            if (part instanceof Polygon && part.getArea() >= 5_000) {
                keep.add(GF.createPolygon(((Polygon) part).getExteriorRing().getCoordinates()));
            }
        }
        return GF.buildGeometry(keep);
    }

    // ---- roads ---------------------------------------------------------------------------------------------

    /** Road lines in metres with their class, and the graph they make (nodes keyed by written coordinates). */
    static final class Roads {
        final List<List<Coordinate>> lines = new ArrayList<>();
        final List<Boolean> arterial = new ArrayList<>();

        void add(List<Coordinate> line, boolean isArterial) {
            lines.add(line);
            arterial.add(isArterial);
        }

        long arterialCount() {
            return arterial.stream().filter(a -> a).count();
        }

        int nodeCount() {
            return nodes().size();
        }

        Map<String, Coordinate> nodes() {
            Map<String, Coordinate> nodes = new TreeMap<>();
            for (List<Coordinate> line : lines) {
                for (Coordinate c : line) {
                    nodes.put(key(c), c);
                }
            }
            return nodes;
        }

        String json() {
            StringBuilder sb = new StringBuilder();
            sb.append("{\"type\": \"FeatureCollection\", \"features\": [\n");
            for (int i = 0; i < lines.size(); i++) {
                sb.append("{\"type\": \"Feature\", \"properties\": {\"class\": \"")
                        .append(arterial.get(i) ? "arterial" : "street")
                        .append("\"}, \"geometry\": {\"type\": \"LineString\", \"coordinates\": ");
                positions(sb, lines.get(i));
                sb.append("}}").append(i + 1 < lines.size() ? ",\n" : "\n");
            }
            return sb.append("]}\n").toString();
        }
    }

    static Roads roads(Geometry city, PreparedGeometry cityPrep, List<Coordinate> centres) {
        Envelope env = city.getEnvelopeInternal();
        double x0 = Math.floor(env.getMinX() / GRID_METERS) * GRID_METERS;
        double y0 = Math.floor(env.getMinY() / GRID_METERS) * GRID_METERS;
        int cols = (int) Math.ceil((env.getMaxX() - x0) / GRID_METERS) + 1;
        int rows = (int) Math.ceil((env.getMaxY() - y0) / GRID_METERS) + 1;

        // Arterials: Delaunay neighbours among the ward centres, when short enough and mostly over land.
        DelaunayTriangulationBuilder delaunay = new DelaunayTriangulationBuilder();
        delaunay.setSites(centres);
        Geometry edges = delaunay.getEdges(GF);
        List<Coordinate[]> arterials = new ArrayList<>();
        for (int i = 0; i < edges.getNumGeometries(); i++) {
            LineString e = (LineString) edges.getGeometryN(i);
            double overLand = e.intersection(city).getLength();
            if (e.getLength() <= MAX_ARTERIAL_METERS && overLand >= 0.85 * e.getLength()) {
                Coordinate a = snapToCentre(e.getCoordinateN(0), centres);
                Coordinate b = snapToCentre(e.getCoordinateN(1), centres);
                arterials.add(compare(a, b) <= 0 ? new Coordinate[] {a, b} : new Coordinate[] {b, a});
            }
        }
        arterials.sort((p, q) -> compare(p[0], q[0]) != 0 ? compare(p[0], q[0]) : compare(p[1], q[1]));

        // Where arterials cross grid rows and columns: shared vertices of both lines.
        Map<Integer, List<Coordinate>> rowExtra = new HashMap<>();
        Map<Integer, List<Coordinate>> colExtra = new HashMap<>();
        List<List<Coordinate>> arterialLines = new ArrayList<>();
        for (Coordinate[] a : arterials) {
            TreeMap<Double, Coordinate> byT = new TreeMap<>();
            byT.put(0.0, a[0]);
            byT.put(1.0, a[1]);
            double dx = a[1].x - a[0].x;
            double dy = a[1].y - a[0].y;
            for (int r = 0; r < rows; r++) {
                double y = y0 + r * GRID_METERS;
                if (dy != 0) {
                    double t = (y - a[0].y) / dy;
                    if (t > 1e-6 && t < 1 - 1e-6) {
                        Coordinate c = new Coordinate(a[0].x + t * dx, y);
                        byT.put(t, c);
                        rowExtra.computeIfAbsent(r, k -> new ArrayList<>()).add(c);
                    }
                }
            }
            for (int col = 0; col < cols; col++) {
                double x = x0 + col * GRID_METERS;
                if (dx != 0) {
                    double t = (x - a[0].x) / dx;
                    if (t > 1e-6 && t < 1 - 1e-6) {
                        Coordinate c = new Coordinate(x, a[0].y + t * dy);
                        byT.put(t, c);
                        colExtra.computeIfAbsent(col, k -> new ArrayList<>()).add(c);
                    }
                }
            }
            arterialLines.add(new ArrayList<>(byT.values()));
        }

        Roads roads = new Roads();
        for (List<Coordinate> line : arterialLines) {
            addClipped(roads, line, cityPrep, true);
        }
        for (int r = 0; r < rows; r++) {
            List<Coordinate> line = new ArrayList<>();
            for (int c = 0; c < cols; c++) {
                line.add(new Coordinate(x0 + c * GRID_METERS, y0 + r * GRID_METERS));
            }
            line.addAll(rowExtra.getOrDefault(r, List.of()));
            line.sort(Comparator.comparingDouble(c -> c.x));
            addClipped(roads, line, cityPrep, false);
        }
        for (int c = 0; c < cols; c++) {
            List<Coordinate> line = new ArrayList<>();
            for (int r = 0; r < rows; r++) {
                line.add(new Coordinate(x0 + c * GRID_METERS, y0 + r * GRID_METERS));
            }
            line.addAll(colExtra.getOrDefault(c, List.of()));
            line.sort(Comparator.comparingDouble(p -> p.y));
            addClipped(roads, line, cityPrep, false);
        }
        connect(roads);
        return roads;
    }

    /** Adds the runs of {@code line} whose segments lie on land inside the city, as separate lines. */
    static void addClipped(Roads roads, List<Coordinate> line, PreparedGeometry city, boolean arterial) {
        List<Coordinate> run = new ArrayList<>();
        for (int i = 0; i + 1 < line.size(); i++) {
            Coordinate a = line.get(i);
            Coordinate b = line.get(i + 1);
            boolean keep = a.distance(b) > 0.01 && city.covers(GF.createLineString(new Coordinate[] {a, b}));
            if (keep) {
                if (run.isEmpty()) {
                    run.add(a);
                }
                run.add(b);
            } else if (!run.isEmpty()) {
                roads.add(run, arterial);
                run = new ArrayList<>();
            }
        }
        if (!run.isEmpty()) {
            roads.add(run, arterial);
        }
    }

    /**
     * Joins every piece of the graph to the largest one with a straight arterial "bridge" between the
     * closest pair of nodes (Tokyo's islands and landfills are joined by bridges and tunnels); pieces
     * further than {@link #MAX_BRIDGE_METERS} away, or of fewer than three nodes, are dropped.
     */
    static void connect(Roads roads) {
        while (true) {
            List<List<String>> parts = components(roads);
            if (parts.size() == 1) {
                return;
            }
            Map<String, Coordinate> nodes = roads.nodes();
            List<String> main = parts.get(0);
            boolean changed = false;
            for (int p = 1; p < parts.size() && !changed; p++) {
                List<String> part = parts.get(p);
                if (part.size() < 3) {
                    continue;
                }
                double best = Double.MAX_VALUE;
                Coordinate[] pair = null;
                for (String a : part) {
                    for (String b : main) {
                        double d = nodes.get(a).distance(nodes.get(b));
                        if (d < best) {
                            best = d;
                            pair = new Coordinate[] {nodes.get(a), nodes.get(b)};
                        }
                    }
                }
                if (best <= MAX_BRIDGE_METERS) {
                    roads.add(List.of(pair), true);
                    changed = true;
                }
            }
            if (!changed) {
                // Whatever is left cannot be joined: drop the lines that do not touch the main part.
                List<String> main0 = parts.get(0);
                Set<String> keep = new HashSet<>(main0);
                for (int i = roads.lines.size() - 1; i >= 0; i--) {
                    if (!keep.contains(key(roads.lines.get(i).get(0)))) {
                        roads.lines.remove(i);
                        roads.arterial.remove(i);
                    }
                }
                return;
            }
        }
    }

    /** Connected parts of the road graph, largest first, each a list of node keys. */
    static List<List<String>> components(Roads roads) {
        Map<String, List<String>> adj = new TreeMap<>();
        for (List<Coordinate> line : roads.lines) {
            for (int i = 0; i + 1 < line.size(); i++) {
                String a = key(line.get(i));
                String b = key(line.get(i + 1));
                adj.computeIfAbsent(a, k -> new ArrayList<>()).add(b);
                adj.computeIfAbsent(b, k -> new ArrayList<>()).add(a);
            }
        }
        Map<String, Integer> seen = new HashMap<>();
        List<List<String>> parts = new ArrayList<>();
        for (String start : adj.keySet()) {
            if (seen.containsKey(start)) {
                continue;
            }
            List<String> part = new ArrayList<>();
            ArrayDeque<String> queue = new ArrayDeque<>();
            queue.add(start);
            seen.put(start, parts.size());
            while (!queue.isEmpty()) {
                String u = queue.poll();
                part.add(u);
                for (String v : adj.get(u)) {
                    if (!seen.containsKey(v)) {
                        seen.put(v, parts.size());
                        queue.add(v);
                    }
                }
            }
            parts.add(part);
        }
        parts.sort(Comparator.comparingInt((List<String> l) -> -l.size()).thenComparing(l -> l.get(0)));
        return parts;
    }

    static Coordinate snapToCentre(Coordinate c, List<Coordinate> centres) {
        for (Coordinate centre : centres) {
            if (centre.distance(c) < 1e-6) {
                return centre;
            }
        }
        return c;
    }

    static int compare(Coordinate a, Coordinate b) {
        return a.x != b.x ? Double.compare(a.x, b.x) : Double.compare(a.y, b.y);
    }

    // ---- bases ---------------------------------------------------------------------------------------------

    static String basesJson(List<Geometry> areas) {
        String[] types = {"police", "fire", "hospital"};
        String[] suffix = {"Police Station", "Fire Station", "General Hospital"};
        List<String> features = new ArrayList<>();
        for (int i = 0; i < WARDS.size(); i++) {
            WardDef w = WARDS.get(i);
            for (int k = 0; k < types.length; k++) {
                Coordinate c = placeInside(areas.get(i), w, BASE_OFFSETS[k][0], BASE_OFFSETS[k][1]);
                features.add(baseFeature(w.id() + "-" + types[k], types[k], w.id(), w.en() + " " + suffix[k], c));
            }
        }
        for (Object[] post : TRAFFIC_POSTS) {
            String wardId = (String) post[0];
            int i = indexOf(wardId);
            WardDef w = WARDS.get(i);
            Coordinate c = placeInside(areas.get(i), w, (Double) post[1], (Double) post[2]);
            features.add(baseFeature(w.id() + "-traffic", "traffic", w.id(), w.en() + " Traffic Control Post", c));
        }
        return collection(features);
    }

    static String baseFeature(String id, String type, String ward, String name, Coordinate c) {
        StringBuilder sb = new StringBuilder();
        sb.append("{\"type\": \"Feature\", \"properties\": {\"id\": \"").append(id).append("\", \"type\": \"")
                .append(type).append("\", \"ward\": \"").append(ward).append("\", \"name\": \"").append(name)
                .append("\"}, \"geometry\": {\"type\": \"Point\", \"coordinates\": ");
        position(sb, c);
        return sb.append("}}").toString();
    }

    /**
     * The point at {@code bearing}/{@code meters} from the ward centre, or, when that is not well inside the
     * ward (150 m from its edge), the first such point turning the bearing by 20° steps and then coming closer.
     */
    static Coordinate placeInside(Geometry area, WardDef w, double bearing, double meters) {
        Coordinate centre = xy(w.lat(), w.lon());
        Geometry inner = area.buffer(-150);
        for (double m = meters; m >= 50; m *= 0.7) {
            for (int step = 0; step < 18; step++) {
                double b = Math.toRadians(bearing + step * 20);
                Coordinate c = new Coordinate(centre.x + m * Math.sin(b), centre.y + m * Math.cos(b));
                if (inner.contains(GF.createPoint(c))) {
                    return c;
                }
            }
        }
        return centre;
    }

    static int indexOf(String wardId) {
        for (int i = 0; i < WARDS.size(); i++) {
            if (WARDS.get(i).id().equals(wardId)) {
                return i;
            }
        }
        throw new IllegalArgumentException(wardId);
    }

    // ---- GeoJSON output -----------------------------------------------------------------------------------

    static String landJson(Geometry land) {
        List<String> features = new ArrayList<>();
        List<Polygon> parts = new ArrayList<>();
        for (int i = 0; i < land.getNumGeometries(); i++) {
            parts.add((Polygon) land.getGeometryN(i));
        }
        parts.sort(Comparator.comparingDouble((Polygon p) -> -p.getArea()));
        for (Polygon p : parts) {
            StringBuilder sb = new StringBuilder("{\"type\": \"Feature\", \"properties\": {}, \"geometry\": ");
            sb.append("{\"type\": \"Polygon\", \"coordinates\": [");
            positions(sb, List.of(p.getExteriorRing().getCoordinates()));
            features.add(sb.append("]}}").toString());
        }
        return collection(features);
    }

    static String wardsJson(List<Geometry> areas) {
        List<String> features = new ArrayList<>();
        for (int i = 0; i < WARDS.size(); i++) {
            WardDef w = WARDS.get(i);
            StringBuilder sb = new StringBuilder();
            sb.append("{\"type\": \"Feature\", \"properties\": {\"id\": \"").append(w.id())
                    .append("\", \"name_en\": \"").append(w.en()).append("\", \"name_ja\": \"").append(w.ja())
                    .append("\", \"centre\": [").append(String.format(Locale.ROOT, "%.4f, %.4f", w.lon(), w.lat()))
                    .append("]}, \"geometry\": {\"type\": \"MultiPolygon\", \"coordinates\": [");
            Geometry area = areas.get(i);
            List<Polygon> parts = new ArrayList<>();
            for (int k = 0; k < area.getNumGeometries(); k++) {
                parts.add((Polygon) area.getGeometryN(k));
            }
            parts.sort(Comparator.comparingDouble((Polygon p) -> -p.getArea()));
            for (int k = 0; k < parts.size(); k++) {
                sb.append(k > 0 ? ", [" : "[");
                positions(sb, List.of(parts.get(k).getExteriorRing().getCoordinates()));
                sb.append("]");
            }
            features.add(sb.append("]}}").toString());
        }
        return collection(features);
    }

    static String collection(List<String> features) {
        return "{\"type\": \"FeatureCollection\", \"features\": [\n" + String.join(",\n", features) + "\n]}\n";
    }

    static void positions(StringBuilder sb, List<Coordinate> cs) {
        sb.append('[');
        for (int i = 0; i < cs.size(); i++) {
            if (i > 0) {
                sb.append(", ");
            }
            position(sb, cs.get(i));
        }
        sb.append(']');
    }

    static void position(StringBuilder sb, Coordinate c) {
        sb.append('[').append(key(c)).append(']');
    }

    /** The written form of a position, {@code lon, lat} to 6 decimals (0.1 m); equal keys are one node. */
    static String key(Coordinate c) {
        double lat = LAT0 + c.y / M_LAT;
        double lon = LON0 + c.x / M_LON;
        return String.format(Locale.ROOT, "%.6f, %.6f", lon, lat);
    }

    static Coordinate xy(double lat, double lon) {
        return new Coordinate((lon - LON0) * M_LON, (lat - LAT0) * M_LAT);
    }

    static Coordinate[] ring(double[][] latLon) {
        Coordinate[] cs = new Coordinate[latLon.length];
        for (int i = 0; i < latLon.length; i++) {
            cs[i] = xy(latLon[i][0], latLon[i][1]);
        }
        return cs;
    }

    static void write(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
