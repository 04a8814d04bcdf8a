package dev.switchboard.calltaking.engine.entities;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.core.error.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GazetteerTest {

    private final Gazetteer g = Gazetteer.tokyo();

    @Test
    void theTwentyThreeWardsWithTheirCentres() {
        assertThat(g.wards()).hasSize(23);
        assertThat(g.wards().get(0).wardId()).isEqualTo("chiyoda");
        assertThat(g.wards().get(22).wardId()).isEqualTo("edogawa");
        Place shibuya = g.ward("shibuya").orElseThrow();
        assertThat(shibuya.position().lat()).isEqualTo(35.6640);
        assertThat(shibuya.position().lon()).isEqualTo(139.6982);
        assertThat(g.ward("Shibuya-ku")).contains(shibuya);
        assertThat(g.ward("渋谷区")).contains(shibuya);
        assertThat(g.ward("SHIBUYA WARD")).contains(shibuya);
        assertThat(g.ward("Kichijoji")).isEmpty();
    }

    @Test
    void resolvesLandmarksStationsAndNeighbourhoodsToTheirWard() {
        assertThat(g.resolve("Tokyo Tower").orElseThrow().wardId()).isEqualTo("minato");
        assertThat(g.resolve("Shinagawa Station").orElseThrow().wardId()).isEqualTo("minato");
        Place ebisuStation = g.resolve("ebisu station").orElseThrow();
        assertThat(ebisuStation.kind()).isEqualTo("station");
        assertThat(ebisuStation.wardEn()).isEqualTo("Shibuya");
        assertThat(g.resolve("Harajuku").orElseThrow().kind()).isEqualTo("neighbourhood");
    }

    @Test
    void blockAddressNearItsAreaAndAlwaysAtTheSameSpot() {
        Place a = g.resolve("2-21-1 Shibuya").orElseThrow();
        assertThat(a.kind()).isEqualTo("address");
        assertThat(a.wardId()).isEqualTo("shibuya");
        assertThat(a.position().distanceMeters(g.ward("shibuya").orElseThrow().position())).isLessThan(450);
        assertThat(g.resolve("2-21-1 Shibuya")).contains(a);
        Place b = g.resolve("Ebisu 3-5-12").orElseThrow();
        assertThat(b.name()).isEqualTo("3-5-12 Ebisu");
        assertThat(b.position()).isNotEqualTo(g.resolve("Ebisu 3-5-13").orElseThrow().position());
        assertThat(g.resolve("2-21-1")).isEmpty();
    }

    @Test
    void intersectionsOnlyWhereTheRoadsMeet() {
        Place p = g.resolve("corner of Meiji-dori and Omotesando").orElseThrow();
        assertThat(p.kind()).isEqualTo("intersection");
        assertThat(p.wardId()).isEqualTo("shibuya");
        assertThat(p.position().distanceMeters(new dev.switchboard.core.geo.LatLon(35.6685, 139.7056)))
                .isLessThan(100);
        assertThat(g.resolve("Kanpachi-dori and Chuo-dori")).isEmpty();
    }

    @Test
    void placesOutsideTheWardsSaySo() {
        Place k = g.resolve("Kichijoji").orElseThrow();
        assertThat(k.outside()).isTrue();
        assertThat(k.wardEn()).contains("Musashino");
        assertThat(g.resolve("the weather is nice")).isEmpty();
    }

    @Test
    void aCentreCanAddItsOwnNames(@TempDir Path dir) throws IOException {
        Path extra = dir.resolve("extra.json");
        Files.writeString(extra, """
                {"landmarks": [{"name": "Training Centre", "ward": "koto", "lat": 35.66, "lon": 139.80,
                  "aliases": ["the academy"]}]}
                """);
        Gazetteer ext = g.extendedWith(extra);
        assertThat(ext.resolve("meet me at the academy").orElseThrow().name()).isEqualTo("Training Centre");
        assertThat(g.resolve("the academy")).isEmpty();
        assertThat(new EntityExtractor(ext).extract("at the training centre")).extracting(ExtractedEntity::value)
                .containsExactly("Training Centre");
    }

    @Test
    void aBadExtensionNamesTheFileAndField(@TempDir Path dir) throws IOException {
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"landmarks\": [{\"name\": \"X\", \"ward\": \"gotham\", \"lat\": 35, \"lon\": 139}]}");
        assertThatThrownBy(() -> g.extendedWith(bad)).isInstanceOf(InputException.class)
                .hasMessageContaining("bad.json").hasMessageContaining("landmarks[0].ward")
                .hasMessageContaining("gotham");
        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, "{\n\"wards\": [\n");
        assertThatThrownBy(() -> g.extendedWith(broken)).isInstanceOf(InputException.class)
                .hasMessageContaining("broken.json:");
    }
}
