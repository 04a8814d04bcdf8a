package dev.switchboard.app.surveillance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.calltaking.engine.entities.PlaceNames;
import dev.switchboard.places.CityPack;
import dev.switchboard.places.CityPacks;
import dev.switchboard.places.imports.CityPackImport;
import dev.switchboard.places.imports.ImportProgress;
import dev.switchboard.surveillance.engine.CameraDirectory;
import dev.switchboard.surveillance.engine.PlaceResolver;
import dev.switchboard.surveillance.model.Camera;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Surveillance's cameras and place names on an imported pack: its own districts, none of Tokyo's. */
class ImportedPackTest {

    @TempDir
    Path temp;

    @Test
    void camerasAndPlacesComeFromTheImportedPack() throws IOException {
        Path wards = temp.resolve("districts.geojson");
        Files.writeString(wards, """
                {"type": "FeatureCollection", "features": [
                {"type": "Feature", "properties": {"name": "Oldtown"},
                 "geometry": {"type": "Polygon", "coordinates": [[[9.0, 45.0], [9.01, 45.0], [9.01, 45.01],
                  [9.0, 45.01], [9.0, 45.0]]]}},
                {"type": "Feature", "properties": {"name": "Riverside"},
                 "geometry": {"type": "Polygon", "coordinates": [[[9.01, 45.0], [9.02, 45.0], [9.02, 45.01],
                  [9.01, 45.01], [9.01, 45.0]]]}}
                ]}
                """);
        Path out = temp.resolve("town");
        CityPackImport.run(CityPackImport.Options.of(wards, null, "town", "Town", out), ImportProgress.NONE);
        CityPack pack = CityPacks.load(out);

        PlaceResolver places = new GazetteerPlaces(PlaceNames.of(pack.gazetteer()));
        assertThat(places.wards()).extracting(PlaceResolver.Ward::name).containsExactlyInAnyOrder("Oldtown",
                "Riverside");
        assertThat(places.ward("Shibuya")).isEmpty();
        PlaceResolver.Ward riverside = places.ward("Riverside").orElseThrow();
        assertThat(riverside.centre().lon()).isBetween(9.01, 9.02);
        assertThat(places.resolve("a fight in Riverside")).hasValueSatisfying(
                p -> assertThat(p.wardId()).isEqualTo(riverside.id()));

        CameraDirectory cameras = ControlRoomCameras.of(pack);
        assertThat(cameras.size()).isPositive();
        assertThat(cameras.cameras()).extracting(Camera::wardName).containsOnly("Oldtown", "Riverside")
                .contains("Oldtown", "Riverside");
        assertThat(cameras.cameras()).allSatisfy(c -> {
            assertThat(c.position().lat()).isBetween(45.0, 45.01);
            assertThat(c.position().lon()).isBetween(9.0, 9.02);
        });
    }
}
