package dev.switchboard.calltaking.engine.cad;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.calltaking.engine.entities.ExtractedEntity;
import dev.switchboard.calltaking.engine.session.CallSession;
import dev.switchboard.places.CityPack;
import dev.switchboard.places.Place;
import dev.switchboard.places.imports.CityPackImport;
import dev.switchboard.places.imports.ImportProgress;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The call console reads places and verifies addresses with the gazetteer of whatever city pack is chosen, here
 * one imported from a districts file and a places file.
 */
class ImportedPackAddressTest {

    @TempDir
    Path dir;

    @Test
    void aPlaceOfAnImportedPackIsExtractedAndVerifiedInItsDistrict() throws IOException {
        Path wards = dir.resolve("districts.geojson");
        Files.writeString(wards, """
                {"type": "FeatureCollection", "features": [
                {"type": "Feature", "properties": {"name": "Oldtown"}, "geometry": {"type": "Polygon",
                 "coordinates": [[[9.0, 45.0], [9.01, 45.0], [9.01, 45.01], [9.0, 45.01], [9.0, 45.0]]]}},
                {"type": "Feature", "properties": {"name": "Riverside"}, "geometry": {"type": "Polygon",
                 "coordinates": [[[9.01, 45.0], [9.02, 45.0], [9.02, 45.01], [9.01, 45.01], [9.01, 45.0]]]}}
                ]}
                """);
        Path places = dir.resolve("places.geojson");
        Files.writeString(places, """
                {"type": "FeatureCollection", "features": [
                {"type": "Feature", "properties": {"name": "Saint Anne Hospital", "amenity": "hospital"},
                 "geometry": {"type": "Point", "coordinates": [9.004, 45.004]}},
                {"type": "Feature", "properties": {"name": "Market Square", "kind": "landmark",
                 "alt_name": "the square"}, "geometry": {"type": "Point", "coordinates": [9.013, 45.005]}}
                ]}
                """);
        CityPack pack = CityPackImport.run(CityPackImport.Options.of(wards, null, "town", "Town", dir.resolve("town"))
                .withPlaces(places), ImportProgress.NONE).pack();
        CallSession.Language language = CallSession.Language.of(pack.gazetteer());

        List<ExtractedEntity> entities = language.extractor()
                .extract("He collapsed at the Market Square, please hurry");
        assertThat(entities).extracting(ExtractedEntity::value).contains("Market Square");
        Place square = language.names().resolve("by the square in Riverside").orElseThrow();
        assertThat(square.name()).isEqualTo("Market Square");
        assertThat(square.wardId()).isEqualTo("riverside");

        CadForm form = new CadForm();
        form.set(CadField.ADDRESS, "Market Square", CadForm.BY_TRAINEE);
        assertThat(form.verifyLocation(language.names())).isTrue();
        assertThat(form.verifiedLocation().orElseThrow().position().lat()).isEqualTo(45.005);
        assertThat(language.names().ward("Oldtown")).isPresent();
        assertThat(language.names().resolve("Saint Anne Hospital").orElseThrow().wardId()).isEqualTo("oldtown");
    }
}
