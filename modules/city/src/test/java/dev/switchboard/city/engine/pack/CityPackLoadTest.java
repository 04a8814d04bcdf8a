package dev.switchboard.city.engine.pack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.switchboard.city.model.BaseType;
import dev.switchboard.city.model.UnitType;
import dev.switchboard.core.error.InputException;
import dev.switchboard.core.geo.LatLon;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CityPackLoadTest {

    private static final String MANIFEST = """
            {
              "id": "toyville",
              "name": "Toyville",
              "version": "1",
              "bounds": {"south": 10.0, "west": 20.0, "north": 10.1, "east": 20.1},
              "credits": "made up for a test",
              "files": {"wards": "w.geojson", "land": "l.geojson", "roads": "r.geojson", "bases": "b.geojson"}
            }
            """;

    private static final String WARDS = """
            {"type": "FeatureCollection", "features": [
            {"type": "Feature", "properties": {"id": "west", "name_en": "West", "name_ja": "西", "centre": [20.025, 10]},
             "geometry": {"type": "Polygon", "coordinates": [[[20.0, 10.0], [20.05, 10.0], [20.05, 10.1],
               [20.0, 10.1], [20.0, 10.0]]]}},
            {"type": "Feature", "properties": {"id": "east", "name_en": "East", "name_ja": "東", "centre": [20.07, 10]},
             "geometry": {"type": "Polygon", "coordinates": [[[20.05, 10.0], [20.1, 10.0], [20.1, 10.1],
               [20.05, 10.1], [20.05, 10.0]]]}}
            ]}
            """;

    private static final String LAND = """
            {"type": "FeatureCollection", "features": [
            {"type": "Feature", "properties": {}, "geometry": {"type": "Polygon",
             "coordinates": [[[20.0, 10.0], [20.1, 10.0], [20.1, 10.1], [20.0, 10.1], [20.0, 10.0]]]}}
            ]}
            """;

    private static final String ROADS = """
            {"type": "FeatureCollection", "features": [
            {"type": "Feature", "properties": {"class": "arterial"},
             "geometry": {"type": "LineString", "coordinates": [[20.01, 10.05], [20.05, 10.05], [20.09, 10.05]]}},
            {"type": "Feature", "properties": {"class": "street"},
             "geometry": {"type": "MultiLineString",
               "coordinates": [[[20.05, 10.01], [20.05, 10.05]], [[20.05, 10.05], [20.05, 10.09]]]}}
            ]}
            """;

    private static final String BASES = """
            {"type": "FeatureCollection", "features": [
            {"type": "Feature", "properties": {"type": "police", "ward": "west", "name": "West Police"},
             "geometry": {"type": "Point", "coordinates": [20.02, 10.05]}},
            {"type": "Feature", "properties": {"type": "hospital", "ward": "east", "name": "East Hospital"},
             "geometry": {"type": "Point", "coordinates": [20.08, 10.05]}}
            ]}
            """;

    @TempDir
    Path dir;

    private void writePack(String manifest, String wards, String land, String roads, String bases) throws IOException {
        Files.writeString(dir.resolve("manifest.json"), manifest, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("w.geojson"), wards, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("l.geojson"), land, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("r.geojson"), roads, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("b.geojson"), bases, StandardCharsets.UTF_8);
    }

    @Test
    void loadsAnInstructorsOwnPackFromAFolder() throws IOException {
        writePack(MANIFEST, WARDS, LAND, ROADS, BASES);
        CityPack pack = CityPacks.load(dir);
        assertThat(pack.id()).isEqualTo("toyville");
        assertThat(pack.credits()).isEqualTo("made up for a test");
        assertThat(pack.wards()).hasSize(2);
        assertThat(pack.wardAt(new LatLon(10.05, 20.07))).map(w -> w.id()).contains("east");
        assertThat(pack.ward("西")).map(w -> w.id()).contains("west");
        assertThat(pack.bases(BaseType.POLICE)).singleElement().satisfies(b -> {
            assertThat(b.id()).isEqualTo("west-police-1");
            assertThat(b.position()).isEqualTo(new LatLon(10.05, 20.02));
        });
        assertThat(pack.roads().nodeCount()).isEqualTo(5);
        assertThat(pack.roads().componentCount()).isEqualTo(1);
        Route r = pack.roads().route(new LatLon(10.05, 20.01), new LatLon(10.09, 20.05), UnitType.FIRE);
        assertThat(r.points()).containsExactly(new LatLon(10.05, 20.01), new LatLon(10.05, 20.05),
                new LatLon(10.09, 20.05));
        assertThat(pack.onLand(new LatLon(10.05, 20.05))).isTrue();
        assertThat(pack.onLand(new LatLon(10.2, 20.05))).isFalse();
    }

    @Test
    void theBundledPackLoadsFromAFolderToo() throws IOException {
        for (String name : List.of("manifest.json", "wards.geojson", "land.geojson", "roads.geojson",
                "bases.geojson")) {
            try (InputStream in = CityPacks.class.getResourceAsStream(CityPacks.TOKYO_RESOURCE + name)) {
                assertThat(in).as(name).isNotNull();
                Files.copy(in, dir.resolve(name));
            }
        }
        CityPack copy = CityPacks.load(dir);
        assertThat(copy.wards()).isEqualTo(CityPacks.tokyo().wards());
        assertThat(copy.bases()).isEqualTo(CityPacks.tokyo().bases());
    }

    @Test
    void missingManifestSaysSo() {
        InputException e = catchThrowableOfType(InputException.class, () -> CityPacks.load(dir));
        assertThat(e.file()).isEqualTo(dir.resolve("manifest.json"));
        assertThat(e.getMessage()).contains("manifest.json").contains("not found");
    }

    @Test
    void malformedManifestNamesFileLineAndField() throws IOException {
        writePack(MANIFEST.replace("\"south\": 10.0", "\"south\": \"ten\""), WARDS, LAND, ROADS, BASES);
        InputException e = catchThrowableOfType(InputException.class, () -> CityPacks.load(dir));
        assertThat(e.file()).isEqualTo(dir.resolve("manifest.json"));
        assertThat(e.field()).isEqualTo("bounds.south");
        assertThat(e.line()).isEqualTo(5);
        assertThat(e.getMessage()).contains("manifest.json:5: bounds.south");

        writePack(MANIFEST.replace("  \"name\": \"Toyville\",\n", ""), WARDS, LAND, ROADS, BASES);
        e = catchThrowableOfType(InputException.class, () -> CityPacks.load(dir));
        assertThat(e.field()).isEqualTo("name");

        writePack(MANIFEST.replace("\"r.geojson\"", "\"../r.geojson\""), WARDS, LAND, ROADS, BASES);
        e = catchThrowableOfType(InputException.class, () -> CityPacks.load(dir));
        assertThat(e.field()).isEqualTo("files.roads");
    }

    @Test
    void brokenJsonGivesTheLine() throws IOException {
        writePack(MANIFEST.replace("\"version\": \"1\",", "\"version\": \"1\""), WARDS, LAND, ROADS, BASES);
        InputException e = catchThrowableOfType(InputException.class, () -> CityPacks.load(dir));
        assertThat(e.file()).isEqualTo(dir.resolve("manifest.json"));
        assertThat(e.line()).isEqualTo(5);
        assertThat(e.getMessage()).contains("not valid JSON");
    }

    @Test
    void malformedGeoJsonNamesFileFeatureLineAndField() throws IOException {
        writePack(MANIFEST, WARDS.replace("\"name_en\": \"East\", ", ""), LAND, ROADS, BASES);
        InputException e = catchThrowableOfType(InputException.class, () -> CityPacks.load(dir));
        assertThat(e.file()).isEqualTo(dir.resolve("w.geojson"));
        assertThat(e.line()).isEqualTo(5);
        assertThat(e.field()).isEqualTo("features[1].properties.name_en");

        writePack(MANIFEST, WARDS, LAND, ROADS.replace("\"street\"", "\"motorway\""), BASES);
        e = catchThrowableOfType(InputException.class, () -> CityPacks.load(dir));
        assertThat(e.file()).isEqualTo(dir.resolve("r.geojson"));
        assertThat(e.field()).isEqualTo("features[1].properties.class");
        assertThat(e.getMessage()).contains("arterial or street");

        writePack(MANIFEST, WARDS, LAND, ROADS, BASES.replace("\"ward\": \"east\"", "\"ward\": \"north\""));
        e = catchThrowableOfType(InputException.class, () -> CityPacks.load(dir));
        assertThat(e.file()).isEqualTo(dir.resolve("b.geojson"));
        assertThat(e.line()).isEqualTo(4);
        assertThat(e.field()).isEqualTo("features[1].properties.ward");

        writePack(MANIFEST, WARDS, LAND.replace("[20.1, 10.0]", "[10.0, 200.0]"), ROADS, BASES);
        e = catchThrowableOfType(InputException.class, () -> CityPacks.load(dir));
        assertThat(e.file()).isEqualTo(dir.resolve("l.geojson"));
        assertThat(e.field()).isEqualTo("features[0].geometry.coordinates[0][1]");

        writePack(MANIFEST, WARDS, "{\"type\": \"Feature\"}", ROADS, BASES);
        e = catchThrowableOfType(InputException.class, () -> CityPacks.load(dir));
        assertThat(e.file()).isEqualTo(dir.resolve("l.geojson"));
        assertThat(e.field()).isEqualTo("type");
    }
}
