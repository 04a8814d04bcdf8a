package dev.switchboard.places.imports;

import dev.switchboard.core.error.InputException;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.locationtech.jts.algorithm.construct.MaximumInscribedCircle;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.union.UnaryUnionOp;

/**
 * District boundaries from GeoJSON: Japan's official N03 administrative boundaries (国土数値情報 行政区域, properties
 * {@code N03_001}…{@code N03_007}: prefecture, …, municipality name, municipal code) or any FeatureCollection of
 * polygons with a name property. Features of one district (N03 gives each island of a ward as its own feature)
 * are joined by code, or by name when there is no code, with a JTS union.
 */
final class DistrictImport {

    /** Property names tried, in order, when the option does not name one. */
    private static final List<String> LOCAL_NAMES = List.of("N03_004", "name_ja", "name_local", "name", "NAME",
            "nam_ja", "NAME_1");
    private static final List<String> ENGLISH_NAMES = List.of("name_en", "name:en", "name_romaji", "NAME_EN",
            "romaji", "nam");
    private static final List<String> CODES = List.of("N03_007", "code", "CODE", "id", "ID");
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9_-]*");
    private static final Pattern SUFFIX = Pattern.compile("(?i)[- ](ku|shi|cho|machi|mura|son|gun|ward|city)$");

    /** Which properties hold the names and the code; null means "find it". */
    record Naming(String localName, String englishName, String code, Map<String, Pattern> where) {
    }

    /** One district ready for the pack: union of its features, and a label point inside it. */
    record District(String id, String nameEn, String nameLocal, String code, Geometry area, Coordinate label,
                    int features, boolean labelMoved) {
    }

    /** What reading the districts found. */
    record Result(List<District> districts, int features, int skippedUnnamed, int skippedByFilter) {
    }

    private DistrictImport() {
    }

    static Result read(Path file, Naming naming, ImportProgress progress) {
        Map<String, Group> groups = new LinkedHashMap<>();
        int[] counts = new int[3];
        GeoJsonInput.read(file, f -> {
            counts[0]++;
            for (Map.Entry<String, Pattern> w : naming.where().entrySet()) {
                String v = f.text(w.getKey());
                if (v == null || !w.getValue().matcher(v).matches()) {
                    counts[2]++;
                    return;
                }
            }
            String local = property(f, naming.localName(), LOCAL_NAMES, "name");
            if (local != null && f.text("N03_005") != null) {
                // From 2024 N03 names a designated city's ward in N03_005 and the city in N03_004.
                local = local + f.text("N03_005");
            }
            String english = property(f, naming.englishName(), ENGLISH_NAMES, "English name");
            String code = property(f, naming.code(), CODES, "code");
            if (local == null && english == null) {
                // N03 lists land whose municipality is undecided (所属未定地) without a name: not a district.
                counts[1]++;
                return;
            }
            Geometry g = GeoJsonInput.geometry(f, "Polygon", "MultiPolygon");
            String key = code != null ? "code:" + code : "name:" + (local != null ? local : english);
            Group group = groups.computeIfAbsent(key, k -> new Group());
            group.parts.add(g);
            group.local = group.local != null ? group.local : local;
            group.english = group.english != null ? group.english : english;
            group.code = code;
            group.label = group.label != null ? group.label : labelOf(f);
            if (counts[0] % 500 == 0) {
                progress.step("districts", counts[0] + " features read");
            }
        });
        if (groups.isEmpty()) {
            throw new InputException(file, 1, "features", counts[0] == 0 ? "has no features"
                    : "has no feature with a name (tried " + String.join(", ", LOCAL_NAMES)
                    + "; name the property with --name-property)");
        }
        List<District> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (Group g : groups.values()) {
            Geometry area = UnaryUnionOp.union(g.parts);
            String english = g.english != null ? englishName(g.english) : g.local;
            String local = g.local != null ? g.local : english;
            String id = idFor(english, g.code, ids);
            Coordinate label = g.label;
            boolean moved = false;
            if (label == null || !area.covers(GeoJsonInput.GEOMETRY.createPoint(label))) {
                moved = label != null;
                label = inside(area);
            }
            out.add(new District(id, english, local, g.code, area, label, g.parts.size(), moved));
        }
        return new Result(out, counts[0], counts[1], counts[2]);
    }

    /** A point well inside the area: the centre of the largest circle inside its largest piece. */
    static Coordinate inside(Geometry area) {
        Polygon largest = null;
        for (int i = 0; i < area.getNumGeometries(); i++) {
            Geometry part = area.getGeometryN(i);
            if (part instanceof Polygon p && (largest == null || p.getArea() > largest.getArea())) {
                largest = p;
            }
        }
        Geometry target = largest != null ? largest : area;
        Point centre = MaximumInscribedCircle.getCenter(target, 1e-5);
        return centre.getCoordinate();
    }

    private static Coordinate labelOf(GeoJsonInput.Feature f) {
        for (String[] pair : new String[][] {{"label_lon", "label_lat"}, {"osm_label_lon", "osm_label_lat"}}) {
            double lon = f.number(pair[0]);
            double lat = f.number(pair[1]);
            if (!Double.isNaN(lon) && !Double.isNaN(lat)) {
                return new Coordinate(lon, lat);
            }
        }
        var centre = f.properties().get("centre");
        if (centre != null && centre.isArray() && centre.size() == 2 && centre.get(0).isNumber()) {
            return new Coordinate(centre.get(0).asDouble(), centre.get(1).asDouble());
        }
        return null;
    }

    private static String property(GeoJsonInput.Feature f, String chosen, List<String> candidates, String what) {
        if (chosen != null) {
            if (!f.properties().has(chosen)) {
                throw f.fail("properties." + chosen, "is missing (chosen as the " + what + " property)");
            }
            return f.text(chosen);
        }
        for (String c : candidates) {
            String v = f.text(c);
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    /** "Chūō-ku" → "Chuo", "Shibuya Ward" → "Shibuya": what a dispatcher says. */
    static String englishName(String name) {
        String plain = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String stripped = SUFFIX.matcher(plain.strip()).replaceFirst("");
        return stripped.isBlank() ? plain.strip() : stripped;
    }

    private static String idFor(String english, String code, Set<String> taken) {
        String slug = Normalizer.normalize(english, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        String id = ID.matcher(slug).matches() ? slug : code != null ? "c" + code.toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-") : "district";
        if (!ID.matcher(id).matches()) {
            id = "district";
        }
        String unique = id;
        for (int n = 2; !taken.add(unique); n++) {
            unique = code != null && n == 2 ? id + "-" + code : id + "-" + n;
        }
        return unique;
    }

    private static final class Group {
        final List<Geometry> parts = new ArrayList<>();
        String local;
        String english;
        String code;
        Coordinate label;
    }
}
