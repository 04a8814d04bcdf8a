package dev.switchboard.city.engine.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.city.model.UnitState;
import dev.switchboard.core.geo.LatLon;
import dev.switchboard.core.id.SessionId;
import dev.switchboard.places.CityPack;
import dev.switchboard.places.imports.CityPackImport;
import dev.switchboard.places.imports.ImportProgress;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The control room runs in a city imported with the pack importer, not only in the bundled Tokyo: a small town of
 * two districts with a one-way street, its stations from the places file (and placeholders), and a call answered
 * on its roads.
 */
class ImportedPackTest {

    @TempDir
    Path dir;

    @Test
    void anExerciseRunsInAnImportedTown() throws IOException {
        CityPack pack = importTown(dir);
        try (SimFixture f = new SimFixture(pack, 5, SimFixture.quiet(true), null, null, new SessionId("town-5"))) {
            LatLon scene = new LatLon(45.005, 9.013);
            CommandResult opened = f.apply(f.sim.report(new IncidentReport("CALL-1", scene,
                    "A man collapsed in the market square", null, 2)));
            assertThat(opened.incidentId()).isNotNull();
            assertThat(f.events(IncidentOpened.class).get(0).wardId()).isEqualTo("riverside");
            assertThat(f.tickUntil(s -> !f.events(IncidentResolved.class).isEmpty(), 3600)).isTrue();
            UnitDispatched sent = f.events(UnitDispatched.class).get(0);
            assertThat(sent.unitId()).startsWith("AMBULANCE-");
            List<UnitState> states = f.events(UnitStateChanged.class).stream()
                    .filter(e -> e.unitId().equals(sent.unitId())).map(UnitStateChanged::to).toList();
            assertThat(states).startsWith(UnitState.DISPATCHED, UnitState.EN_ROUTE, UnitState.ON_SCENE);
        }
    }

    /** Two districts side by side, a street grid over them (one street one way), and two real stations. */
    static CityPack importTown(Path dir) throws IOException {
        Path wards = dir.resolve("districts.geojson");
        Files.writeString(wards, """
                {"type": "FeatureCollection", "features": [
                {"type": "Feature", "properties": {"name": "Oldtown", "code": "A"}, "geometry": {"type": "Polygon",
                 "coordinates": [[[9.0, 45.0], [9.01, 45.0], [9.01, 45.01], [9.0, 45.01], [9.0, 45.0]]]}},
                {"type": "Feature", "properties": {"name": "Riverside", "code": "B"}, "geometry": {"type": "Polygon",
                 "coordinates": [[[9.01, 45.0], [9.02, 45.0], [9.02, 45.01], [9.01, 45.01], [9.01, 45.0]]]}}
                ]}
                """);
        StringBuilder roads = new StringBuilder("{\"type\": \"FeatureCollection\", \"features\": [\n");
        for (int i = 0; i <= 4; i++) {
            double lat = 45.001 + i * 0.002;
            double lon = 9.001 + i * 0.0045;
            roads.append(String.format(java.util.Locale.ROOT, "{\"type\": \"Feature\", \"properties\": {\"highway\": "
                    + "\"%s\"%s}, \"geometry\": {\"type\": \"LineString\", \"coordinates\": "
                    + "[[9.001, %s], [9.0055, %s], "
                    + "[9.01, %s], [9.0145, %s], [9.019, %s]]}},%n", i == 2 ? "primary" : "residential",
                    i == 1 ? ", \"oneway\": \"yes\"" : "", lat, lat, lat, lat, lat));
            roads.append(String.format(java.util.Locale.ROOT, "{\"type\": \"Feature\", \"properties\": {\"highway\": "
                    + "\"residential\"}, \"geometry\": {\"type\": \"LineString\", \"coordinates\": [[%s, 45.001], "
                    + "[%s, 45.003], [%s, 45.005], [%s, 45.007], [%s, 45.009]]}}%s%n", lon, lon, lon, lon, lon,
                    i < 4 ? "," : ""));
        }
        Files.writeString(dir.resolve("roads.geojson"), roads.append("]}\n").toString());
        Path places = dir.resolve("places.geojson");
        Files.writeString(places, """
                {"type": "FeatureCollection", "features": [
                {"type": "Feature", "properties": {"name": "Town Hospital", "amenity": "hospital"},
                 "geometry": {"type": "Point", "coordinates": [9.004, 45.004]}},
                {"type": "Feature", "properties": {"name": "Market Square", "kind": "landmark"},
                 "geometry": {"type": "Point", "coordinates": [9.013, 45.005]}}
                ]}
                """);
        return CityPackImport.run(CityPackImport.Options.of(wards, dir.resolve("roads.geojson"), "town", "Town",
                dir.resolve("town")).withPlaces(places), ImportProgress.NONE).pack();
    }
}
