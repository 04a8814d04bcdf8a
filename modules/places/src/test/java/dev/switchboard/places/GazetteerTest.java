package dev.switchboard.places;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.core.error.InputException;
import dev.switchboard.core.geo.LatLon;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
        assertThat(shibuya.position()).as("the gazetteer's point (the ward office), not the map's label point")
                .isEqualTo(new LatLon(35.6640, 139.6982));
        assertThat(g.ward("Shibuya-ku")).contains(shibuya);
        assertThat(g.ward("渋谷区")).contains(shibuya);
        assertThat(g.ward("SHIBUYA WARD")).contains(shibuya);
        assertThat(g.ward("Kichijoji")).isEmpty();
    }

    @Test
    void geocodesLandmarksNeighbourhoodsAndPlacesOutsideTheWards() {
        assertThat(g.geocode("Tokyo Tower").orElseThrow().wardId()).isEqualTo("minato");
        assertThat(g.geocode("shinagawa station").orElseThrow().wardId()).isEqualTo("minato");
        assertThat(g.geocode("Harajuku").orElseThrow().kind()).isEqualTo("neighbourhood");
        assertThat(g.geocode("the hachiko").orElseThrow().name()).isEqualTo("Hachiko Statue");
        Place kichijoji = g.geocode("Kichijoji").orElseThrow();
        assertThat(kichijoji.outside()).isTrue();
        assertThat(kichijoji.wardEn()).contains("Musashino");
        assertThat(g.geocode("Shibuya-ku").orElseThrow().kind()).isEqualTo("ward");
        assertThat(g.geocode("the weather is nice")).isEmpty();
        assertThat(g.find("Meiji dori")).extracting(Gazetteer.Entry::kind).containsExactly(Gazetteer.Kind.ROAD);
    }

    @Test
    void theWardOfAPointComesFromTheWardAreas() {
        assertThat(g.wardAt(new LatLon(35.6580, 139.7016)).orElseThrow().wardId()).isEqualTo("shibuya");
        assertThat(g.wardAt(new LatLon(35.6586, 139.7454)).orElseThrow().wardId()).isEqualTo("minato");
        assertThat(g.wardAt(new LatLon(35.55, 139.90))).as("Tokyo Bay").isEmpty();
        Gazetteer noAreas = Gazetteer.ofWards(List.of(new Ward("a", "Alpha", "Alpha", new LatLon(10, 20), List.of())));
        assertThat(noAreas.wardAt(new LatLon(10, 20))).isEmpty();
        assertThat(noAreas.ward("alpha")).isPresent();
    }

    @Test
    void intersectionsOnlyWhereTheRoadsMeet() {
        Gazetteer.Road meiji = g.find("Meiji-dori").get(0).road();
        Gazetteer.Road omotesando = g.find("Omotesando").stream().filter(e -> e.road() != null).findFirst()
                .orElseThrow().road();
        Place p = g.intersection(meiji, omotesando).orElseThrow();
        assertThat(p.kind()).isEqualTo("intersection");
        assertThat(p.wardId()).isEqualTo("shibuya");
        assertThat(p.position().distanceMeters(new LatLon(35.6685, 139.7056))).isLessThan(100);
    }

    @Test
    void blockAddressNearItsAreaAndAlwaysAtTheSameSpot() {
        Place shibuya = g.ward("shibuya").orElseThrow();
        Place a = g.addressPlace("2-21-1", shibuya);
        assertThat(a.kind()).isEqualTo("address");
        assertThat(a.wardId()).isEqualTo("shibuya");
        assertThat(a.position().distanceMeters(shibuya.position())).isLessThan(450);
        assertThat(g.addressPlace("2-21-1", shibuya)).isEqualTo(a);
        assertThat(g.addressPlace("2-21-2", shibuya).position()).isNotEqualTo(a.position());
    }

    @Test
    void aCentreCanAddItsOwnNames(@TempDir Path dir) throws IOException {
        Path extra = dir.resolve("extra.json");
        Files.writeString(extra, """
                {"landmarks": [{"name": "Training Centre", "ward": "koto", "lat": 35.66, "lon": 139.80,
                  "aliases": ["the academy"]}]}
                """);
        Gazetteer ext = g.extendedWith(extra);
        assertThat(ext.geocode("The Academy").orElseThrow().name()).isEqualTo("Training Centre");
        assertThat(ext.geocode("training centre").orElseThrow().wardId()).isEqualTo("koto");
        assertThat(g.geocode("the academy")).isEmpty();
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
