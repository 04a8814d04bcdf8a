package dev.switchboard.city.engine.pack;

import dev.switchboard.city.model.UnitType;
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
 * adjacency (CSR) with each edge's length and road class. Immutable after construction and safe for
 * concurrent use; {@link #route} allocates its own working arrays per call.
 *
 * <p>Roads are polylines; polylines are joined where they share a vertex (equal to 1e-7°, about 1 cm),
 * so junctions must be vertices of every road that meets there. Only the largest connected part of the
 * graph is used for snapping and routing, so a stray piece of road can never strand a unit.
 *
 * <p>Costs: building is O(V + E); {@link #nearestNode} looks at the grid cells around the point, O(1) for
 * evenly spread nodes; {@link #route} is A* by travel time with a straight-line heuristic and a binary
 * heap, O((V + E) log V) in the worst case and much less across a city (about a millisecond or less for
 * a few thousand nodes).
 */
public final class RoadNetwork {

    private static final double COORD_SCALE = 1e7;
    private static final int TRAVEL_CACHE_SIZE = 16_384;

    private final List<Road> roads;
    private final double[] lat;
    private final double[] lon;
    /** Edges of node i are {@code edgeStart[i] .. edgeStart[i + 1] - 1}. */
    private final int[] edgeStart;
    private final int[] edgeTarget;
    private final double[] edgeMeters;
    private final byte[] edgeClass;
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

    private final Map<Long, Double> weightedCache = new LinkedHashMap<>(1024, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Double> eldest) {
            return size() > TRAVEL_CACHE_SIZE;
        }
    };

    /** One road polyline of a class. */
    public record Road(List<LatLon> points, RoadClass roadClass) {
        public Road {
            points = List.copyOf(points);
            Objects.requireNonNull(roadClass, "roadClass");
            if (points.size() < 2) {
                throw new IllegalArgumentException("A road needs at least two points");
            }
        }
    }

    /** Receives each undirected edge once. */
    @FunctionalInterface
    public interface EdgeVisitor {
        void edge(int from, int to, RoadClass roadClass, double lengthMeters);
    }

    /** Builds the graph of {@code roads}; there must be at least one road. */
    public RoadNetwork(List<Road> roads) {
        this.roads = List.copyOf(roads);
        if (this.roads.isEmpty()) {
            throw new IllegalArgumentException("A road network needs at least one road");
        }
        Map<Long, Integer> index = new HashMap<>();
        List<double[]> nodes = new ArrayList<>();
        List<int[]> pairs = new ArrayList<>();
        List<RoadClass> pairClass = new ArrayList<>();
        for (Road road : this.roads) {
            int prev = -1;
            for (LatLon p : road.points()) {
                long key = Math.round(p.lat() * COORD_SCALE) * 4_000_000_000L + Math.round(p.lon() * COORD_SCALE);
                Integer id = index.get(key);
                if (id == null) {
                    id = nodes.size();
                    index.put(key, id);
                    nodes.add(new double[] {p.lat(), p.lon()});
                }
                if (prev >= 0 && prev != id) {
                    pairs.add(new int[] {prev, id});
                    pairClass.add(road.roadClass());
                }
                prev = id;
            }
        }
        int n = nodes.size();
        lat = new double[n];
        lon = new double[n];
        double latSum = 0;
        for (int i = 0; i < n; i++) {
            lat[i] = nodes.get(i)[0];
            lon[i] = nodes.get(i)[1];
            latSum += lat[i];
        }
        double midLat = latSum / n;
        metersPerDegLat = Math.toRadians(1) * LatLon.EARTH_RADIUS_METERS;
        metersPerDegLon = metersPerDegLat * Math.cos(Math.toRadians(midLat));

        int[] degree = new int[n];
        for (int[] pair : pairs) {
            degree[pair[0]]++;
            degree[pair[1]]++;
        }
        edgeStart = new int[n + 1];
        for (int i = 0; i < n; i++) {
            edgeStart[i + 1] = edgeStart[i] + degree[i];
        }
        int m = edgeStart[n];
        edgeTarget = new int[m];
        edgeMeters = new double[m];
        edgeClass = new byte[m];
        int[] fill = Arrays.copyOf(edgeStart, n);
        for (int e = 0; e < pairs.size(); e++) {
            int a = pairs.get(e)[0];
            int b = pairs.get(e)[1];
            double meters = node(a).distanceMeters(node(b));
            byte cls = (byte) pairClass.get(e).ordinal();
            int ea = fill[a]++;
            edgeTarget[ea] = b;
            edgeMeters[ea] = meters;
            edgeClass[ea] = cls;
            int eb = fill[b]++;
            edgeTarget[eb] = a;
            edgeMeters[eb] = meters;
            edgeClass[eb] = cls;
        }

        // Connected components; keep the largest for snapping and routing.
        int[] component = new int[n];
        Arrays.fill(component, -1);
        int[] queue = new int[n];
        int components = 0;
        int bestComponent = 0;
        int bestSize = 0;
        for (int s = 0; s < n; s++) {
            if (component[s] >= 0) {
                continue;
            }
            int head = 0;
            int tail = 0;
            queue[tail++] = s;
            component[s] = components;
            while (head < tail) {
                int u = queue[head++];
                for (int e = edgeStart[u]; e < edgeStart[u + 1]; e++) {
                    int v = edgeTarget[e];
                    if (component[v] < 0) {
                        component[v] = components;
                        queue[tail++] = v;
                    }
                }
            }
            if (tail > bestSize) {
                bestSize = tail;
                bestComponent = components;
            }
            components++;
        }
        componentCount = components;
        routable = new boolean[n];
        for (int i = 0; i < n; i++) {
            routable[i] = component[i] == bestComponent;
        }
        routableCount = bestSize;

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

    /** The polylines the network was built from, for drawing. */
    public List<Road> roads() {
        return roads;
    }

    /** Number of nodes, including those outside the routable part. */
    public int nodeCount() {
        return lat.length;
    }

    /** Number of undirected edges. */
    public int edgeCount() {
        return edgeTarget.length / 2;
    }

    /** Position of node {@code i}. */
    public LatLon node(int i) {
        return new LatLon(lat[i], lon[i]);
    }

    /** Whether node {@code i} belongs to the largest connected part, the one used for routing. */
    public boolean isRoutable(int i) {
        return routable[i];
    }

    /** Number of connected parts of the graph; 1 for a fully connected network. */
    public int componentCount() {
        return componentCount;
    }

    /** Visits every undirected edge once. */
    public void forEachEdge(EdgeVisitor visitor) {
        for (int u = 0; u < lat.length; u++) {
            for (int e = edgeStart[u]; e < edgeStart[u + 1]; e++) {
                int v = edgeTarget[e];
                if (u < v) {
                    visitor.edge(u, v, RoadClass.values()[edgeClass[e]], edgeMeters[e]);
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
     * The fastest route from {@code from} to {@code to} for a unit of {@code type}: arterials at the type's
     * speed, streets at 60 % of it. Both ends are snapped to the nearest routable node; the straight legs
     * from {@code from} to that node and from the last node to {@code to} are driven at street speed and
     * included in length and time. Deterministic.
     */
    public Route route(LatLon from, LatLon to, UnitType type) {
        double speed = metersPerSecond(type);
        int a = nearestNode(from);
        int b = nearestNode(to);
        int[] path = shortestPath(a, b);
        List<LatLon> points = new ArrayList<>(path.length + 2);
        List<Double> seconds = new ArrayList<>(path.length + 2);
        double meters = 0;
        double time = 0;
        points.add(from);
        seconds.add(0.0);
        LatLon prev = from;
        for (int k = 0; k < path.length; k++) {
            LatLon p = node(path[k]);
            double legMeters = prev.distanceMeters(p);
            double factor = k == 0 ? RoadClass.STREET.speedFactor() : classBetween(path[k - 1], path[k]).speedFactor();
            meters += legMeters;
            time += legMeters / (speed * factor);
            if (!p.equals(prev)) {
                points.add(p);
                seconds.add(time);
            }
            prev = p;
        }
        double lastLeg = prev.distanceMeters(to);
        meters += lastLeg;
        time += lastLeg / (speed * RoadClass.STREET.speedFactor());
        if (!to.equals(prev) || points.size() == 1) {
            points.add(to);
            seconds.add(time);
        }
        return new Route(points, meters, time, seconds);
    }

    /**
     * Travel time in seconds from {@code from} to {@code to} for {@code type}, as {@link #route} would give,
     * for ranking the closest unit. The node-to-node part is cached (the fastest path is the same for every
     * unit type, because all types keep the same ratio between street and arterial speed).
     */
    public double travelSeconds(LatLon from, LatLon to, UnitType type) {
        double speed = metersPerSecond(type);
        int a = nearestNode(from);
        int b = nearestNode(to);
        long key = (long) a * lat.length + b;
        Double weighted;
        synchronized (weightedCache) {
            weighted = weightedCache.get(key);
        }
        if (weighted == null) {
            weighted = weightedLength(shortestPath(a, b));
            synchronized (weightedCache) {
                weightedCache.put(key, weighted);
            }
        }
        double street = RoadClass.STREET.speedFactor();
        double legs = from.distanceMeters(node(a)) / street + node(b).distanceMeters(to) / street;
        return (weighted + legs) / speed;
    }

    /**
     * Travel times in seconds from each of {@code from} to {@code to} for {@code type}, as {@link #travelSeconds}
     * gives them one by one, but with a single Dijkstra search outwards from {@code to} (the roads are two-way):
     * ranking a fleet of hundreds of units costs about as much as one route. Deterministic.
     */
    public double[] travelSeconds(List<LatLon> from, LatLon to, UnitType type) {
        double speed = metersPerSecond(type);
        double street = RoadClass.STREET.speedFactor();
        int b = nearestNode(to);
        int[] starts = new int[from.size()];
        for (int i = 0; i < starts.length; i++) {
            starts[i] = nearestNode(from.get(i));
        }
        double[] weighted = costsFrom(b, starts);
        double[] out = new double[starts.length];
        double lastLeg = node(b).distanceMeters(to) / street;
        for (int i = 0; i < starts.length; i++) {
            double firstLeg = from.get(i).distanceMeters(node(starts[i])) / street;
            out[i] = (weighted[starts[i]] + firstLeg + lastLeg) / speed;
        }
        return out;
    }

    /** Arterial speed of {@code type} in metres per second. */
    public static double metersPerSecond(UnitType type) {
        return type.speedKmh() / 3.6;
    }

    private double weightedLength(int[] path) {
        double sum = 0;
        for (int k = 1; k < path.length; k++) {
            int u = path[k - 1];
            int v = path[k];
            int e = edgeBetween(u, v);
            sum += edgeMeters[e] / RoadClass.values()[edgeClass[e]].speedFactor();
        }
        return sum;
    }

    private RoadClass classBetween(int u, int v) {
        return RoadClass.values()[edgeClass[edgeBetween(u, v)]];
    }

    /** The cheapest edge from u to v (there may be parallel ones). */
    private int edgeBetween(int u, int v) {
        int best = -1;
        double bestCost = Double.MAX_VALUE;
        for (int e = edgeStart[u]; e < edgeStart[u + 1]; e++) {
            if (edgeTarget[e] == v) {
                double cost = edgeMeters[e] / RoadClass.values()[edgeClass[e]].speedFactor();
                if (cost < bestCost) {
                    bestCost = cost;
                    best = e;
                }
            }
        }
        return best;
    }

    /**
     * A* over cost = metres / speed factor (travel time times the arterial speed, so one search serves every
     * unit type). The heuristic, straight-line metres, never overestimates because the factor is at most 1.
     */
    private int[] shortestPath(int source, int target) {
        if (source == target) {
            return new int[] {source};
        }
        int n = lat.length;
        double[] cost = new double[n];
        Arrays.fill(cost, Double.POSITIVE_INFINITY);
        int[] parent = new int[n];
        boolean[] done = new boolean[n];
        double targetLat = lat[target];
        double targetLon = lon[target];
        NodeHeap heap = new NodeHeap(64);
        cost[source] = 0;
        parent[source] = -1;
        heap.push(source, heuristic(source, targetLat, targetLon));
        RoadClass[] classes = RoadClass.values();
        while (!heap.isEmpty()) {
            int u = heap.pop();
            if (done[u]) {
                continue;
            }
            if (u == target) {
                break;
            }
            done[u] = true;
            for (int e = edgeStart[u]; e < edgeStart[u + 1]; e++) {
                int v = edgeTarget[e];
                if (done[v]) {
                    continue;
                }
                double c = cost[u] + edgeMeters[e] / classes[edgeClass[e]].speedFactor();
                if (c < cost[v]) {
                    cost[v] = c;
                    parent[v] = u;
                    heap.push(v, c + heuristic(v, targetLat, targetLon));
                }
            }
        }
        if (cost[target] == Double.POSITIVE_INFINITY) {
            // Cannot happen between routable nodes; kept so a broken graph degrades to a straight line.
            return new int[] {source, target};
        }
        int length = 0;
        for (int v = target; v != -1; v = parent[v]) {
            length++;
        }
        int[] path = new int[length];
        for (int v = target, k = length - 1; v != -1; v = parent[v], k--) {
            path[k] = v;
        }
        return path;
    }

    /** Dijkstra from {@code source} until every node of {@code targets} is settled; cost per node. */
    private double[] costsFrom(int source, int[] targets) {
        int n = lat.length;
        double[] cost = new double[n];
        Arrays.fill(cost, Double.POSITIVE_INFINITY);
        boolean[] wanted = new boolean[n];
        int remaining = 0;
        for (int t : targets) {
            if (!wanted[t]) {
                wanted[t] = true;
                remaining++;
            }
        }
        boolean[] done = new boolean[n];
        NodeHeap heap = new NodeHeap(64);
        cost[source] = 0;
        heap.push(source, 0);
        RoadClass[] classes = RoadClass.values();
        while (!heap.isEmpty() && remaining > 0) {
            int u = heap.pop();
            if (done[u]) {
                continue;
            }
            done[u] = true;
            if (wanted[u]) {
                remaining--;
            }
            for (int e = edgeStart[u]; e < edgeStart[u + 1]; e++) {
                int v = edgeTarget[e];
                double c = cost[u] + edgeMeters[e] / classes[edgeClass[e]].speedFactor();
                if (!done[v] && c < cost[v]) {
                    cost[v] = c;
                    heap.push(v, c);
                }
            }
        }
        return cost;
    }

    private double heuristic(int i, double targetLat, double targetLon) {
        // Slightly shrunk so the planar approximation can never overestimate the haversine edge lengths.
        return Math.sqrt(planarSq(targetLat, targetLon, i)) * 0.995;
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
