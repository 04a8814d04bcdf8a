package dev.switchboard.places;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.core.error.InputException;
import dev.switchboard.core.geo.LatLon;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a city pack (the format of {@code resources/city/README.md}) and checks it, so that every problem
 * is reported as an {@link InputException} naming the file, the line of the feature where known, and the field.
 */
final class CityPackReader {

    static final String MANIFEST = "manifest.json";
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9_-]*");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private CityPackReader() {
    }

    /** Where the files of a pack are read from. */
    interface Source {
        /** Opens {@code name}; throws {@link NoSuchFileException} when it does not exist. */
        InputStream open(String name) throws IOException;

        /** The path shown to the user for {@code name}. */
        Path describe(String name);

        static Source folder(Path dir) {
            return new Source() {
                @Override
                public InputStream open(String name) throws IOException {
                    return Files.newInputStream(dir.resolve(name));
                }

                @Override
                public Path describe(String name) {
                    return dir.resolve(name);
                }
            };
        }

        static Source classpath(String folder) {
            return new Source() {
                @Override
                public InputStream open(String name) throws IOException {
                    InputStream in = CityPackReader.class.getResourceAsStream(folder + name);
                    if (in == null) {
                        throw new NoSuchFileException(folder + name);
                    }
                    return in;
                }

                @Override
                public Path describe(String name) {
                    // A relative path such as city/tokyo/wards.geojson: valid on every OS, unlike "classpath:…".
                    return Path.of((folder + name).replaceFirst("^/+", ""));
                }
            };
        }
    }

    /** A JSON object with the line each of its top-level fields starts on. */
    private record Located(Path file, JsonNode node, int line, String path) {
    }

    static CityPack read(Source source) {
        Path manifestPath = source.describe(MANIFEST);
        Map<String, Integer> lines = new HashMap<>();
        JsonNode manifest = readManifest(source, manifestPath, lines);
        Located m = new Located(manifestPath, manifest, 1, "");
        String id = text(m, "id", lines);
        if (!ID.matcher(id).matches()) {
            throw fail(m, "id", lines, "must be lower-case letters, digits, '-' or '_', was '" + id + "'");
        }
        String name = text(m, "name", lines);
        text(m, "version", lines);
        String credits = manifest.path("credits").isTextual() ? manifest.get("credits").asText() : "";
        JsonNode b = require(m, "bounds", lines);
        if (!b.isObject()) {
            throw fail(m, "bounds", lines, "must be an object with south, west, north and east");
        }
        Located bl = new Located(manifestPath, b, line(lines, "bounds"), "bounds.");
        Bounds bounds;
        try {
            bounds = new Bounds(number(bl, "south", -90, 90), number(bl, "west", -180, 180),
                    number(bl, "north", -90, 90), number(bl, "east", -180, 180));
        } catch (IllegalArgumentException e) {
            throw new InputException(manifestPath, line(lines, "bounds"), "bounds", e.getMessage());
        }
        JsonNode files = require(m, "files", lines);
        Located fl = new Located(manifestPath, files, line(lines, "files"), "files.");
        String wardsFile = fileName(fl, "wards");
        String landFile = fileName(fl, "land");
        String roadsFile = fileName(fl, "roads");
        String basesFile = fileName(fl, "bases");
        String gazetteerFile = optionalFileName(fl, "gazetteer");
        String placesFile = optionalFileName(fl, "places");

        List<Ward> wards = readWards(source, wardsFile);
        List<List<LatLon>> land = readLand(source, landFile);
        RoadNetwork roads = readRoads(source, roadsFile);
        Map<String, Ward> wardIds = new HashMap<>();
        for (Ward w : wards) {
            wardIds.put(w.id(), w);
        }
        List<Base> bases = readBases(source, basesFile, wardIds);
        Gazetteer.Builder gazetteer = new Gazetteer.Builder(wards);
        if (gazetteerFile != null) {
            readGazetteer(source, gazetteerFile, gazetteer);
        }
        if (placesFile != null) {
            readPlaces(source, placesFile, wardIds, gazetteer);
        }
        return new CityPack(id, name, wards, land, roads, bases, bounds, credits, gazetteer.build());
    }

    private static String optionalFileName(Located files, String key) {
        return files.node().hasNonNull(key) ? fileName(files, key) : null;
    }

    private static void readGazetteer(Source source, String name, Gazetteer.Builder gazetteer) {
        Path file = source.describe(name);
        try (InputStream in = source.open(name)) {
            gazetteer.readJson(MAPPER.readTree(in), file);
        } catch (JsonProcessingException e) {
            throw syntax(file, e);
        } catch (NoSuchFileException e) {
            throw new InputException(file, 0, null, "not found (named in " + MANIFEST + ")");
        } catch (IOException e) {
            throw new InputException(file, 0, null, "cannot be read: " + e.getMessage());
        }
    }

    /** Named places: Point features with {@code name}, optional {@code kind}, {@code ward} and {@code aliases}. */
    private static void readPlaces(Source source, String name, Map<String, Ward> wards, Gazetteer.Builder gazetteer) {
        for (Located f : features(source, name)) {
            Located props = properties(f);
            String placeName = text(props, "name", null);
            String kind = props.node().path("kind").asText("landmark").strip().toLowerCase(Locale.ROOT);
            String wardId = props.node().hasNonNull("ward") ? text(props, "ward", null) : null;
            if (wardId != null && !wards.containsKey(wardId)) {
                throw fail(props, "ward", null, "names no ward of the pack: '" + wardId + "'");
            }
            List<String> aliases = new ArrayList<>();
            for (JsonNode a : props.node().path("aliases")) {
                if (!a.isTextual()) {
                    throw fail(props, "aliases", null, "must be an array of strings");
                }
                aliases.add(a.asText());
            }
            Located geometry = geometry(f);
            if (!geometry.node().path("type").asText().equals("Point")) {
                throw fail(geometry, "type", null, "must be Point");
            }
            gazetteer.addPlace(placeName, kind, wardId, position(geometry, coordinates(geometry), "coordinates"),
                    aliases);
        }
    }

    private static JsonNode readManifest(Source source, Path file, Map<String, Integer> lines) {
        try (InputStream in = source.open(MANIFEST); JsonParser parser = MAPPER.getFactory().createParser(in)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new InputException(file, lineOf(parser), null, "must be a JSON object");
            }
            Map<String, JsonNode> fields = new LinkedHashMap<>();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                lines.put(field, lineOf(parser));
                parser.nextToken();
                fields.put(field, MAPPER.readTree(parser));
            }
            return MAPPER.valueToTree(fields);
        } catch (JsonProcessingException e) {
            throw syntax(file, e);
        } catch (NoSuchFileException e) {
            throw new InputException(file, 0, null, "not found; a city pack folder needs a " + MANIFEST);
        } catch (IOException e) {
            throw new InputException(file, 0, null, "cannot be read: " + e.getMessage());
        }
    }

    private static String fileName(Located files, String key) {
        JsonNode v = files.node().get(key);
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            throw new InputException(files.file(), files.line(), "files." + key,
                    "must name the " + key + " GeoJSON file");
        }
        String name = v.asText();
        if (name.contains("..") || name.startsWith("/") || name.contains("\\")) {
            throw new InputException(files.file(), files.line(), "files." + key,
                    "must be a file name inside the pack folder, was '" + name + "'");
        }
        return name;
    }

    // ---- GeoJSON --------------------------------------------------------------------------------------

    /** Reads a FeatureCollection, keeping the line each feature starts on. */
    private static List<Located> features(Source source, String name) {
        Path file = source.describe(name);
        List<Located> out = new ArrayList<>();
        try (InputStream in = source.open(name)) {
            GeoJsonFeatures.forEach(file, in,
                    (i, line, feature) -> out.add(new Located(file, feature, line, "features[" + i + "].")));
            return out;
        } catch (JsonProcessingException e) {
            throw syntax(file, e);
        } catch (NoSuchFileException e) {
            throw new InputException(file, 0, null, "not found (named in " + MANIFEST + ")");
        } catch (IOException e) {
            throw new InputException(file, 0, null, "cannot be read: " + e.getMessage());
        }
    }

    private static List<Ward> readWards(Source source, String name) {
        List<Located> features = features(source, name);
        if (features.isEmpty()) {
            throw new InputException(source.describe(name), 1, "features", "needs at least one ward");
        }
        List<Ward> wards = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (Located f : features) {
            Located props = properties(f);
            String id = text(props, "id", null);
            if (!ID.matcher(id).matches()) {
                throw fail(props, "id", null, "must be lower-case letters, digits, '-' or '_', was '" + id + "'");
            }
            if (!ids.add(id)) {
                throw fail(props, "id", null, "repeats ward id '" + id + "'");
            }
            String nameEn = text(props, "name_en", null);
            String nameJa = text(props, "name_ja", null);
            LatLon centre = position(props, props.node().get("centre"), "centre");
            List<List<LatLon>> area = polygons(f);
            wards.add(new Ward(id, nameEn, nameJa, centre, area));
        }
        return wards;
    }

    private static List<List<LatLon>> readLand(Source source, String name) {
        List<List<LatLon>> rings = new ArrayList<>();
        for (Located f : features(source, name)) {
            rings.addAll(polygons(f));
        }
        return rings;
    }

    private static RoadNetwork readRoads(Source source, String name) {
        List<RoadNetwork.Road> roads = new ArrayList<>();
        for (Located f : features(source, name)) {
            Located props = properties(f);
            String cls = text(props, "class", null).toLowerCase(Locale.ROOT);
            RoadClass roadClass = switch (cls) {
                case "motorway" -> RoadClass.MOTORWAY;
                case "arterial" -> RoadClass.ARTERIAL;
                case "street" -> RoadClass.STREET;
                default -> throw fail(props, "class", null,
                        "must be motorway, arterial or street, was '" + cls + "'");
            };
            JsonNode onewayNode = props.node().get("oneway");
            if (onewayNode != null && !onewayNode.isNull() && !onewayNode.isBoolean()) {
                throw fail(props, "oneway", null, "must be true or false");
            }
            boolean oneway = onewayNode != null && onewayNode.asBoolean(false);
            Located geometry = geometry(f);
            String type = geometry.node().path("type").asText();
            JsonNode coords = coordinates(geometry);
            if (type.equals("LineString")) {
                roads.add(new RoadNetwork.Road(line(geometry, coords, "coordinates"), roadClass, oneway));
            } else if (type.equals("MultiLineString")) {
                for (int i = 0; i < coords.size(); i++) {
                    roads.add(new RoadNetwork.Road(line(geometry, coords.get(i), "coordinates[" + i + "]"), roadClass,
                            oneway));
                }
            } else {
                throw fail(geometry, "type", null, "must be LineString or MultiLineString, was '" + type + "'");
            }
        }
        if (roads.isEmpty()) {
            throw new InputException(source.describe(name), 1, "features", "needs at least one road");
        }
        return new RoadNetwork(roads);
    }

    private static List<Base> readBases(Source source, String name, Map<String, Ward> wards) {
        List<Base> bases = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        Map<String, Integer> counters = new HashMap<>();
        for (Located f : features(source, name)) {
            Located props = properties(f);
            String typeText = text(props, "type", null);
            BaseType type;
            try {
                type = BaseType.valueOf(typeText.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw fail(props, "type", null, "must be police, fire, hospital or traffic, was '" + typeText + "'");
            }
            String wardId = text(props, "ward", null);
            if (!wards.containsKey(wardId)) {
                throw fail(props, "ward", null, "names no ward of the pack: '" + wardId + "'");
            }
            String baseName = text(props, "name", null);
            String id;
            if (props.node().hasNonNull("id")) {
                id = text(props, "id", null);
            } else {
                String prefix = wardId + "-" + type.name().toLowerCase(Locale.ROOT);
                id = prefix + "-" + counters.merge(prefix, 1, Integer::sum);
            }
            if (!ids.add(id)) {
                throw fail(props, "id", null, "repeats base id '" + id + "'");
            }
            Located geometry = geometry(f);
            if (!geometry.node().path("type").asText().equals("Point")) {
                throw fail(geometry, "type", null, "must be Point");
            }
            LatLon position = position(geometry, coordinates(geometry), "coordinates");
            bases.add(new Base(id, type, wardId, baseName, position));
        }
        return bases;
    }

    /** The outer rings of a Polygon or MultiPolygon feature (holes are ignored). */
    private static List<List<LatLon>> polygons(Located feature) {
        Located geometry = geometry(feature);
        String type = geometry.node().path("type").asText();
        JsonNode coords = coordinates(geometry);
        List<List<LatLon>> rings = new ArrayList<>();
        if (type.equals("Polygon")) {
            rings.add(ring(geometry, coords, "coordinates"));
        } else if (type.equals("MultiPolygon")) {
            for (int i = 0; i < coords.size(); i++) {
                rings.add(ring(geometry, coords.get(i), "coordinates[" + i + "]"));
            }
        } else {
            throw fail(geometry, "type", null, "must be Polygon or MultiPolygon, was '" + type + "'");
        }
        return rings;
    }

    private static List<LatLon> ring(Located geometry, JsonNode polygon, String field) {
        if (polygon == null || !polygon.isArray() || polygon.isEmpty()) {
            throw fail(geometry, field, null, "must be an array of rings");
        }
        List<LatLon> ring = line(geometry, polygon.get(0), field + "[0]");
        if (ring.size() < 4) {
            throw fail(geometry, field + "[0]", null, "a ring needs at least 4 positions");
        }
        return ring;
    }

    private static List<LatLon> line(Located geometry, JsonNode positions, String field) {
        if (positions == null || !positions.isArray() || positions.size() < 2) {
            throw fail(geometry, field, null, "must be an array of at least two [lon, lat] positions");
        }
        List<LatLon> out = new ArrayList<>(positions.size());
        for (int i = 0; i < positions.size(); i++) {
            out.add(position(geometry, positions.get(i), field + "[" + i + "]"));
        }
        return out;
    }

    /** A GeoJSON position, {@code [lon, lat]}. */
    private static LatLon position(Located owner, JsonNode v, String field) {
        if (v == null || !v.isArray() || v.size() < 2 || !v.get(0).isNumber() || !v.get(1).isNumber()) {
            throw fail(owner, field, null, "must be a [lon, lat] position of two numbers");
        }
        double lon = v.get(0).asDouble();
        double lat = v.get(1).asDouble();
        if (!(lat >= -90 && lat <= 90 && lon >= -180 && lon <= 180)) {
            throw fail(owner, field, null,
                    "is not a position on Earth: [" + lon + ", " + lat + "] (GeoJSON order is [lon, lat])");
        }
        return new LatLon(lat, lon);
    }

    private static Located properties(Located feature) {
        JsonNode p = feature.node().get("properties");
        if (p == null || !p.isObject()) {
            throw fail(feature, "properties", null, "must be an object");
        }
        return new Located(feature.file(), p, feature.line(), feature.path() + "properties.");
    }

    private static Located geometry(Located feature) {
        JsonNode g = feature.node().get("geometry");
        if (g == null || !g.isObject()) {
            throw fail(feature, "geometry", null, "must be a GeoJSON geometry object");
        }
        return new Located(feature.file(), g, feature.line(), feature.path() + "geometry.");
    }

    private static JsonNode coordinates(Located geometry) {
        JsonNode c = geometry.node().get("coordinates");
        if (c == null || !c.isArray()) {
            throw fail(geometry, "coordinates", null, "must be an array");
        }
        return c;
    }

    // ---- fields ----------------------------------------------------------------------------------------

    private static JsonNode require(Located o, String field, Map<String, Integer> lines) {
        JsonNode v = o.node().get(field);
        if (v == null || v.isNull()) {
            throw fail(o, field, lines, "is missing");
        }
        return v;
    }

    private static String text(Located o, String field, Map<String, Integer> lines) {
        JsonNode v = require(o, field, lines);
        if (!v.isTextual() || v.asText().isBlank()) {
            throw fail(o, field, lines, "must be a non-empty string");
        }
        return v.asText().strip();
    }

    private static double number(Located o, String field, double min, double max) {
        JsonNode v = o.node().get(field);
        if (v == null || !v.isNumber()) {
            throw fail(o, field, null, "must be a number");
        }
        double d = v.asDouble();
        if (!(d >= min && d <= max)) {
            throw fail(o, field, null, "must be between " + min + " and " + max + ", was " + d);
        }
        return d;
    }

    private static InputException fail(Located o, String field, Map<String, Integer> lines, String problem) {
        int line = lines != null ? line(lines, field) : o.line();
        return new InputException(o.file(), line, o.path() + field, problem);
    }

    private static int line(Map<String, Integer> lines, String field) {
        return lines.getOrDefault(field, 0);
    }

    private static int lineOf(JsonParser parser) {
        return parser.currentTokenLocation().getLineNr();
    }

    private static InputException syntax(Path file, JsonProcessingException e) {
        int line = e.getLocation() != null ? e.getLocation().getLineNr() : 0;
        return new InputException(file, Math.max(line, 0), null, "is not valid JSON: " + e.getOriginalMessage());
    }
}
