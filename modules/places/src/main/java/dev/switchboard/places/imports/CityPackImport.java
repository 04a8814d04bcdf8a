package dev.switchboard.places.imports;

import dev.switchboard.core.error.InputException;
import dev.switchboard.core.geo.LatLon;
import dev.switchboard.places.BaseType;
import dev.switchboard.places.Bounds;
import dev.switchboard.places.CityPack;
import dev.switchboard.places.CityPacks;
import dev.switchboard.places.RoadClass;
import dev.switchboard.places.RoadNetwork;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.operation.union.UnaryUnionOp;
import org.locationtech.jts.triangulate.DelaunayTriangulationBuilder;

/**
 * Builds a city pack (the format of {@code resources/city/README.md}) from standard data: district boundaries as
 * GeoJSON (Japan's N03 or any polygons with a name), roads from OpenStreetMap or GeoJSON, places and bases. The
 * pack is written to a new folder next to the target, loaded back and checked, and only then moved into place, so
 * a failed import leaves nothing behind and never overwrites a folder.
 */
public final class CityPackImport {

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9_-]*");

    /**
     * What to import.
     *
     * @param wards          district boundaries (GeoJSON); required
     * @param roads          roads ({@code .osm}, {@code .osm.pbf} or {@code .geojson}), or null for straight
     *                       placeholder arterials between the districts
     * @param places         named places (GeoJSON or OSM), or null
     * @param bases          stations (GeoJSON Points with {@code type} and {@code name}), or null to take them from
     *                       the places
     * @param land           land polygons (GeoJSON), or null for the districts' own area
     * @param id             the pack's id (lower-case letters, digits, {@code -}, {@code _})
     * @param name           the pack's display name
     * @param out            the folder to create; must not exist or be empty
     * @param nameProperty   the districts' local-name property, or null to find it (N03_004, name_ja, name, ...)
     * @param nameEnProperty the districts' English-name property, or null to find it (name_en, name_romaji, ...)
     * @param codeProperty   the districts' code property, or null to find it (N03_007, code, id)
     * @param where          keep only district features whose property matches the pattern (all must match)
     * @param bounds         the pack's bounds, or null for the districts' extent plus a margin
     * @param simplifyMeters Douglas-Peucker tolerance for road shapes between junctions; 0 keeps every vertex
     * @param credits        attribution to show with the map, or null to write one from the sources
     */
    public record Options(Path wards, Path roads, Path places, Path bases, Path land, String id, String name,
                          Path out, String nameProperty, String nameEnProperty, String codeProperty,
                          Map<String, String> where, Bounds bounds, double simplifyMeters, String credits) {
        public Options {
            Objects.requireNonNull(wards, "wards");
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(out, "out");
            where = where == null ? Map.of() : Map.copyOf(where);
        }

        /** Districts and roads only, everything else found or defaulted. */
        public static Options of(Path wards, Path roads, String id, String name, Path out) {
            return new Options(wards, roads, null, null, null, id, name, out, null, null, null, Map.of(), null, 2,
                    null);
        }

        public Options withPlaces(Path file) {
            return new Options(wards, roads, file, bases, land, id, name, out, nameProperty, nameEnProperty,
                    codeProperty, where, bounds, simplifyMeters, credits);
        }

        public Options withNames(String local, String english, String code) {
            return new Options(wards, roads, places, bases, land, id, name, out, local, english, code, where,
                    bounds, simplifyMeters, credits);
        }

        public Options withBounds(Bounds b) {
            return new Options(wards, roads, places, bases, land, id, name, out, nameProperty, nameEnProperty,
                    codeProperty, where, b, simplifyMeters, credits);
        }
    }

    /** What an import made and dropped, for the summary printed to the user. */
    public record Summary(Path folder, CityPack pack, int districtFeatures, int districtsUnnamed,
                          int districtsFiltered, int labelsMoved, RoadStats roads, boolean placeholderRoads,
                          Map<BaseType, int[]> bases, Map<String, Integer> placeKinds, int placesOutside) {

        /** Total road length of one class in km. */
        public double roadKm(RoadClass cls) {
            return roads.km.getOrDefault(cls, 0.0);
        }

        /** Junctions of the routable road network. */
        public int junctions() {
            return roads.junctions;
        }

        /** The summary as lines of text. */
        public List<String> lines() {
            List<String> out = new ArrayList<>();
            out.add(String.format(Locale.ROOT, "City pack '%s' (%s) written to %s", pack.id(), pack.name(), folder));
            out.add(String.format(Locale.ROOT, "  districts: %d (from %d features; %d without a name and %d by "
                    + "--where left out; %d label points moved inside their district)", pack.wards().size(),
                    districtFeatures, districtsUnnamed, districtsFiltered, labelsMoved));
            double total = 0;
            StringBuilder byClass = new StringBuilder();
            for (RoadClass c : RoadClass.values()) {
                total += roadKm(c);
                byClass.append(byClass.length() > 0 ? ", " : "").append(String.format(Locale.ROOT, "%s %.1f km",
                        c.fileName(), roadKm(c)));
            }
            if (placeholderRoads) {
                out.add(String.format(Locale.ROOT, "  roads: none given; %d straight placeholder arterials between "
                        + "the districts (%.1f km)", roads.stretches, total));
            } else {
                out.add(String.format(Locale.ROOT, "  roads: %.1f km (%s) in %d stretches; %d junctions, %d nodes, "
                        + "%d one-way segments", total, byClass, roads.stretches, roads.junctions, roads.nodes,
                        roads.onewaySegments));
                out.add(String.format(Locale.ROOT, "  read: %d ways, %d roads (%d bridges, %d tunnels, %d one-way); "
                        + "%d other highways (paths, service roads, ...) and %d private roads skipped",
                        roads.waysRead, roads.roadWays, roads.bridges, roads.tunnels, roads.onewayWays,
                        roads.otherHighways, roads.restricted));
                out.add(String.format(Locale.ROOT, "  dropped: %d stretches (%.1f km) not connected both ways to the "
                        + "largest part; %d stretches wholly outside the bounds (%d cut at the edge); %d references "
                        + "to nodes missing from the file; %d distinct nodes at one position moved 1 cm apart",
                        roads.droppedStretches, roads.droppedKm, roads.piecesOutside, roads.stretchesClipped,
                        roads.missingNodes, roads.coincidentNodes));
            }
            StringBuilder b = new StringBuilder();
            for (Map.Entry<BaseType, int[]> e : bases.entrySet()) {
                b.append(b.length() > 0 ? ", " : "").append(e.getKey().name().toLowerCase(Locale.ROOT)).append(' ')
                        .append(e.getValue()[0]);
                if (e.getValue()[1] > 0) {
                    b.append(" (").append(e.getValue()[1]).append(" placeholders)");
                }
            }
            out.add("  bases: " + b);
            int places = placeKinds.values().stream().mapToInt(Integer::intValue).sum();
            out.add("  places: " + places + (placeKinds.isEmpty() ? "" : " " + new TreeMap<>(placeKinds))
                    + (placesOutside > 0 ? "; " + placesOutside + " outside the districts" : ""));
            return out;
        }
    }

    private CityPackImport() {
    }

    /**
     * Imports, writes and checks the pack.
     *
     * @throws InputException naming the file, the feature and the reason when an input is refused, or the folder
     *                        when it exists already
     */
    public static Summary run(Options o, ImportProgress progress) {
        if (!ID.matcher(o.id()).matches()) {
            throw InputException.field("--id", "must be lower-case letters, digits, '-' or '_', was '" + o.id() + "'");
        }
        if (o.name().isBlank()) {
            throw InputException.field("--name", "must not be blank");
        }
        checkTarget(o.out());
        Map<String, Pattern> where = new LinkedHashMap<>();
        o.where().forEach((k, v) -> where.put(k, Pattern.compile(v)));
        progress.step("districts", "reading " + o.wards());
        DistrictImport.Result districts = DistrictImport.read(o.wards(),
                new DistrictImport.Naming(o.nameProperty(), o.nameEnProperty(), o.codeProperty(), where), progress);
        Bounds bounds = o.bounds() != null ? o.bounds() : boundsAround(districts.districts());
        BaseImport.Locator locator = new BaseImport.Locator(districts.districts());

        RoadImport.Result roads;
        boolean placeholderRoads = o.roads() == null;
        if (placeholderRoads) {
            roads = placeholderRoads(districts.districts(), bounds, progress);
        } else if (OsmInput.isOsm(o.roads())) {
            roads = RoadImport.fromOsm(o.roads(), bounds, o.simplifyMeters(), progress);
        } else {
            roads = RoadImport.fromGeoJson(o.roads(), bounds, o.simplifyMeters(), progress);
        }

        List<PlaceImport.Found> places = o.places() == null ? List.of()
                : PlaceImport.read(o.places(), bounds, progress);
        List<BaseImport.Found> bases = o.bases() != null ? BaseImport.read(o.bases(), locator)
                : BaseImport.fromPlaces(places, locator);
        bases = BaseImport.completed(bases, districts.districts());

        Geometry land = o.land() != null ? readLand(o.land(), bounds)
                : UnaryUnionOp.union(districts.districts().stream().map(DistrictImport.District::area).toList());

        String credits = o.credits() != null ? o.credits() : credits(o, districts, placeholderRoads, bases);
        Path temp = o.out().toAbsolutePath().resolveSibling("." + o.out().getFileName() + ".importing");
        try {
            deleteTree(temp);
            Files.createDirectories(temp);
            progress.step("write", "writing the pack");
            PackWriter.write(temp, o.id(), o.name(), bounds, credits, districts.districts(), land, roads.roads(),
                    bases, places, locator);
            progress.step("check", "loading the pack back to check it");
            CityPack pack = CityPacks.load(temp);
            if (Files.isDirectory(o.out())) {
                Files.delete(o.out());
            }
            Files.createDirectories(o.out().toAbsolutePath().getParent());
            Files.move(temp, o.out(), StandardCopyOption.ATOMIC_MOVE);
            return summary(o, pack, districts, roads, placeholderRoads, bases, places, locator);
        } catch (IOException e) {
            throw new InputException(o.out(), 0, null, "cannot be written: " + e.getMessage());
        } finally {
            try {
                deleteTree(temp);
            } catch (IOException e) {
                // Left behind only when the disk failed; the next import clears it.
            }
        }
    }

    private static Summary summary(Options o, CityPack pack, DistrictImport.Result districts, RoadImport.Result roads,
                                   boolean placeholderRoads, List<BaseImport.Found> bases,
                                   List<PlaceImport.Found> places, BaseImport.Locator locator) {
        Map<BaseType, int[]> byType = new EnumMap<>(BaseType.class);
        for (BaseImport.Found b : bases) {
            int[] n = byType.computeIfAbsent(b.type(), t -> new int[2]);
            n[0]++;
            n[1] += b.placeholder() ? 1 : 0;
        }
        Map<String, Integer> kinds = new LinkedHashMap<>();
        int outside = 0;
        for (PlaceImport.Found p : places) {
            kinds.merge(p.kind(), 1, Integer::sum);
            outside += locator.districtAt(p.position()) == null ? 1 : 0;
        }
        int moved = (int) districts.districts().stream().filter(DistrictImport.District::labelMoved).count();
        return new Summary(o.out(), pack, districts.features(), districts.skippedUnnamed(),
                districts.skippedByFilter(), moved, roads.stats(), placeholderRoads, byType, kinds, outside);
    }

    private static void checkTarget(Path out) {
        if (Files.exists(out)) {
            boolean empty;
            try (Stream<Path> s = Files.list(out)) {
                empty = s.findAny().isEmpty();
            } catch (IOException e) {
                empty = false;
            }
            if (!Files.isDirectory(out) || !empty) {
                throw new InputException(out, 0, "--out", "exists already; give a new folder (an import never "
                        + "writes over files)");
            }
        }
    }

    /** The districts' extent plus 2 % (at least about 500 m) on every side. */
    static Bounds boundsAround(List<DistrictImport.District> districts) {
        Envelope e = new Envelope();
        districts.forEach(d -> e.expandToInclude(d.area().getEnvelopeInternal()));
        double margin = Math.max(0.005, 0.02 * Math.max(e.getWidth(), e.getHeight()));
        return new Bounds(Math.max(-90, e.getMinY() - margin), Math.max(-180, e.getMinX() - margin),
                Math.min(90, e.getMaxY() + margin), Math.min(180, e.getMaxX() + margin));
    }

    private static Geometry readLand(Path file, Bounds b) {
        List<Geometry> parts = new ArrayList<>();
        GeoJsonInput.read(file, f -> parts.add(GeoJsonInput.geometry(f, "Polygon", "MultiPolygon")));
        Geometry box = GeoJsonInput.GEOMETRY.toGeometry(new Envelope(b.west(), b.east(), b.south(), b.north()));
        return UnaryUnionOp.union(parts).intersection(box);
    }

    /** Straight arterials between neighbouring districts' label points (Delaunay), when no roads were given. */
    private static RoadImport.Result placeholderRoads(List<DistrictImport.District> districts, Bounds bounds,
                                                      ImportProgress progress) {
        List<RoadNetwork.Road> roads = new ArrayList<>();
        List<Coordinate> sites = districts.stream().map(DistrictImport.District::label).toList();
        if (sites.size() >= 2) {
            DelaunayTriangulationBuilder delaunay = new DelaunayTriangulationBuilder();
            delaunay.setSites(sites);
            Geometry edges = delaunay.getEdges(GeoJsonInput.GEOMETRY);
            for (int i = 0; i < edges.getNumGeometries(); i++) {
                LineString e = (LineString) edges.getGeometryN(i);
                roads.add(new RoadNetwork.Road(List.of(latLon(e.getCoordinateN(0)), latLon(e.getCoordinateN(1))),
                        RoadClass.ARTERIAL));
            }
        } else {
            Coordinate c = sites.get(0);
            roads.add(new RoadNetwork.Road(List.of(latLon(new Coordinate(c.x - 0.005, c.y)), latLon(c),
                    latLon(new Coordinate(c.x + 0.005, c.y))), RoadClass.ARTERIAL));
        }
        RoadStats stats = new RoadStats();
        stats.stretches = roads.size();
        for (RoadNetwork.Road r : roads) {
            stats.km.merge(RoadClass.ARTERIAL, r.points().get(0).distanceMeters(r.points().get(1)) / 1000,
                    Double::sum);
        }
        progress.step("roads", "no roads given: " + roads.size() + " placeholder arterials");
        return new RoadImport.Result(roads, stats);
    }

    private static LatLon latLon(Coordinate c) {
        return new LatLon(RoadImport.round7(c.y), RoadImport.round7(c.x));
    }

    private static String credits(Options o, DistrictImport.Result districts, boolean placeholderRoads,
                                  List<BaseImport.Found> bases) {
        List<String> parts = new ArrayList<>();
        boolean n03 = isN03(o.wards());
        parts.add("Districts: " + (n03 ? "「国土数値情報（行政区域データ）」（国土交通省） (" + o.wards().getFileName() + ")"
                : o.wards().getFileName().toString()));
        if (placeholderRoads) {
            parts.add("Roads: placeholders, straight lines between districts (not real streets)");
        } else {
            parts.add("Roads: " + o.roads().getFileName() + (OsmInput.isOsm(o.roads())
                    ? ", © OpenStreetMap contributors, ODbL 1.0" : ""));
        }
        if (o.places() != null) {
            parts.add("Places: " + o.places().getFileName() + (OsmInput.isOsm(o.places())
                    ? ", © OpenStreetMap contributors, ODbL 1.0" : ""));
        }
        long placeholders = bases.stream().filter(BaseImport.Found::placeholder).count();
        if (placeholders > 0) {
            parts.add(placeholders + " bases are placeholders (not real stations)");
        }
        if (o.land() == null) {
            parts.add("Land: the districts' own area");
        }
        return String.join(". ", parts) + ". Imported with Switchboard.";
    }

    private static boolean isN03(Path file) {
        boolean[] found = new boolean[1];
        try {
            GeoJsonInput.read(file, f -> {
                if (!found[0] && f.properties().has("N03_001")) {
                    found[0] = true;
                }
            });
        } catch (InputException e) {
            return false;
        }
        return found[0];
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.delete(p);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
