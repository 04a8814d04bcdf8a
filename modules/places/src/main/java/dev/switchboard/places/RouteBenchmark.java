package dev.switchboard.places;

import dev.switchboard.core.geo.LatLon;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * How fast the closest unit is found on a large road network: {@code units} units at random junctions and
 * {@code queries} incidents at random places, each answered with one {@link RoadNetwork#closest} search. The
 * network is a city pack's, or a generated grid city of at least {@code segments} road segments (a street grid
 * with arterials every 8th line and one-way streets every 5th, slightly jittered). Prints min/median/p99/max
 * and the load average, and checks a sample of answers against routing every unit one by one.
 */
public final class RouteBenchmark {

    /** What one run measured. */
    public record Result(int nodes, int segments, double buildMs, int units, double[] queryMs, int checked,
                         int mismatches, double loadAverage, String network) {

        /** The figures as text for the terminal and the README. */
        public String describe() {
            double[] q = queryMs.clone();
            Arrays.sort(q);
            return String.format(Locale.ROOT, """
                    network: %s, %,d nodes, %,d road segments, built in %.0f ms
                    closest unit among %d: %d queries, min %.3f ms, median %.3f ms, p99 %.3f ms, max %.3f ms
                    checked %d answers against routing each unit one by one: %d disagree
                    load average: %.2f""", network, nodes, segments, buildMs, units, q.length, q[0],
                    q[q.length / 2], q[Math.min(q.length - 1, (int) Math.ceil(q.length * 0.99) - 1)], q[q.length - 1],
                    checked, mismatches, loadAverage);
        }
    }

    private static final TravelSpeed POLICE = () -> 50;

    private RouteBenchmark() {
    }

    /** Runs on a generated grid city of at least {@code segments} segments. */
    public static Result onGrid(int segments, int units, int queries, long seed) {
        long start = System.nanoTime();
        int n = (int) Math.ceil((1 + Math.sqrt(1 + 2.0 * segments)) / 2);
        RoadNetwork roads = grid(n, seed);
        double buildMs = (System.nanoTime() - start) / 1e6;
        return measure(roads, buildMs, units, queries, seed, "generated grid " + n + " × " + n);
    }

    /** Runs on a city pack's road network. */
    public static Result onPack(CityPack pack, double loadMs, int units, int queries, long seed) {
        return measure(pack.roads(), loadMs, units, queries, seed, "city pack " + pack.id());
    }

    private static Result measure(RoadNetwork roads, double buildMs, int units, int queries, long seed,
                                  String name) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Integer> routable = new ArrayList<>();
        for (int i = 0; i < roads.nodeCount(); i++) {
            if (roads.isRoutable(i)) {
                routable.add(i);
            }
        }
        List<LatLon> fleet = new ArrayList<>();
        for (int i = 0; i < units; i++) {
            fleet.add(roads.node(routable.get(random.nextInt(routable.size()))));
        }
        List<LatLon> incidents = new ArrayList<>();
        for (int i = 0; i < queries; i++) {
            LatLon a = roads.node(routable.get(random.nextInt(routable.size())));
            incidents.add(new LatLon(a.lat() + (random.nextDouble() - 0.5) * 0.0005,
                    a.lon() + (random.nextDouble() - 0.5) * 0.0005));
        }
        // Warm-up, so the figures are of compiled code.
        for (int i = 0; i < Math.min(200, queries); i++) {
            roads.closest(fleet, incidents.get(i), POLICE, 1);
        }
        double[] ms = new double[queries];
        int[] best = new int[queries];
        for (int i = 0; i < queries; i++) {
            long t = System.nanoTime();
            best[i] = roads.closest(fleet, incidents.get(i), POLICE, 1).get(0).index();
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        int checked = Math.min(20, queries);
        int mismatches = 0;
        for (int i = 0; i < checked; i++) {
            double bestSeconds = Double.MAX_VALUE;
            for (LatLon unit : fleet) {
                bestSeconds = Math.min(bestSeconds, roads.route(unit, incidents.get(i), POLICE).travelSeconds());
            }
            double found = roads.route(fleet.get(best[i]), incidents.get(i), POLICE).travelSeconds();
            mismatches += found > bestSeconds * (1 + 1e-9) + 1e-9 ? 1 : 0;
        }
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return new Result(roads.nodeCount(), roads.edgeCount(), buildMs, fleet.size(), ms, checked, mismatches, load,
                name);
    }

    /**
     * An n × n street grid about 100 m apart with slight jitter, arterials every 8th line, and every 5th street
     * one way (alternating directions), over a city of about (n / 10) km square.
     */
    static RoadNetwork grid(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double step = 0.0009;
        LatLon[][] p = new LatLon[n][n];
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < n; c++) {
                p[r][c] = new LatLon(35.0 + r * step + (random.nextDouble() - 0.5) * step * 0.2,
                        139.0 + c * step * 1.2 + (random.nextDouble() - 0.5) * step * 0.2);
            }
        }
        List<RoadNetwork.Road> roads = new ArrayList<>();
        for (int r = 0; r < n; r++) {
            RoadClass cls = r % 8 == 0 ? RoadClass.ARTERIAL : RoadClass.STREET;
            boolean oneway = cls == RoadClass.STREET && r % 5 == 0;
            for (int c = 0; c + 1 < n; c++) {
                LatLon a = p[r][c];
                LatLon b = p[r][c + 1];
                roads.add(new RoadNetwork.Road(oneway && r % 10 == 0 ? List.of(b, a) : List.of(a, b), cls, oneway));
            }
        }
        for (int c = 0; c < n; c++) {
            RoadClass cls = c % 8 == 0 ? RoadClass.ARTERIAL : RoadClass.STREET;
            boolean oneway = cls == RoadClass.STREET && c % 5 == 0;
            for (int r = 0; r + 1 < n; r++) {
                LatLon a = p[r][c];
                LatLon b = p[r + 1][c];
                roads.add(new RoadNetwork.Road(oneway && c % 10 == 0 ? List.of(b, a) : List.of(a, b), cls, oneway));
            }
        }
        return new RoadNetwork(roads);
    }
}
