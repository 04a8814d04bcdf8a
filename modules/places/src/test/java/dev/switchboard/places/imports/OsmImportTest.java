package dev.switchboard.places.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import crosby.binary.file.BlockOutputStream;
import crosby.binary.osmosis.OsmosisSerializer;
import dev.switchboard.core.error.InputException;
import dev.switchboard.core.geo.LatLon;
import dev.switchboard.places.BaseType;
import dev.switchboard.places.CityPack;
import dev.switchboard.places.RoadClass;
import dev.switchboard.places.RoadNetwork;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openstreetmap.osmosis.core.container.v0_6.EntityContainer;
import org.openstreetmap.osmosis.core.container.v0_6.NodeContainer;
import org.openstreetmap.osmosis.core.container.v0_6.WayContainer;
import org.openstreetmap.osmosis.core.domain.v0_6.CommonEntityData;
import org.openstreetmap.osmosis.core.domain.v0_6.Node;
import org.openstreetmap.osmosis.core.domain.v0_6.OsmUser;
import org.openstreetmap.osmosis.core.domain.v0_6.Tag;
import org.openstreetmap.osmosis.core.domain.v0_6.Way;
import org.openstreetmap.osmosis.core.domain.v0_6.WayNode;
import org.openstreetmap.osmosis.core.task.v0_6.Sink;
import org.openstreetmap.osmosis.xml.common.CompressionMethod;
import org.openstreetmap.osmosis.xml.v0_6.XmlWriter;

/**
 * An OpenStreetMap extract written here (280 grid nodes: a 10 × 10 street grid with a shape node between junctions,
 * a bridge over the grid, one-way rows, a footway, a private road, a one-way spur, a stray piece and a street
 * running out of the area), written as XML and as PBF with Osmosis's own writers, imports to the expected graph.
 */
class OsmImportTest {

    private static final double LAT0 = 35.000;
    private static final double LON0 = 139.000;
    private static final double STEP = 0.002;

    @TempDir
    Path dir;

    private final List<EntityContainer> entities = new ArrayList<>();
    private long nextNode = 1;
    private long nextWay = 1;

    @Test
    void aSmallExtractImportsToTheExpectedGraph() throws IOException {
        Path osm = writeXml(extract());
        CityPackImport.Summary s = CityPackImport.run(options(osm, "pack", 2), ImportProgress.NONE);
        RoadStats stats = s.roads();
        CityPack pack = s.pack();
        RoadNetwork net = pack.roads();

        // 10 rows and 10 columns of 9 stretches each, the bridge, and the street cut at the edge of the area.
        assertThat(stats.stretches()).isEqualTo(182);
        assertThat(stats.droppedStretches()).as("the one-way spur and the stray piece").isEqualTo(2);
        assertThat(stats.otherHighways()).as("the footway").isEqualTo(1);
        assertThat(stats.bridges()).isEqualTo(1);
        assertThat(stats.coincidentNodes()).as("bridge nodes drawn over the streets' nodes").isEqualTo(8);
        assertThat(s.junctions()).as("every grid node but the four corners").isEqualTo(96);
        assertThat(stats.onewaySegments()).as("rows 0 and 9").isEqualTo(18);
        assertThat(net.componentCount()).isEqualTo(1);
        assertThat(s.roadKm(RoadClass.ARTERIAL)).as("the bridge").isGreaterThan(1.6).isLessThan(1.8);

        // One way: row 0 eastward only, row 9 (oneway=-1) westward only.
        assertThat(net.hasEdge(at(net, 0, 0), at(net, 0, 1))).isTrue();
        assertThat(net.hasEdge(at(net, 0, 1), at(net, 0, 0))).isFalse();
        assertThat(net.hasEdge(at(net, 9, 1), at(net, 9, 0))).isTrue();
        assertThat(net.hasEdge(at(net, 9, 0), at(net, 9, 1))).isFalse();
        // Two-way elsewhere.
        assertThat(net.hasEdge(at(net, 4, 4), at(net, 4, 5))).isTrue();
        assertThat(net.hasEdge(at(net, 4, 5), at(net, 4, 4))).isTrue();

        // The bridge joins the grid at its two ends only: crossing under it, a street keeps to itself.
        RoadNetwork.Road bridge = net.roads().stream().filter(r -> r.roadClass() == RoadClass.ARTERIAL)
                .findFirst().orElseThrow();
        assertThat(bridge.points().get(0)).isEqualTo(grid(2, 0));
        assertThat(bridge.points().get(bridge.points().size() - 1)).isEqualTo(grid(3, 9));

        // Bases: the places give West real ones; East gets placeholders, and traffic posts are placeholders.
        assertThat(pack.bases(BaseType.HOSPITAL)).extracting(b -> b.name())
                .contains("St. Luke's Test Hospital", "East Hospital (placeholder)");
        assertThat(pack.bases(BaseType.TRAFFIC)).hasSize(2);
        assertThat(pack.gazetteer().geocode("Riverside Station").orElseThrow().wardId()).isEqualTo("west");
        assertThat(pack.credits()).contains("OpenStreetMap contributors");
    }

    @Test
    void withoutSimplificationTheBridgeStillCrossesWithoutAJunction() throws IOException {
        Path osm = writeXml(extract());
        RoadNetwork net = CityPackImport.run(options(osm, "raw", 0), ImportProgress.NONE).pack().roads();
        // The street's shape node under the bridge keeps its two street neighbours only...
        int under = net.nodeAt(new LatLon(35.005, RoadImport.round7(LON0 + 4 * STEP)));
        assertThat(under).isNotNegative();
        assertThat(neighbours(net, under)).hasSize(2);
        // ...and the bridge's node, moved 1 cm north, is a different node joined only along the bridge.
        int over = net.nodeAt(new LatLon(35.0050001, RoadImport.round7(LON0 + 4 * STEP)));
        assertThat(over).isNotNegative().isNotEqualTo(under);
        assertThat(neighbours(net, over)).hasSize(2).doesNotContain(under);
    }

    @Test
    void thePbfWrittenWithOsmosisImportsToTheSameRoads() throws IOException {
        List<EntityContainer> data = extract();
        CityPack fromXml = CityPackImport.run(options(writeXml(data), "xml", 2), ImportProgress.NONE).pack();
        CityPack fromPbf = CityPackImport.run(options(writePbf(data), "pbf", 2), ImportProgress.NONE).pack();
        assertThat(fromPbf.roads().roads()).isEqualTo(fromXml.roads().roads());
        assertThat(fromPbf.bases()).isEqualTo(fromXml.bases());
    }

    @Test
    void aTruncatedPbfIsRefusedClearly() throws IOException {
        Path pbf = writePbf(extract());
        byte[] bytes = Files.readAllBytes(pbf);
        Path cut = dir.resolve("cut.osm.pbf");
        Files.write(cut, Arrays.copyOf(bytes, bytes.length * 3 / 5));
        InputException e = catchThrowableOfType(InputException.class,
                () -> CityPackImport.run(options(cut, "cut", 2), ImportProgress.NONE));
        assertThat(e).isNotNull();
        assertThat(e.file()).isEqualTo(cut);
        assertThat(e.getMessage()).contains("cut.osm.pbf").contains("is not a complete OpenStreetMap PBF file")
                .contains("download or export the extract again");
        assertThat(dir.resolve("cut")).doesNotExist();
    }

    @Test
    void brokenGeoJsonIsRefusedWithTheFileFeatureAndReason() throws IOException {
        Path wards = dir.resolve("broken.geojson");
        Files.writeString(wards, districts().replace("[139.009, 35.019], [138.999, 35.019]",
                "[\"139.009\", 35.019], [138.999, 35.019]"));
        InputException e = catchThrowableOfType(InputException.class, () -> CityPackImport.run(
                CityPackImport.Options.of(wards, null, "b", "B", dir.resolve("b")), ImportProgress.NONE));
        assertThat(e.file()).isEqualTo(wards);
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.field()).isEqualTo("features[0].geometry.coordinates[0][2]");
        assertThat(e.getMessage()).contains("must be a [lon, lat] position of two numbers");

        Files.writeString(wards, districts().substring(0, districts().length() / 2));
        e = catchThrowableOfType(InputException.class, () -> CityPackImport.run(
                CityPackImport.Options.of(wards, null, "b", "B", dir.resolve("b")), ImportProgress.NONE));
        assertThat(e.getMessage()).contains("broken.geojson:").contains("is not valid JSON");
        assertThat(dir.resolve("b")).doesNotExist();
    }

    @Test
    void anExistingFolderIsNeverWrittenOver() throws IOException {
        Path out = Files.createDirectories(dir.resolve("taken"));
        Files.writeString(out.resolve("notes.txt"), "mine");
        Path wards = dir.resolve("w.geojson");
        Files.writeString(wards, districts());
        InputException e = catchThrowableOfType(InputException.class, () -> CityPackImport.run(
                CityPackImport.Options.of(wards, null, "t", "T", out), ImportProgress.NONE));
        assertThat(e.getMessage()).contains("exists already");
        assertThat(out.resolve("notes.txt")).hasContent("mine");
    }

    // ---- the extract

    private CityPackImport.Options options(Path roads, String name, double simplify) throws IOException {
        Path wards = dir.resolve("districts.geojson");
        Files.writeString(wards, districts());
        Path places = dir.resolve("places.geojson");
        Files.writeString(places, """
                {"type": "FeatureCollection", "features": [
                {"type": "Feature", "properties": {"name": "St. Luke's Test Hospital", "amenity": "hospital"},
                 "geometry": {"type": "Point", "coordinates": [139.003, 35.003]}},
                {"type": "Feature", "properties": {"name": "West Police", "amenity": "police"},
                 "geometry": {"type": "Point", "coordinates": [139.005, 35.011]}},
                {"type": "Feature", "properties": {"name": "West Fire", "amenity": "fire_station"},
                 "geometry": {"type": "Point", "coordinates": [139.001, 35.015]}},
                {"type": "Feature", "properties": {"name": "Riverside Station", "railway": "station"},
                 "geometry": {"type": "Point", "coordinates": [139.004, 35.007]}}
                ]}
                """);
        CityPackImport.Options o = CityPackImport.Options.of(wards, roads, name, "Test " + name, dir.resolve(name))
                .withPlaces(places);
        return new CityPackImport.Options(o.wards(), o.roads(), o.places(), null, null, o.id(), o.name(), o.out(),
                null, null, null, Map.of(), null, simplify, null);
    }

    /** Two districts side by side over the grid, West and East; bounds become their extent plus 0.005°. */
    private static String districts() {
        return """
                {"type": "FeatureCollection", "features": [
                {"type": "Feature", "properties": {"name_en": "West", "code": "1"},
                 "geometry": {"type": "Polygon", "coordinates": [[[138.999, 34.999], [139.009, 34.999],
                  [139.009, 35.019], [138.999, 35.019], [138.999, 34.999]]]}},
                {"type": "Feature", "properties": {"name_en": "East", "code": "2"},
                 "geometry": {"type": "Polygon", "coordinates": [[[139.009, 34.999], [139.019, 34.999],
                  [139.019, 35.019], [139.009, 35.019], [139.009, 34.999]]]}}
                ]}
                """;
    }

    private static LatLon grid(int row, int col) {
        return new LatLon(RoadImport.round7(LAT0 + row * STEP), RoadImport.round7(LON0 + col * STEP));
    }

    private static int at(RoadNetwork net, int row, int col) {
        int n = net.nodeAt(grid(row, col));
        assertThat(n).as("node at row %d, column %d", row, col).isNotNegative();
        return n;
    }

    private static List<Integer> neighbours(RoadNetwork net, int node) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < net.nodeCount(); i++) {
            if (i != node && (net.hasEdge(node, i) || net.hasEdge(i, node))) {
                out.add(i);
            }
        }
        return out;
    }

    private List<EntityContainer> extract() {
        entities.clear();
        nextNode = 1;
        nextWay = 1;
        long[][] junction = new long[10][10];
        for (int r = 0; r < 10; r++) {
            for (int c = 0; c < 10; c++) {
                junction[r][c] = node(LAT0 + r * STEP, LON0 + c * STEP);
            }
        }
        for (int r = 0; r < 10; r++) {
            List<Long> nodes = new ArrayList<>();
            for (int c = 0; c < 10; c++) {
                nodes.add(junction[r][c]);
                if (c < 9) {
                    nodes.add(node(LAT0 + r * STEP, LON0 + (c + 0.5) * STEP));
                }
            }
            String oneway = r == 0 ? "yes" : r == 9 ? "-1" : null;
            way(nodes, oneway == null ? Map.of("highway", "residential") : Map.of("highway", "residential",
                    "oneway", oneway));
        }
        for (int c = 0; c < 10; c++) {
            List<Long> nodes = new ArrayList<>();
            for (int r = 0; r < 10; r++) {
                nodes.add(junction[r][c]);
                if (r < 9) {
                    nodes.add(node(LAT0 + (r + 0.5) * STEP, LON0 + c * STEP));
                }
            }
            way(nodes, Map.of("highway", "tertiary"));
        }
        // A bridge from row 2 to row 3 over the columns, its nodes drawn exactly over the streets' shape nodes.
        List<Long> bridge = new ArrayList<>();
        bridge.add(junction[2][0]);
        for (int c = 1; c <= 8; c++) {
            bridge.add(node(35.005, LON0 + c * STEP));
        }
        bridge.add(junction[3][9]);
        way(bridge, Map.of("highway", "primary", "bridge", "yes", "layer", "1"));
        // A footway across the grid, and a private road: units drive on neither.
        way(List.of(junction[1][1], node(35.003, 139.003), junction[2][2]), Map.of("highway", "footway"));
        way(List.of(junction[7][1], node(35.015, 139.003), junction[8][2]), Map.of("highway", "residential",
                "access", "private"));
        // A one-way spur out of the grid to a dead end: entered, never left.
        way(List.of(junction[5][5], node(35.0105, 139.0105)), Map.of("highway", "residential", "oneway", "yes"));
        // A stray piece that touches nothing.
        way(List.of(node(35.0170, 139.0170), node(35.0175, 139.0175)), Map.of("highway", "residential"));
        // A street that leaves the area eastwards: cut at the bounds (139.024).
        way(List.of(junction[5][9], node(35.010, 139.022), node(35.010, 139.030)), Map.of("highway",
                "residential"));
        return List.copyOf(entities);
    }

    private long node(double lat, double lon) {
        long id = nextNode++;
        entities.add(new NodeContainer(new Node(new CommonEntityData(id, 1, new Date(0), OsmUser.NONE, 1),
                lat, lon)));
        return id;
    }

    private void way(List<Long> nodes, Map<String, String> tags) {
        List<Tag> t = new ArrayList<>();
        tags.forEach((k, v) -> t.add(new Tag(k, v)));
        List<WayNode> wn = nodes.stream().map(WayNode::new).toList();
        entities.add(new WayContainer(new Way(new CommonEntityData(nextWay++, 1, new Date(0), OsmUser.NONE, 1, t),
                wn)));
    }

    private Path writeXml(List<EntityContainer> data) {
        Path file = dir.resolve("extract.osm");
        write(new XmlWriter(file.toFile(), CompressionMethod.None), sorted(data));
        return file;
    }

    private Path writePbf(List<EntityContainer> data) throws IOException {
        Path file = dir.resolve("extract.osm.pbf");
        try (OutputStream out = Files.newOutputStream(file)) {
            OsmosisSerializer serializer = new OsmosisSerializer(new BlockOutputStream(out));
            serializer.setUseDense(true);
            write(serializer, sorted(data));
        }
        return file;
    }

    /** Nodes before ways, as OSM files order them. */
    private static List<EntityContainer> sorted(List<EntityContainer> data) {
        List<EntityContainer> out = new ArrayList<>(data.stream().filter(e -> e instanceof NodeContainer).toList());
        out.addAll(data.stream().filter(e -> e instanceof WayContainer).toList());
        return out;
    }

    private static void write(Sink sink, List<EntityContainer> data) {
        sink.initialize(Map.of());
        data.forEach(sink::process);
        sink.complete();
        sink.close();
    }
}
