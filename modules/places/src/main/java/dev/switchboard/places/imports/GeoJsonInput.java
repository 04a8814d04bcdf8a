package dev.switchboard.places.imports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.core.error.InputException;
import dev.switchboard.places.GeoJsonFeatures;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.util.GeometryFixer;

/**
 * Reads GeoJSON FeatureCollections feature by feature (streaming, so a large file is never held whole) and
 * turns their geometries into JTS geometries in lon/lat. Every problem is an {@link InputException} naming the
 * file, the line the feature starts on, and the field with the feature's index, e.g.
 * {@code wards.geojson:40: features[12].geometry.coordinates[0][3]: ...}.
 *
 * <p>Jackson rather than JTS's own GeoJSON reader (jts-io-common): that reader reports a malformed geometry
 * without its position and brings json-simple, which declares JUnit 4 as a compile dependency.
 */
final class GeoJsonInput {

    static final GeometryFactory GEOMETRY = new GeometryFactory();
    private static final ObjectMapper JSON = new ObjectMapper();

    private GeoJsonInput() {
    }

    /** One feature of a collection, with where it was found. */
    record Feature(Path file, int index, int line, JsonNode node) {

        /** The field path of {@code field} inside this feature, e.g. {@code features[3].properties.name}. */
        String field(String field) {
            return "features[" + index + "]." + field;
        }

        InputException fail(String field, String problem) {
            return new InputException(file, line, field(field), problem);
        }

        /** The feature's properties (an empty object when it has none). */
        JsonNode properties() {
            JsonNode p = node.get("properties");
            if (p == null || p.isNull()) {
                return JSON.createObjectNode();
            }
            if (!p.isObject()) {
                throw fail("properties", "must be an object");
            }
            return p;
        }

        /** A property as trimmed text, or null when absent, null or blank. Numbers are given as text. */
        String text(String property) {
            JsonNode v = properties().get(property);
            if (v == null || v.isNull() || v.isContainerNode()) {
                return null;
            }
            String s = v.asText().strip();
            return s.isEmpty() ? null : s;
        }

        /** A numeric property, or NaN when absent or not a number. */
        double number(String property) {
            JsonNode v = properties().get(property);
            return v != null && v.isNumber() ? v.asDouble() : Double.NaN;
        }
    }

    /**
     * Calls {@code each} with every feature of the FeatureCollection in {@code file}, in order.
     *
     * @throws InputException when the file is missing, not JSON, or not a FeatureCollection of Features
     */
    static void read(Path file, Consumer<Feature> each) {
        try (InputStream in = Files.newInputStream(file)) {
            GeoJsonFeatures.forEach(file, in, (i, line, feature) -> each.accept(new Feature(file, i, line, feature)));
        } catch (JsonProcessingException e) {
            int line = e.getLocation() != null ? Math.max(0, e.getLocation().getLineNr()) : 0;
            throw new InputException(file, line, null, "is not valid JSON: " + e.getOriginalMessage()
                    + " (the file may be cut short; export it again)");
        } catch (NoSuchFileException e) {
            throw new InputException(file, 0, null, "not found");
        } catch (IOException e) {
            throw new InputException(file, 0, null, "cannot be read: " + e.getMessage());
        }
    }

    /**
     * The feature's geometry as JTS (x = longitude, y = latitude). Polygons are repaired when they cross
     * themselves ({@link GeometryFixer}); rings that do not close are closed.
     *
     * @param allowed the GeoJSON types accepted, e.g. {@code Polygon}, {@code MultiPolygon}
     */
    static Geometry geometry(Feature f, String... allowed) {
        JsonNode g = f.node().get("geometry");
        if (g == null || !g.isObject()) {
            throw f.fail("geometry", "must be a GeoJSON geometry object");
        }
        String type = g.path("type").asText();
        if (!List.of(allowed).contains(type)) {
            throw f.fail("geometry.type", "must be " + String.join(" or ", allowed) + ", was '" + type + "'");
        }
        JsonNode c = g.get("coordinates");
        if (c == null || !c.isArray()) {
            throw f.fail("geometry.coordinates", "must be an array");
        }
        String at = "geometry.coordinates";
        Geometry out = switch (type) {
            case "Point" -> GEOMETRY.createPoint(position(f, c, at));
            case "LineString" -> line(f, c, at);
            case "MultiLineString" -> {
                LineString[] lines = new LineString[c.size()];
                for (int i = 0; i < c.size(); i++) {
                    lines[i] = line(f, c.get(i), at + "[" + i + "]");
                }
                yield GEOMETRY.createMultiLineString(lines);
            }
            case "Polygon" -> polygon(f, c, at);
            case "MultiPolygon" -> {
                Polygon[] polygons = new Polygon[c.size()];
                for (int i = 0; i < c.size(); i++) {
                    polygons[i] = polygon(f, c.get(i), at + "[" + i + "]");
                }
                yield GEOMETRY.createMultiPolygon(polygons);
            }
            default -> throw f.fail("geometry.type", "is not supported: '" + type + "'");
        };
        if (out instanceof Polygon || type.equals("MultiPolygon")) {
            if (!out.isValid()) {
                out = GeometryFixer.fix(out);
            }
            if (out.isEmpty() || out.getArea() == 0) {
                throw f.fail("geometry", "encloses no area");
            }
        }
        return out;
    }

    private static Polygon polygon(Feature f, JsonNode rings, String at) {
        if (!rings.isArray() || rings.isEmpty()) {
            throw f.fail(at, "must be an array of rings");
        }
        LinearRing shell = ring(f, rings.get(0), at + "[0]");
        LinearRing[] holes = new LinearRing[rings.size() - 1];
        for (int i = 1; i < rings.size(); i++) {
            holes[i - 1] = ring(f, rings.get(i), at + "[" + i + "]");
        }
        return GEOMETRY.createPolygon(shell, holes);
    }

    private static LinearRing ring(Feature f, JsonNode positions, String at) {
        List<Coordinate> cs = coordinates(f, positions, at);
        if (!cs.get(0).equals2D(cs.get(cs.size() - 1))) {
            cs.add(new Coordinate(cs.get(0)));
        }
        if (cs.size() < 4) {
            throw f.fail(at, "a ring needs at least 4 positions (3 corners and the first again)");
        }
        return GEOMETRY.createLinearRing(cs.toArray(new Coordinate[0]));
    }

    private static LineString line(Feature f, JsonNode positions, String at) {
        List<Coordinate> cs = coordinates(f, positions, at);
        if (cs.size() < 2) {
            throw f.fail(at, "a line needs at least two positions");
        }
        return GEOMETRY.createLineString(cs.toArray(new Coordinate[0]));
    }

    private static List<Coordinate> coordinates(Feature f, JsonNode positions, String at) {
        if (positions == null || !positions.isArray() || positions.isEmpty()) {
            throw f.fail(at, "must be an array of [lon, lat] positions");
        }
        List<Coordinate> out = new ArrayList<>(positions.size() + 1);
        for (int i = 0; i < positions.size(); i++) {
            out.add(position(f, positions.get(i), at + "[" + i + "]"));
        }
        return out;
    }

    private static Coordinate position(Feature f, JsonNode v, String at) {
        if (v == null || !v.isArray() || v.size() < 2 || !v.get(0).isNumber() || !v.get(1).isNumber()) {
            throw f.fail(at, "must be a [lon, lat] position of two numbers");
        }
        double lon = v.get(0).asDouble();
        double lat = v.get(1).asDouble();
        if (!(lat >= -90 && lat <= 90 && lon >= -180 && lon <= 180)) {
            throw f.fail(at, "is not a position on Earth: [" + lon + ", " + lat + "] (GeoJSON order is [lon, lat])");
        }
        return new Coordinate(lon, lat);
    }
}
