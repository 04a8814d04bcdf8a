package dev.switchboard.places.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.places.Areas;
import dev.switchboard.places.CityPack;
import dev.switchboard.places.Ward;
import dev.switchboard.testkit.SharedData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Importing Japan's official ward boundaries (N03, 2021, simplified; from the shared test data, never copied into
 * the repository) gives Tokyo's 23 wards with their official areas and label points inside them.
 */
class N03ImportTest {

    /**
     * Official areas in km² of the 23 special wards: 国土地理院「全国都道府県市区町村別面積調」 as published by the Tokyo
     * Metropolitan Government on 都内区市町村マップ, 区市町村別 人口・面積 (www.metro.tokyo.jp/tosei/tokyoto/profile/gaiyo/
     * kushichoson.html, page of 2022-02-16). Keyed by municipal code (N03_007).
     */
    private static final Map<String, Double> OFFICIAL_KM2 = Map.ofEntries(
            Map.entry("13101", 11.66), Map.entry("13102", 10.21), Map.entry("13103", 20.37),
            Map.entry("13104", 18.22), Map.entry("13105", 11.29), Map.entry("13106", 10.11),
            Map.entry("13107", 13.77), Map.entry("13108", 43.01), Map.entry("13109", 22.84),
            Map.entry("13110", 14.67), Map.entry("13111", 61.86), Map.entry("13112", 58.05),
            Map.entry("13113", 15.11), Map.entry("13114", 15.59), Map.entry("13115", 34.06),
            Map.entry("13116", 13.01), Map.entry("13117", 20.61), Map.entry("13118", 10.16),
            Map.entry("13119", 32.22), Map.entry("13120", 48.08), Map.entry("13121", 53.25),
            Map.entry("13122", 34.80), Map.entry("13123", 49.90));

    @TempDir
    Path dir;

    @Test
    void theTwentyThreeWardsWithTheirOfficialAreasAndLabelPointsInside() {
        Path wards = SharedData.require("tokyo/wards-n03-2021.geojson");
        CityPackImport.Summary s = CityPackImport.run(CityPackImport.Options.of(wards, null, "tokyo-n03",
                "Tokyo (N03)", dir.resolve("pack")).withNames(null, "name_romaji", null), ImportProgress.NONE);
        CityPack pack = s.pack();
        assertThat(pack.wards()).hasSize(23);
        assertThat(pack.ward("Shibuya").orElseThrow().nameJa()).isEqualTo("渋谷区");
        assertThat(pack.ward("chuo")).as("macrons and -ku dropped from the romaji").isPresent();
        for (Ward w : pack.wards()) {
            double km2 = Areas.squareMeters(w.area()) / 1e6;
            String code = codeOf(w);
            double official = OFFICIAL_KM2.get(code);
            assertThat(km2).as(w.nameEn() + " area, km²").isCloseTo(official, within(0.05 * official));
            assertThat(pack.wardAt(w.centre())).as(w.nameEn() + " label point").contains(w);
        }
        assertThat(s.lines()).anySatisfy(l -> assertThat(l).contains("districts: 23"));
    }

    /** The municipal code the importer wrote beside each ward (the {@code code} property of wards.geojson). */
    private String codeOf(Ward w) {
        try {
            for (JsonNode f : new ObjectMapper().readTree(dir.resolve("pack/wards.geojson").toFile()).get("features")) {
                if (f.path("properties").path("id").asText().equals(w.id())) {
                    return f.path("properties").path("code").asText();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new AssertionError("no ward " + w.id());
    }
}
