package dev.switchboard.places.imports;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.core.geo.LatLon;
import dev.switchboard.places.Bounds;
import dev.switchboard.places.RoadNetwork;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;

/**
 * Writes a city pack folder: {@code manifest.json} and the GeoJSON files, one feature per line (so a reader's
 * error names the line of the feature), positions rounded to 7 decimals (about 1 cm; roads join at equal positions).
 */
final class PackWriter {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonFactory FACTORY = JSON.getFactory();

    private PackWriter() {
    }

    static void write(Path dir, String id, String name, Bounds bounds, String credits,
                      List<DistrictImport.District> districts, Geometry land, List<RoadNetwork.Road> roads,
                      List<BaseImport.Found> bases, List<PlaceImport.Found> places, BaseImport.Locator locator)
            throws IOException {
        ObjectNode manifest = JSON.createObjectNode();
        manifest.put("format", "switchboard-city-pack/2");
        manifest.put("id", id);
        manifest.put("name", name);
        manifest.put("version", "1");
        ObjectNode b = manifest.putObject("bounds");
        b.put("south", bounds.south());
        b.put("west", bounds.west());
        b.put("north", bounds.north());
        b.put("east", bounds.east());
        manifest.put("credits", credits);
        ObjectNode files = manifest.putObject("files");
        files.put("wards", "wards.geojson");
        files.put("land", "land.geojson");
        files.put("roads", "roads.geojson");
        files.put("bases", "bases.geojson");
        if (!places.isEmpty()) {
            files.put("places", "places.geojson");
        }
        Files.writeString(dir.resolve("manifest.json"),
                JSON.writerWithDefaultPrettyPrinter().writeValueAsString(manifest) + "\n");

        try (Collection c = new Collection(dir.resolve("wards.geojson"))) {
            for (DistrictImport.District d : districts) {
                c.begin();
                JsonGenerator g = c.generator;
                g.writeObjectFieldStart("properties");
                g.writeStringField("id", d.id());
                g.writeStringField("name_en", d.nameEn());
                g.writeStringField("name_ja", d.nameLocal());
                if (d.code() != null) {
                    g.writeStringField("code", d.code());
                }
                g.writeFieldName("centre");
                position(g, d.label().x, d.label().y);
                g.writeEndObject();
                multiPolygon(g, d.area());
                c.end();
            }
        }
        try (Collection c = new Collection(dir.resolve("land.geojson"))) {
            List<Polygon> parts = polygons(land);
            parts.sort(Comparator.comparingDouble((Polygon p) -> -p.getArea()));
            for (Polygon p : parts) {
                c.begin();
                c.generator.writeObjectFieldStart("properties");
                c.generator.writeEndObject();
                multiPolygon(c.generator, p);
                c.end();
            }
        }
        try (Collection c = new Collection(dir.resolve("roads.geojson"))) {
            for (RoadNetwork.Road r : roads) {
                c.begin();
                JsonGenerator g = c.generator;
                g.writeObjectFieldStart("properties");
                g.writeStringField("class", r.roadClass().fileName());
                if (r.oneway()) {
                    g.writeBooleanField("oneway", true);
                }
                g.writeEndObject();
                g.writeObjectFieldStart("geometry");
                g.writeStringField("type", "LineString");
                g.writeArrayFieldStart("coordinates");
                for (LatLon p : r.points()) {
                    position(g, p.lon(), p.lat());
                }
                g.writeEndArray();
                g.writeEndObject();
                c.end();
            }
        }
        try (Collection c = new Collection(dir.resolve("bases.geojson"))) {
            Map<String, Integer> counters = new HashMap<>();
            for (BaseImport.Found base : bases) {
                c.begin();
                JsonGenerator g = c.generator;
                String type = base.type().name().toLowerCase(Locale.ROOT);
                String prefix = base.wardId() + "-" + type;
                g.writeObjectFieldStart("properties");
                g.writeStringField("id", prefix + "-" + counters.merge(prefix, 1, Integer::sum));
                g.writeStringField("type", type);
                g.writeStringField("ward", base.wardId());
                g.writeStringField("name", base.name());
                if (base.placeholder()) {
                    g.writeBooleanField("placeholder", true);
                }
                g.writeEndObject();
                point(g, base.position());
                c.end();
            }
        }
        if (!places.isEmpty()) {
            try (Collection c = new Collection(dir.resolve("places.geojson"))) {
                for (PlaceImport.Found p : places) {
                    c.begin();
                    JsonGenerator g = c.generator;
                    g.writeObjectFieldStart("properties");
                    g.writeStringField("name", p.name());
                    g.writeStringField("kind", p.kind());
                    String ward = locator.districtAt(p.position());
                    if (ward != null) {
                        g.writeStringField("ward", ward);
                    }
                    if (!p.aliases().isEmpty()) {
                        g.writeArrayFieldStart("aliases");
                        for (String a : p.aliases()) {
                            g.writeString(a);
                        }
                        g.writeEndArray();
                    }
                    g.writeEndObject();
                    point(g, p.position());
                    c.end();
                }
            }
        }
    }

    private static List<Polygon> polygons(Geometry g) {
        List<Polygon> out = new ArrayList<>();
        for (int i = 0; i < g.getNumGeometries(); i++) {
            if (g.getGeometryN(i) instanceof Polygon p && !p.isEmpty()) {
                out.add(p);
            }
        }
        return out;
    }

    /** Outer rings only, largest first: the pack format ignores holes. */
    private static void multiPolygon(JsonGenerator g, Geometry area) throws IOException {
        List<Polygon> parts = polygons(area);
        parts.sort(Comparator.comparingDouble((Polygon p) -> -p.getArea()));
        g.writeObjectFieldStart("geometry");
        g.writeStringField("type", "MultiPolygon");
        g.writeArrayFieldStart("coordinates");
        for (Polygon p : parts) {
            g.writeStartArray();
            g.writeStartArray();
            for (Coordinate c : p.getExteriorRing().getCoordinates()) {
                position(g, c.x, c.y);
            }
            g.writeEndArray();
            g.writeEndArray();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void point(JsonGenerator g, LatLon p) throws IOException {
        g.writeObjectFieldStart("geometry");
        g.writeStringField("type", "Point");
        g.writeFieldName("coordinates");
        position(g, p.lon(), p.lat());
        g.writeEndObject();
    }

    private static void position(JsonGenerator g, double lon, double lat) throws IOException {
        g.writeStartArray();
        g.writeNumber(BigDecimal.valueOf(RoadImport.round7(lon)).stripTrailingZeros());
        g.writeNumber(BigDecimal.valueOf(RoadImport.round7(lat)).stripTrailingZeros());
        g.writeEndArray();
    }

    /** A FeatureCollection written one feature per line. */
    private static final class Collection implements AutoCloseable {
        private final Writer writer;
        private JsonGenerator generator;
        private boolean first = true;

        Collection(Path file) throws IOException {
            writer = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16);
            writer.write("{\"type\": \"FeatureCollection\", \"features\": [\n");
        }

        void begin() throws IOException {
            if (!first) {
                writer.write(",\n");
            }
            first = false;
            generator = FACTORY.createGenerator(writer);
            generator.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            generator.writeStartObject();
            generator.writeStringField("type", "Feature");
        }

        void end() throws IOException {
            generator.writeEndObject();
            generator.flush();
        }

        @Override
        public void close() throws IOException {
            writer.write("\n]}\n");
            writer.close();
        }
    }
}
