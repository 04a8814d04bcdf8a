package dev.switchboard.places;

import dev.switchboard.core.geo.LatLon;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The routable road graph of a city pack, kept in primitive arrays: node positions, and a compressed
 * adjacency (CSR) of directed edges with each edge's length and road class, plus the same edges reversed.
 * Immutable after construction and safe for concurrent use; searches allocate their own working arrays.
 *
 * <p>Roads are polylines; polylines are joined where they share a vertex (equal to 1e-7°, about 1 cm),
 * so junctions must be vertices of every road that meets there. A one-way road is driven only from its first
 * point towards its last. Only the largest strongly connected part (every node reaches every other) is used
 * for snapping and routing, so a stray piece of road or a one-way dead end can never strand a unit.
 *
 * <p>Costs: building is O(V + E); {@link #nearestNode} looks at the grid cells around the point, O(1) for
 * evenly spread nodes; {@link #route} is A* by travel time with a straight-line heuristic and a binary
 * heap; {@link #closest} is one Dijkstra search backwards from the destination that stops as soon as the
 * fastest units are known, so ranking a fleet costs about one short search, whatever the size of the city.
 */
public final class RoadNetwork {

    private static final double COORD_SCALE = 1e7;
    private static final int TRAVEL_CACHE_SIZE = 16_384;
    private static final RoadClass[] CLASSES = RoadClass.values();
    /** The largest speed factor of any class: a straight line driven at it is a lower bound of any route. */
    private static final double MAX_FACTOR = Arrays.stream(CLASSES).mapToDouble(RoadClass::speedFactor).max()
            .orElse(1);

    private final List<Road> roads;
    private final double[] lat;
    private final double[] lon;
    /** Directed edges leaving node i are {@code outStart[i] .. outStart[i + 1] - 1}. */
    private final int[] outStart;
    private final int[] edgeTarget;
    private final double[] edgeMeters;
    private final byte[] edgeClass;
    /** Directed edges entering node i, as indices into the edge arrays: {@code inEdge[inStart[i] ..]}. */
    private final int[] inStart;
    private final int[] inEdge;
    private final int[] inSource;
    private final int segmentCount;
    private final boolean[] routable;
    private final int routableCount;
    private final int componentCount;

    // Local equirectangular frame for fast planar distances, metres per degree.
    private final double metersPerDegLat;
    private final double metersPerDegLon;

    // Snap grid over routable nodes.
    private final double gridSouth;
    private final double gridWest;
    private final double cellDegLat;
    private final double cellDegLon;
    private final int gridRows;
    private final int gridCols;
    private final int[] cellStart;
    private final int[] cellNodes;

    /** Working arrays of a search, one set per thread, cleared after each search by what it touched. */
    private final ThreadLocal<Search> search = ThreadLocal.withInitial(() -> new Search(nodeCount()));

    private final Map<Long, Double> weightedCache = new LinkedHashMap<>(1024, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Double> eldest) {
            return size() > TRAVEL_CACHE_SIZE;
        }
    };

    /**
     * One road polyline of a class.
     *
     * @param oneway whether it may be driven only from its first point towards its last
     */
    public record Road(List<LatLon> points, RoadClass roadClass, boolean oneway) {
        public Road {
            points = List.copyOf(points);
            Objects.requireNonNull(roadClass, "roadClass");
            if (points.size() < 2) {
                throw new IllegalArgumentException("A road needs at least two points");
            }
        }

        /** A two-way road. */
        public Road(List<LatLon> points, RoadClass roadClass) {
            this(points, roadClass, false);
        }
    }

    /** Receives each road segment (two consecutive points of a road) once. */
    @FunctionalInterface
    public interface EdgeVisitor {
        void edge(int from, int to, RoadClass roadClass, double lengthMeters);
    }

    /** A unit's place in a ranking: its index in the list asked about and its travel time. */
    public record Ranked(int index, double seconds) {
    }

    /** Builds the graph of {@code roads}; there must be at least one road. */
    public RoadNetwork(List<Road> roads) {
        this.roads = List.copyOf(roads);
        if (this.roads.isEmpty()) {
            throw new IllegalArgumentException("A road network needs at least one road");
        }
        Map<Long, Integer> index = new HashMap<>();
        DoubleList nodeLat = new DoubleList();
        DoubleList nodeLon = new DoubleList();
        IntList segFrom = new IntList();
        IntList segTo = new IntList();
        IntList segInfo = new IntList();
        for (Road road : this.roads) {
            int prev = -1;
            int info = road.roadClass().ordinal() | (road.oneway() ? 0x100 : 0);
            for (LatLon p : road.points()) {
                long key = Math.round(p.lat() * COORD_SCALE) * 4_000_000_000L + Math.round(p.lon() * COORD_SCALE);
                Integer id = index.get(key);
                if (id == null) {
                    id = nodeLat.size();
                    index.put(key, id);
                    nodeLat.add(p.lat());
                    nodeLon.add(p.lon());
                }
                if (prev >= 0 && prev != id) {
                    segFrom.add(prev);
                    segTo.add(id);
                    segInfo.add(info);
                }
                prev = id;
            }
        }
        int n = nodeLat.size();
        lat = nodeLat.toArray();
        lon = nodeLon.toArray();
        double latSum = 0;
        for (double v : lat) {
            latSum += v;
        }
        double midLat = latSum / n;
        metersPerDegLat = Math.toRadians(1) * LatLon.EARTH_RADIUS_METERS;
        metersPerDegLon = metersPerDegLat * Math.cos(Math.toRadians(midLat));

        segmentCount = segFrom.size();
        int[] outDegree = new int[n];
        int[] inDegree = new int[n];
        int m = 0;
        for (int s = 0; s < segmentCount; s++) {
            outDegree[segFrom.get(s)]++;
            inDegree[segTo.get(s)]++;
            m++;
            if ((segInfo.get(s) & 0x100) == 0) {
                outDegree[segTo.get(s)]++;
                inDegree[segFrom.get(s)]++;
                m++;
            }
        }
        outStart = prefix(outDegree);
        inStart = prefix(inDegree);
        edgeTarget = new int[m];
        edgeMeters = new double[m];
        edgeClass = new byte[m];
        inEdge = new int[m];
        inSource = new int[m];
        int[] outFill = Arrays.copyOf(outStart, n);
        int[] inFill = Arrays.copyOf(inStart, n);
        for (int s = 0; s < segmentCount; s++) {
            int a = segFrom.get(s);
            int b = segTo.get(s);
            double meters = node(a).distanceMeters(node(b));
            byte cls = (byte) (segInfo.get(s) & 0xff);
            addEdge(a, b, meters, cls, outFill, inFill);
            if ((segInfo.get(s) & 0x100) == 0) {
                addEdge(b, a, meters, cls, outFill, inFill);
            }
        }

        int[] component = StrongComponents.of(n, outStart, edgeTarget);
        int components = 0;
        for (int c : component) {
            components = Math.max(components, c + 1);
        }
        int[] size = new int[components];
        for (int c : component) {
            size[c]++;
        }
        int best = 0;
        for (int c = 1; c < components; c++) {
            if (size[c] > size[best]) {
                best = c;
            }
        }
        componentCount = components;
        routable = new boolean[n];
        for (int i = 0; i < n; i++) {
            routable[i] = component[i] == best;
        }
        routableCount = size[best];

        // Snap grid: cells of about 250 m over the routable nodes.
        double south = Double.MAX_VALUE;
        double north = -Double.MAX_VALUE;
        double west = Double.MAX_VALUE;
        double east = -Double.MAX_VALUE;
        for (int i = 0; i < n; i++) {
            if (routable[i]) {
                south = Math.min(south, lat[i]);
                north = Math.max(north, lat[i]);
                west = Math.min(west, lon[i]);
                east = Math.max(east, lon[i]);
            }
        }
        cellDegLat = 250 / metersPerDegLat;
        cellDegLon = 250 / metersPerDegLon;
        gridSouth = south;
        gridWest = west;
        gridRows = Math.max(1, (int) Math.floor((north - south) / cellDegLat) + 1);
        gridCols = Math.max(1, (int) Math.floor((east - west) / cellDegLon) + 1);
        int[] cellCount = new int[gridRows * gridCols + 1];
        for (int i = 0; i < n; i++) {
            if (routable[i]) {
                cellCount[cellOf(i) + 1]++;
            }
        }
        for (int c = 0; c < gridRows * gridCols; c++) {
            cellCount[c + 1] += cellCount[c];
        }
        cellStart = cellCount;
        cellNodes = new int[routableCount];
        int[] cellFill = Arrays.copyOf(cellStart, gridRows * gridCols);
        for (int i = 0; i < n; i++) {
            if (routable[i]) {
                cellNodes[cellFill[cellOf(i)]++] = i;
            }
        }
    }

    private void addEdge(int a, int b, double meters, byte cls, int[] outFill, int[] inFill) {
        int e = outFill[a]++;
        edgeTarget[e] = b;
        edgeMeters[e] = meters;
        edgeClass[e] = cls;
        int k = inFill[b]++;
        inEdge[k] = e;
        inSource[k] = a;
    }

    private static int[] prefix(int[] degree) {
        int[] start = new int[degree.length + 1];
        for (int i = 0; i < degree.length; i++) {
            start[i + 1] = start[i] + degree[i];
        }
        return start;
    }

    /** The polylines the network was built from, for drawing. */
    public List<Road> roads() {
        return roads;
    }

    /** Number of nodes, including those outside the routable part. */
    public int nodeCount() {
        return lat.length;
    }

    /** Number of road segments (two consecutive distinct points of a road), each counted once. */
    public int edgeCount() {
        return segmentCount;
    }

    /** Number of directed edges: two per two-way segment, one per one-way segment. */
    public int directedEdgeCount() {
        return edgeTarget.length;
    }

    /** Number of nodes in the routable part. */
    public int routableNodeCount() {
        return routableCount;
    }

    /** Position of node {@code i}. */
    public LatLon node(int i) {
        return new LatLon(lat[i], lon[i]);
    }

    /** Whether node {@code i} belongs to the largest strongly connected part, the one used for routing. */
    public boolean isRoutable(int i) {
        return routable[i];
    }

    /** Number of strongly connected parts of the graph; 1 when every node reaches every other. */
    public int componentCount() {
        return componentCount;
    }

    /** Number of nodes with edges to or from three or more other nodes (junctions, not bends). */
    public int junctionCount() {
        int count = 0;
        for (int u = 0; u < lat.length; u++) {
            java.util.Set<Integer> neighbours = new java.util.HashSet<>();
            for (int e = outStart[u]; e < outStart[u + 1]; e++) {
                neighbours.add(edgeTarget[e]);
            }
            for (int k = inStart[u]; k < inStart[u + 1]; k++) {
                neighbours.add(inSource[k]);
            }
            if (neighbours.size() >= 3) {
                count++;
            }
        }
        return count;
    }

    /** Whether a directed edge leads from node {@code from} straight to node {@code to}. */
    public boolean hasEdge(int from, int to) {
        for (int e = outStart[from]; e < outStart[from + 1]; e++) {
            if (edgeTarget[e] == to) {
                return true;
            }
        }
        return false;
    }

    /** The node at exactly {@code p} (to 1e-7°), or -1. */
    public int nodeAt(LatLon p) {
        int near = nearestAny(p);
        return near >= 0 && lat[near] == p.lat() && lon[near] == p.lon() ? near : -1;
    }

    private int nearestAny(LatLon p) {
        int best = -1;
        double bestSq = Double.MAX_VALUE;
        for (int i = 0; i < lat.length; i++) {
            double sq = planarSq(p.lat(), p.lon(), i);
            if (sq < bestSq) {
                bestSq = sq;
                best = i;
            }
        }
        return best;
    }

    /** Visits every road segment once, in the direction it was drawn. */
    public void forEachEdge(EdgeVisitor visitor) {
        for (int u = 0; u < lat.length; u++) {
            for (int e = outStart[u]; e < outStart[u + 1]; e++) {
                int v = edgeTarget[e];
                // A two-way segment has an edge each way: report it from its lower-numbered end only.
                if (u < v || !hasEdge(v, u)) {
                    visitor.edge(u, v, CLASSES[edgeClass[e]], edgeMeters[e]);
                }
            }
        }
    }

    /** The routable node nearest to {@code p} (planar distance in a local frame). */
    public int nearestNode(LatLon p) {
        int row = clamp((int) Math.floor((p.lat() - gridSouth) / cellDegLat), gridRows);
        int col = clamp((int) Math.floor((p.lon() - gridWest) / cellDegLon), gridCols);
        int best = -1;
        double bestSq = Double.MAX_VALUE;
        int maxRing = Math.max(gridRows, gridCols);
        for (int ring = 0; ring <= maxRing; ring++) {
            for (int r = row - ring; r <= row + ring; r++) {
                if (r < 0 || r >= gridRows) {
                    continue;
                }
                boolean edgeRow = r == row - ring || r == row + ring;
                for (int c = col - ring; c <= col + ring; c += edgeRow ? 1 : 2 * Math.max(ring, 1)) {
                    if (c < 0 || c >= gridCols) {
                        continue;
                    }
                    int cell = r * gridCols + c;
                    for (int k = cellStart[cell]; k < cellStart[cell + 1]; k++) {
                        int i = cellNodes[k];
                        double sq = planarSq(p.lat(), p.lon(), i);
                        if (sq < bestSq || (sq == bestSq && i < best)) {
                            bestSq = sq;
                            best = i;
                        }
                    }
                }
            }
            // Anything in a further ring is at least ring cells away from the point's own cell.
            double reach = ring * Math.min(cellDegLat * metersPerDegLat, cellDegLon * metersPerDegLon);
            if (best >= 0 && reach * reach >= bestSq) {
                break;
            }
        }
        return best;
    }

    /**
     * The fastest route from {@code from} to {@code to} at {@code speed} (arterials at its speed, other classes
     * scaled by their factor), respecting one-way roads. Both ends are snapped to the nearest routable node; the
     * straight legs from {@code from} to that node and from the last node to {@code to} are driven at street
     * speed and included in length and time. Deterministic.
     */
    public Route route(LatLon from, LatLon to, TravelSpeed speed) {
        double mps = speed.metersPerSecond();
        int a = nearestNode(from);
        int b = nearestNode(to);
        int[] edges = shortestPath(a, b);
        List<LatLon> points = new ArrayList<>(edges.length + 3);
        List<Double> seconds = new ArrayList<>(edges.length + 3);
        double street = RoadClass.STREET.speedFactor();
        points.add(from);
        seconds.add(0.0);
        LatLon start = node(a);
        double meters = from.distanceMeters(start);
        double time = meters / (mps * street);
        LatLon prev = from;
        if (!start.equals(prev)) {
            points.add(start);
            seconds.add(time);
            prev = start;
        }
        for (int e : edges) {
            LatLon p = node(edgeTarget[e]);
            meters += edgeMeters[e];
            time += edgeMeters[e] / (mps * CLASSES[edgeClass[e]].speedFactor());
            if (!p.equals(prev)) {
                points.add(p);
                seconds.add(time);
            }
            prev = p;
        }
        double lastLeg = prev.distanceMeters(to);
        meters += lastLeg;
        time += lastLeg / (mps * street);
        if (!to.equals(prev) || points.size() == 1) {
            points.add(to);
            seconds.add(time);
        }
        return new Route(points, meters, time, seconds);
    }

    /**
     * Travel time in seconds from {@code from} to {@code to} at {@code speed}, as {@link #route} would give, for
     * ranking the closest unit. The node-to-node part is cached (the fastest path is the same for every speed,
     * because all speeds keep the same ratio between road classes).
     */
    public double travelSeconds(LatLon from, LatLon to, TravelSpeed speed) {
        int a = nearestNode(from);
        int b = nearestNode(to);
        long key = (long) a * lat.length + b;
        Double weighted;
        synchronized (weightedCache) {
            weighted = weightedCache.get(key);
        }
        if (weighted == null) {
            double sum = 0;
            for (int e : shortestPath(a, b)) {
                sum += cost(e);
            }
            weighted = sum;
            synchronized (weightedCache) {
                weightedCache.put(key, weighted);
            }
        }
        double street = RoadClass.STREET.speedFactor();
        double legs = from.distanceMeters(node(a)) / street + node(b).distanceMeters(to) / street;
        return (weighted + legs) / speed.metersPerSecond();
    }

    /**
     * Travel times in seconds from each of {@code from} to {@code to} at {@code speed}, as {@link #travelSeconds}
     * gives them one by one, with a single Dijkstra search backwards from {@code to}. Deterministic.
     */
    public double[] travelSeconds(List<LatLon> from, LatLon to, TravelSpeed speed) {
        double[] out = new double[from.size()];
        for (Ranked r : closest(from, to, speed, from.size())) {
            out[r.index()] = r.seconds();
        }
        return out;
    }

    /**
     * The {@code count} places of {@code from} with the shortest travel time to {@code to} at {@code speed},
     * fastest first (ties by index), with the times {@link #travelSeconds} gives. One Dijkstra search runs
     * backwards from {@code to} over the reversed one-way roads and stops once no unsettled node could beat the
     * {@code count}-th time found, so its cost depends on how far the nearest places are, not on the city's size.
     */
    public List<Ranked> closest(List<LatLon> from, LatLon to, TravelSpeed speed, int count) {
        int k = Math.min(count, from.size());
        if (k <= 0) {
            return List.of();
        }
        double street = RoadClass.STREET.speedFactor();
        int b = nearestNode(to);
        double lastLeg = node(b).distanceMeters(to) / street;
        // Places grouped by the node they snap to, with the straight leg each drives to reach it.
        Map<Integer, List<Integer>> byNode = new HashMap<>();
        double[] firstLeg = new double[from.size()];
        for (int i = 0; i < from.size(); i++) {
            int s = nearestNode(from.get(i));
            firstLeg[i] = from.get(i).distanceMeters(node(s)) / street;
            byNode.computeIfAbsent(s, x -> new ArrayList<>(1)).add(i);
        }
        Search space = search.get();
        double[] cost = space.cost;
        boolean[] done = space.done;
        NodeHeap heap = space.heap;
        space.reach(b, 0);
        heap.push(b, 0);
        List<Ranked> found = new ArrayList<>();
        double kth = Double.POSITIVE_INFINITY;
        int remaining = byNode.size();
        while (!heap.isEmpty() && remaining > 0) {
            double key = heap.peekKey();
            if (found.size() >= k && key + lastLeg > kth) {
                break;
            }
            int u = heap.pop();
            if (done[u]) {
                continue;
            }
            done[u] = true;
            List<Integer> here = byNode.get(u);
            if (here != null) {
                remaining--;
                for (int i : here) {
                    found.add(new Ranked(i, cost[u] + firstLeg[i] + lastLeg));
                }
                if (found.size() >= k) {
                    found.sort(RANKED);
                    kth = found.get(k - 1).seconds();
                }
            }
            for (int j = inStart[u]; j < inStart[u + 1]; j++) {
                int e = inEdge[j];
                int v = inSource[j];
                double c = cost[u] + cost(e);
                if (!done[v] && c < cost[v]) {
                    space.reach(v, c);
                    heap.push(v, c);
                }
            }
        }
        space.reset();
        found.sort(RANKED);
        double mps = speed.metersPerSecond();
        List<Ranked> out = new ArrayList<>(k);
        for (int i = 0; i < Math.min(k, found.size()); i++) {
            out.add(new Ranked(found.get(i).index(), found.get(i).seconds() / mps));
        }
        return out;
    }

    private static final java.util.Comparator<Ranked> RANKED = java.util.Comparator
            .comparingDouble(Ranked::seconds).thenComparingInt(Ranked::index);

    private double cost(int e) {
        return edgeMeters[e] / CLASSES[edgeClass[e]].speedFactor();
    }

    /**
     * A* over cost = metres / speed factor (travel time times the arterial speed, so one search serves every
     * speed). The heuristic, straight-line metres at the fastest class, never overestimates. Returns the edges.
     */
    private int[] shortestPath(int source, int target) {
        if (source == target) {
            return new int[0];
        }
        Search space = search.get();
        double[] cost = space.cost;
        int[] parentEdge = space.parentEdge;
        int[] parent = space.parent;
        boolean[] done = space.done;
        double targetLat = lat[target];
        double targetLon = lon[target];
        NodeHeap heap = space.heap;
        space.reach(source, 0);
        parent[source] = -1;
        heap.push(source, heuristic(source, targetLat, targetLon));
        while (!heap.isEmpty()) {
            int u = heap.pop();
            if (done[u]) {
                continue;
            }
            if (u == target) {
                break;
            }
            done[u] = true;
            for (int e = outStart[u]; e < outStart[u + 1]; e++) {
                int v = edgeTarget[e];
                if (done[v]) {
                    continue;
                }
                double c = cost[u] + cost(e);
                if (c < cost[v]) {
                    space.reach(v, c);
                    parent[v] = u;
                    parentEdge[v] = e;
                    heap.push(v, c + heuristic(v, targetLat, targetLon));
                }
            }
        }
        if (cost[target] == Double.POSITIVE_INFINITY) {
            // Cannot happen between routable nodes; kept so a broken graph degrades to the start node.
            space.reset();
            return new int[0];
        }
        int length = 0;
        for (int v = target; v != source; v = parent[v]) {
            length++;
        }
        int[] path = new int[length];
        for (int v = target, k = length - 1; v != source; v = parent[v], k--) {
            path[k] = parentEdge[v];
        }
        space.reset();
        return path;
    }

    private double heuristic(int i, double targetLat, double targetLon) {
        // Slightly shrunk so the planar approximation can never overestimate the haversine edge lengths.
        return Math.sqrt(planarSq(targetLat, targetLon, i)) * 0.995 / MAX_FACTOR;
    }

    private double planarSq(double pLat, double pLon, int i) {
        double dy = (lat[i] - pLat) * metersPerDegLat;
        double dx = (lon[i] - pLon) * metersPerDegLon;
        return dx * dx + dy * dy;
    }

    private int cellOf(int i) {
        int row = clamp((int) Math.floor((lat[i] - gridSouth) / cellDegLat), gridRows);
        int col = clamp((int) Math.floor((lon[i] - gridWest) / cellDegLon), gridCols);
        return row * gridCols + col;
    }

    private static int clamp(int v, int size) {
        return Math.max(0, Math.min(size - 1, v));
    }

    /**
     * The arrays a search writes: allocated once per thread and network, and put back to their initial state
     * after each search by walking the nodes it reached, so a search costs what it explores, not the city's size.
     */
    private static final class Search {
        final double[] cost;
        final boolean[] done;
        final int[] parent;
        final int[] parentEdge;
        final NodeHeap heap = new NodeHeap(1024);
        private int[] touched = new int[1024];
        private int touchedCount;

        Search(int n) {
            cost = new double[n];
            Arrays.fill(cost, Double.POSITIVE_INFINITY);
            done = new boolean[n];
            parent = new int[n];
            parentEdge = new int[n];
        }

        /** Lowers the cost of node {@code v}, remembering it for {@link #reset}. */
        void reach(int v, double c) {
            if (cost[v] == Double.POSITIVE_INFINITY) {
                if (touchedCount == touched.length) {
                    touched = Arrays.copyOf(touched, touchedCount * 2);
                }
                touched[touchedCount++] = v;
            }
            cost[v] = c;
        }

        void reset() {
            for (int i = 0; i < touchedCount; i++) {
                int v = touched[i];
                cost[v] = Double.POSITIVE_INFINITY;
                done[v] = false;
            }
            touchedCount = 0;
            heap.clear();
        }
    }

    /** A growable list of ints. */
    private static final class IntList {
        private int[] values = new int[1024];
        private int size;

        void add(int v) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
        }

        int get(int i) {
            return values[i];
        }

        int size() {
            return size;
        }
    }

    /** A growable list of doubles. */
    private static final class DoubleList {
        private double[] values = new double[1024];
        private int size;

        void add(double v) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
        }

        int size() {
            return size;
        }

        double[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }

    /** Binary min-heap of (node, key) pairs in parallel primitive arrays; duplicates allowed (lazy deletion). */
    private static final class NodeHeap {
        private int[] nodes;
        private double[] keys;
        private int size;

        NodeHeap(int capacity) {
            nodes = new int[capacity];
            keys = new double[capacity];
        }

        boolean isEmpty() {
            return size == 0;
        }

        void clear() {
            size = 0;
        }

        double peekKey() {
            return keys[0];
        }

        void push(int node, double key) {
            if (size == nodes.length) {
                nodes = Arrays.copyOf(nodes, size * 2);
                keys = Arrays.copyOf(keys, size * 2);
            }
            int i = size++;
            while (i > 0) {
                int p = (i - 1) >>> 1;
                if (keys[p] < key || (keys[p] == key && nodes[p] <= node)) {
                    break;
                }
                nodes[i] = nodes[p];
                keys[i] = keys[p];
                i = p;
            }
            nodes[i] = node;
            keys[i] = key;
        }

        int pop() {
            int top = nodes[0];
            size--;
            if (size > 0) {
                int node = nodes[size];
                double key = keys[size];
                int i = 0;
                while (true) {
                    int l = 2 * i + 1;
                    if (l >= size) {
                        break;
                    }
                    int r = l + 1;
                    int c = r < size && less(r, l) ? r : l;
                    if (keys[c] > key || (keys[c] == key && nodes[c] >= node)) {
                        break;
                    }
                    nodes[i] = nodes[c];
                    keys[i] = keys[c];
                    i = c;
                }
                nodes[i] = node;
                keys[i] = key;
            }
            return top;
        }

        private boolean less(int a, int b) {
            return keys[a] < keys[b] || (keys[a] == keys[b] && nodes[a] < nodes[b]);
        }
    }
}
