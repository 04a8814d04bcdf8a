package dev.switchboard.places;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.switchboard.core.geo.LatLon;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RoadNetworkTest {

    private static final CityPack TOKYO = CityPacks.tokyo();

    @Test
    void routesBetweenWardsAreRealisticDetours() {
        String[][] pairs = {
            {"shibuya", "chiyoda"}, {"nerima", "edogawa"}, {"ota", "adachi"}, {"setagaya", "koto"},
            {"minato", "kita"}, {"suginami", "katsushika"}, {"shinagawa", "arakawa"},
        };
        for (String[] pair : pairs) {
            LatLon from = TOKYO.ward(pair[0]).orElseThrow().centre();
            LatLon to = TOKYO.ward(pair[1]).orElseThrow().centre();
            double straight = from.distanceMeters(to);
            Route police = TOKYO.roads().route(from, to, Speeds.POLICE);
            assertThat(police.start()).isEqualTo(from);
            assertThat(police.end()).isEqualTo(to);
            assertThat(police.lengthMeters()).as(pair[0] + "→" + pair[1])
                    .isGreaterThan(straight).isLessThan(3 * straight);
            assertThat(police.travelSeconds()).isPositive();

            Route swat = TOKYO.roads().route(from, to, Speeds.SWAT);
            assertThat(swat.points()).isEqualTo(police.points());
            assertThat(swat.travelSeconds()).isGreaterThan(police.travelSeconds());
            assertThat(TOKYO.roads().travelSeconds(from, to, Speeds.SWAT))
                    .isCloseTo(swat.travelSeconds(), within(1e-6 * swat.travelSeconds()));
        }
    }

    @Test
    void routingIsDeterministicAndPointsAreOnLand() {
        LatLon from = new LatLon(35.7300, 139.6200);
        LatLon to = new LatLon(35.6500, 139.8000);
        Route a = TOKYO.roads().route(from, to, Speeds.FIRE);
        Route b = TOKYO.roads().route(from, to, Speeds.FIRE);
        assertThat(a).isEqualTo(b);
        for (LatLon p : a.points().subList(1, a.points().size() - 1)) {
            assertThat(TOKYO.bounds().contains(p)).isTrue();
        }
    }

    @Test
    void rankingManyUnitsAtOnceAgreesWithOneByOne() {
        RoadNetwork roads = TOKYO.roads();
        LatLon incident = new LatLon(35.6600, 139.7000);
        List<LatLon> units = new ArrayList<>();
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < 40; i++) {
            units.add(new LatLon(35.58 + random.nextDouble() * 0.2, 139.62 + random.nextDouble() * 0.22));
        }
        double[] all = roads.travelSeconds(units, incident, Speeds.AMBULANCE);
        for (int i = 0; i < units.size(); i++) {
            double one = roads.route(units.get(i), incident, Speeds.AMBULANCE).travelSeconds();
            assertThat(all[i]).isCloseTo(one, within(1e-6 * one + 1e-9));
        }
    }

    @Test
    void nearestNodeMatchesBruteForce() {
        RoadNetwork roads = TOKYO.roads();
        SplittableRandom random = new SplittableRandom(7);
        for (int k = 0; k < 300; k++) {
            LatLon p = new LatLon(35.50 + random.nextDouble() * 0.35, 139.55 + random.nextDouble() * 0.40);
            int fast = roads.nearestNode(p);
            double best = Double.MAX_VALUE;
            for (int i = 0; i < roads.nodeCount(); i++) {
                if (roads.isRoutable(i)) {
                    best = Math.min(best, roads.node(i).distanceMeters(p));
                }
            }
            // Planar and great-circle distances may rank near-ties differently by a hair.
            assertThat(roads.node(fast).distanceMeters(p)).isLessThanOrEqualTo(best + 0.5);
        }
    }

    @Test
    void streetsAreSlowerThanArterials() {
        // A square whose west/north side is an arterial and whose south/east side is a street, equal length.
        LatLon sw = new LatLon(35.0, 139.0);
        LatLon nw = new LatLon(35.01, 139.0);
        LatLon ne = new LatLon(35.01, 139.01);
        LatLon se = new LatLon(35.0, 139.01);
        RoadNetwork net = new RoadNetwork(List.of(
                new RoadNetwork.Road(List.of(sw, nw, ne), RoadClass.ARTERIAL),
                new RoadNetwork.Road(List.of(sw, se, ne), RoadClass.STREET)));
        assertThat(net.componentCount()).isEqualTo(1);
        assertThat(net.nodeCount()).isEqualTo(4);
        assertThat(net.edgeCount()).isEqualTo(4);
        Route r = net.route(sw, ne, Speeds.POLICE);
        assertThat(r.points()).containsExactly(sw, nw, ne);
        double v = Speeds.POLICE.speedKmh() / 3.6;
        double expected = (sw.distanceMeters(nw) + nw.distanceMeters(ne)) / v;
        assertThat(r.travelSeconds()).isCloseTo(expected, within(1e-6));
        assertThat(r.lengthMeters()).isCloseTo(sw.distanceMeters(nw) + nw.distanceMeters(ne), within(1e-6));
    }

    @Test
    void snapLegsAreDrivenAtStreetSpeed() {
        LatLon a = new LatLon(35.0, 139.0);
        LatLon b = new LatLon(35.0, 139.02);
        RoadNetwork net = new RoadNetwork(List.of(new RoadNetwork.Road(List.of(a, b), RoadClass.ARTERIAL)));
        LatLon from = new LatLon(35.001, 139.0);
        Route r = net.route(from, b, Speeds.POLICE);
        double v = Speeds.POLICE.speedKmh() / 3.6;
        double expected = from.distanceMeters(a) / (0.6 * v) + a.distanceMeters(b) / v;
        assertThat(r.travelSeconds()).isCloseTo(expected, within(1e-6));
        assertThat(r.lengthMeters()).isCloseTo(from.distanceMeters(a) + a.distanceMeters(b), within(1e-6));
    }

    @Test
    void strayPiecesAreNotUsedForRouting() {
        LatLon a = new LatLon(35.0, 139.0);
        LatLon b = new LatLon(35.0, 139.02);
        LatLon c = new LatLon(35.0, 139.04);
        LatLon strayA = new LatLon(35.03, 139.0);
        LatLon strayB = new LatLon(35.03, 139.001);
        RoadNetwork net = new RoadNetwork(List.of(
                new RoadNetwork.Road(List.of(a, b, c), RoadClass.STREET),
                new RoadNetwork.Road(List.of(strayA, strayB), RoadClass.STREET)));
        assertThat(net.componentCount()).isEqualTo(2);
        assertThat(net.node(net.nearestNode(strayA))).isEqualTo(a);
    }

    @Test
    void crossCityRoutesAreFast() {
        // Reported, not asserted: timing on a shared 2-core machine is not a test.
        List<LatLon> centres = new ArrayList<>();
        TOKYO.wards().forEach(w -> centres.add(w.centre()));
        for (int i = 0; i < 200; i++) {
            TOKYO.roads().route(centres.get(i % 23), centres.get((i * 7 + 3) % 23), Speeds.POLICE);
        }
        long start = System.nanoTime();
        int n = 0;
        for (int i = 0; i < 23; i++) {
            for (int j = 0; j < 23; j++) {
                TOKYO.roads().route(centres.get(i), centres.get(j), Speeds.AMBULANCE);
                n++;
            }
        }
        double perRouteMs = (System.nanoTime() - start) / 1e6 / n;
        long oneStart = System.nanoTime();
        Route across = TOKYO.roads().route(TOKYO.ward("ota").orElseThrow().centre(),
                TOKYO.ward("adachi").orElseThrow().centre(), Speeds.POLICE);
        double oneMs = (System.nanoTime() - oneStart) / 1e6;
        System.out.printf(java.util.Locale.ROOT, "route timing: %.3f ms mean over %d ward pairs; Ota→Adachi %.3f ms,"
                + " %.1f km, %.0f s%n", perRouteMs, n, oneMs, across.lengthMeters() / 1000, across.travelSeconds());
        assertThat(across.points()).hasSizeGreaterThan(2);
    }
}
