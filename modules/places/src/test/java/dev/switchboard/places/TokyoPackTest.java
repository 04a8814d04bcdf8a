package dev.switchboard.places;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.core.geo.LatLon;
import java.util.List;
import org.junit.jupiter.api.Test;

class TokyoPackTest {

    private static final CityPack TOKYO = CityPacks.tokyo();

    /**
     * id, English, Japanese, lat, lon: the centres the control room was first specified with (roughly the ward
     * offices). The pack's centres are now OpenStreetMap's label points, within 4 km of these.
     */
    private static final Object[][] EXPECTED = {
        {"chiyoda", "Chiyoda", "千代田区", 35.6940, 139.7536}, {"chuo", "Chuo", "中央区", 35.6707, 139.7720},
        {"minato", "Minato", "港区", 35.6581, 139.7514}, {"shinjuku", "Shinjuku", "新宿区", 35.6938, 139.7036},
        {"bunkyo", "Bunkyo", "文京区", 35.7081, 139.7523}, {"taito", "Taito", "台東区", 35.7126, 139.7800},
        {"sumida", "Sumida", "墨田区", 35.7107, 139.8015}, {"koto", "Koto", "江東区", 35.6730, 139.8170},
        {"shinagawa", "Shinagawa", "品川区", 35.6092, 139.7302}, {"meguro", "Meguro", "目黒区", 35.6415, 139.6982},
        {"ota", "Ota", "大田区", 35.5613, 139.7160}, {"setagaya", "Setagaya", "世田谷区", 35.6464, 139.6532},
        {"shibuya", "Shibuya", "渋谷区", 35.6640, 139.6982}, {"nakano", "Nakano", "中野区", 35.7074, 139.6638},
        {"suginami", "Suginami", "杉並区", 35.6995, 139.6364}, {"toshima", "Toshima", "豊島区", 35.7263, 139.7165},
        {"kita", "Kita", "北区", 35.7528, 139.7337}, {"arakawa", "Arakawa", "荒川区", 35.7361, 139.7834},
        {"itabashi", "Itabashi", "板橋区", 35.7512, 139.7093}, {"nerima", "Nerima", "練馬区", 35.7356, 139.6517},
        {"adachi", "Adachi", "足立区", 35.7750, 139.8044}, {"katsushika", "Katsushika", "葛飾区", 35.7434, 139.8472},
        {"edogawa", "Edogawa", "江戸川区", 35.7067, 139.8683},
    };

    @Test
    void hasTheTwentyThreeWardsWithRealLabelPointsAndBothNames() {
        assertThat(TOKYO.id()).isEqualTo("tokyo");
        assertThat(TOKYO.wards()).hasSize(23);
        for (Object[] e : EXPECTED) {
            Ward w = TOKYO.ward((String) e[0]).orElseThrow();
            assertThat(w.nameEn()).isEqualTo(e[1]);
            assertThat(w.nameJa()).isEqualTo(e[2]);
            assertThat(w.centre().distanceMeters(new LatLon((double) e[3], (double) e[4]))).as(w.id())
                    .isLessThan(4000);
        }
        // Shibuya's label point in OpenStreetMap (via npm detect-location-jp 0.0.4), unchanged.
        assertThat(TOKYO.ward("shibuya").orElseThrow().centre()).isEqualTo(new LatLon(35.6645956, 139.6987107));
    }

    @Test
    void everyCentreLiesInItsOwnWardAndOnLand() {
        for (Ward w : TOKYO.wards()) {
            assertThat(TOKYO.wardAt(w.centre())).as(w.id()).contains(w);
            assertThat(TOKYO.onLand(w.centre())).as(w.id()).isTrue();
            assertThat(TOKYO.nearestWard(w.centre())).isEqualTo(w);
        }
    }

    @Test
    void tokyoBayIsWater() {
        for (LatLon bay : List.of(new LatLon(35.60, 139.85), new LatLon(35.55, 139.88), new LatLon(35.58, 139.80))) {
            assertThat(TOKYO.onLand(bay)).as(bay.toString()).isFalse();
            assertThat(TOKYO.wardAt(bay)).as(bay.toString()).isEmpty();
        }
        assertThat(TOKYO.nearestWard(new LatLon(35.60, 139.85))).isNotNull();
        assertThat(TOKYO.onLand(new LatLon(40.0, 139.70))).isFalse();
    }

    @Test
    void findsWardsByIdEnglishOrJapaneseName() {
        Ward shibuya = TOKYO.ward("shibuya").orElseThrow();
        assertThat(TOKYO.ward("Shibuya")).contains(shibuya);
        assertThat(TOKYO.ward(" SHIBUYA ")).contains(shibuya);
        assertThat(TOKYO.ward("渋谷区")).contains(shibuya);
        assertThat(TOKYO.ward("渋谷")).contains(shibuya);
        assertThat(TOKYO.ward("Shibuya Ward")).contains(shibuya);
        assertThat(TOKYO.ward("shibuya-ku")).contains(shibuya);
        assertThat(TOKYO.ward("北区")).map(Ward::id).contains("kita");
        assertThat(TOKYO.ward("Gotham")).isEmpty();
        assertThat(TOKYO.ward("")).isEmpty();
        assertThat(TOKYO.ward(null)).isEmpty();
        assertThat(TOKYO.wardAt(new LatLon(35.6580, 139.7016))).map(Ward::id).contains("shibuya");
    }

    @Test
    void everyWardHasPoliceFireAndHospitalOnLandInsideIt() {
        for (Ward w : TOKYO.wards()) {
            for (BaseType type : List.of(BaseType.POLICE, BaseType.FIRE, BaseType.HOSPITAL)) {
                assertThat(TOKYO.bases(type)).as(w.id() + " " + type).anyMatch(b -> b.wardId().equals(w.id()));
            }
        }
        for (Base b : TOKYO.bases()) {
            assertThat(TOKYO.onLand(b.position())).as(b.name()).isTrue();
            assertThat(TOKYO.wardAt(b.position())).as(b.name()).map(Ward::id).contains(b.wardId());
        }
        assertThat(TOKYO.bases(BaseType.TRAFFIC)).hasSizeGreaterThanOrEqualTo(3);
        assertThat(TOKYO.bases()).extracting(Base::name).contains("Shibuya Police Station");
        assertThat(TOKYO.bases()).extracting(Base::id).doesNotHaveDuplicates();
    }

    @Test
    void roadGraphIsOneConnectedPieceReachingEveryWard() {
        RoadNetwork roads = TOKYO.roads();
        assertThat(roads.componentCount()).isEqualTo(1);
        assertThat(roads.nodeCount()).isGreaterThan(1000);
        for (Ward w : TOKYO.wards()) {
            assertThat(roads.node(roads.nearestNode(w.centre())).distanceMeters(w.centre())).as(w.id()).isLessThan(50);
        }
    }

    @Test
    void creditsTheCoastlineAndStaysInsideItsBounds() {
        assertThat(TOKYO.credits()).contains("GSHHG").contains("Wessel").contains("LGPL-3.0");
        assertThat(TOKYO.bounds().contains(new LatLon(35.6640, 139.6982))).isTrue();
        for (Ward w : TOKYO.wards()) {
            assertThat(w.area()).isNotEmpty();
            w.area().forEach(ring -> ring.forEach(p -> assertThat(TOKYO.bounds().contains(p)).isTrue()));
        }
    }
}
