package dev.switchboard.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code switchboard city pack import|list|use|check} from a shell, as an instructor would use them. */
class CityPackCommandTest {

    @TempDir
    Path temp;

    @Test
    void importListUseAndCheckAPack() throws IOException {
        Path data = temp.resolve("data");
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
        CliRun imported = CliRun.of("--data-dir", data.toString(), "city", "pack", "import", "--wards",
                wards.toString(), "--id", "town", "--name", "Town", "--use");
        assertThat(imported.code()).as(imported.err()).isZero();
        assertThat(imported.out()).contains("City pack 'town' (Town) written to").contains("districts: 2")
                .contains("placeholder").contains("now uses this pack");
        assertThat(imported.err()).contains("[districts]");
        assertThat(data.resolve("packs/town/manifest.json")).exists();

        CliRun list = CliRun.of("--data-dir", data.toString(), "city", "pack", "list");
        assertThat(list.out()).contains("  tokyo").containsPattern("\\* town +Town");

        CliRun check = CliRun.of("--data-dir", data.toString(), "city", "pack", "check",
                data.resolve("packs/town").toString());
        assertThat(check.code()).isZero();
        assertThat(check.out()).contains("districts: 2").contains("police=2");

        assertThat(CliRun.of("--data-dir", data.toString(), "city", "pack", "use", "tokyo").code()).isZero();
        assertThat(CliRun.of("--data-dir", data.toString(), "city", "pack", "list").out()).contains("* tokyo");

        CliRun again = CliRun.of("--data-dir", data.toString(), "city", "pack", "import", "--wards",
                wards.toString(), "--id", "town", "--name", "Town");
        assertThat(again.code()).isEqualTo(2);
        assertThat(again.err()).contains("exists already").doesNotContain("Exception");
    }

    @Test
    void aBrokenFileIsRefusedWithItsFeatureAndLine() throws IOException {
        Path wards = temp.resolve("bad.geojson");
        Files.writeString(wards, """
                {"type": "FeatureCollection", "features": [
                {"type": "Feature", "properties": {"name": "X"},
                 "geometry": {"type": "Polygon", "coordinates": [[[9.0, 45.0], [9.01], [9.01, 45.01], [9.0, 45.0]]]}}
                ]}
                """);
        CliRun r = CliRun.of("--data-dir", temp.resolve("data").toString(), "city", "pack", "import", "--wards",
                wards.toString(), "--id", "bad", "--name", "Bad");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("bad.geojson:2: features[0].geometry.coordinates[0][1]")
                .contains("[lon, lat]").doesNotContain("Exception");
    }
}
