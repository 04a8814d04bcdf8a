package dev.switchboard.surveillance.engine;

import dev.switchboard.surveillance.model.Behaviour;
import dev.switchboard.surveillance.model.Camera;
import dev.switchboard.surveillance.model.CameraEvent;
import dev.switchboard.surveillance.model.CityTime;
import dev.switchboard.surveillance.model.EventQuery;
import dev.switchboard.surveillance.model.IncidentRef;
import dev.switchboard.surveillance.model.Insight;
import dev.switchboard.surveillance.model.SearchHit;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Proactive insights without a model, each with its evidence: counts on a camera or in a ward far above their own
 * baseline for that hour of day (with the z-score as significance), loitering at night, the same plate on several
 * cameras, the same person walking past several cameras, and events clustering around an open incident.
 * Thread-safe.
 */
public final class Insights {

    /** Days of history the baselines and the scans look at. */
    static final int LOOKBACK_DAYS = 7;
    static final double MIN_Z = 4.0;
    static final int MIN_COUNT = 12;
    /** Days of the same hour a baseline needs. */
    static final int MIN_DAYS = 3;
    /** Camera anomalies reported at most (half as many ward anomalies). */
    static final int MAX_ANOMALIES = 12;

    private final EventSearch search;
    private final CameraDirectory cameras;

    public Insights(EventSearch search, CameraDirectory cameras) {
        this.search = Objects.requireNonNull(search, "search");
        this.cameras = Objects.requireNonNull(cameras, "cameras");
    }

    /**
     * The insights of the week up to {@code now} (or up to the newest event, when that is earlier), most
     * significant first.
     */
    public List<Insight> find(Instant now, List<IncidentRef> incidents) {
        Instant latest = search.latest();
        if (latest == null) {
            return List.of();
        }
        // A week's scan takes seconds at a million events: reuse it while the events, the incidents and the end of
        // the window (to the minute) are the same.
        Instant end = (latest.isBefore(now) ? latest.plusSeconds(1) : now).truncatedTo(ChronoUnit.MINUTES);
        Cached c = cached;
        long indexed = search.indexed();
        if (c != null && c.end.equals(end) && c.indexed == indexed && c.incidents.equals(incidents)) {
            return c.insights;
        }
        List<Insight> found = compute(now, latest, incidents);
        cached = new Cached(end, indexed, List.copyOf(incidents), found);
        return found;
    }

    private record Cached(Instant end, long indexed, List<IncidentRef> incidents, List<Insight> insights) {
    }

    private volatile Cached cached;

    private List<Insight> compute(Instant now, Instant latest, List<IncidentRef> incidents) {
        Instant end = latest.isBefore(now) ? latest.plusSeconds(1) : now;
        List<Insight> out = new ArrayList<>();
        out.addAll(anomalies(end));
        out.addAll(nightLoitering(end));
        out.addAll(repeatedPlates(end));
        out.addAll(repeatedPeople(end));
        out.addAll(incidentClusters(end, incidents));
        out.sort(Comparator.comparingDouble(Insight::significance).reversed());
        return List.copyOf(out);
    }

    /** Camera-hours and ward-hours far above the camera's (ward's) mean for that hour of day. */
    List<Insight> anomalies(Instant end) {
        long endHour = Math.floorDiv(end.toEpochMilli(), 3_600_000L) + 1;
        int hours = LOOKBACK_DAYS * 24;
        long from = (endHour - hours) * 3_600_000L;
        Map<Integer, int[]> counts = search.hourly(EventQuery.all(), from, hours);
        // Only the hours the store covers count towards a baseline: a store still filling (or younger than the
        // look-back) must not make every hour look unusual against empty days.
        int first = hours;
        int last = -1;
        for (int[] c : counts.values()) {
            for (int h = 0; h < hours; h++) {
                if (c[h] > 0) {
                    first = Math.min(first, h);
                    last = Math.max(last, h);
                }
            }
        }
        if (last < 0) {
            return List.of();
        }
        int firstSlot = first;
        int lastSlot = last;
        record Found(Camera camera, String ward, Cell cell) {
        }
        List<Found> cams = new ArrayList<>();
        List<Found> wardCells = new ArrayList<>();
        Map<String, int[]> wards = new HashMap<>();
        for (Map.Entry<Integer, int[]> c : counts.entrySet()) {
            Camera camera = cameras.camera(c.getKey()).orElse(null);
            if (camera == null) {
                continue;
            }
            int[] w = wards.computeIfAbsent(camera.wardId(), k -> new int[hours]);
            for (int h = 0; h < hours; h++) {
                w[h] += c.getValue()[h];
            }
            Cell cell = strongest(c.getValue(), from, firstSlot, lastSlot);
            if (cell != null) {
                cams.add(new Found(camera, null, cell));
            }
        }
        for (Map.Entry<String, int[]> w : wards.entrySet()) {
            Cell cell = strongest(w.getValue(), from, firstSlot, lastSlot);
            if (cell != null && cell.count >= 3 * MIN_COUNT) {
                wardCells.add(new Found(null, w.getKey(), cell));
            }
        }
        // Evidence is looked up for the strongest only: one search each.
        cams.sort(Comparator.comparingDouble((Found f) -> f.cell().z()).reversed());
        wardCells.sort(Comparator.comparingDouble((Found f) -> f.cell().z()).reversed());
        List<Insight> out = new ArrayList<>();
        for (Found f : cams.subList(0, Math.min(MAX_ANOMALIES, cams.size()))) {
            Camera camera = f.camera();
            Cell cell = f.cell();
            Instant at = Instant.ofEpochMilli(from + cell.slot * 3_600_000L);
            List<String> evidence = evidence(EventQuery.all().withCameras(List.of(camera.number()))
                    .withRange(at, at.plus(Duration.ofHours(1))));
            out.add(new Insight(Insight.Kind.CAMERA_ANOMALY, String.format(Locale.ROOT,
                    "%s: %d events at %s, usually %.1f", camera.name(), cell.count, hourText(at), cell.mean),
                    String.format(Locale.ROOT, "Camera %d saw %d events in the hour from %s against a mean of "
                            + "%.1f for that hour on the other days (z = %.1f).", camera.number(), cell.count,
                            CityTime.shortText(at), cell.mean, cell.z), significance(cell.z), evidence));
        }
        for (Found f : wardCells.subList(0, Math.min(MAX_ANOMALIES / 2, wardCells.size()))) {
            Cell cell = f.cell();
            Instant at = Instant.ofEpochMilli(from + cell.slot * 3_600_000L);
            List<String> evidence = evidence(EventQuery.all().withWards(List.of(f.ward()))
                    .withRange(at, at.plus(Duration.ofHours(1))));
            out.add(new Insight(Insight.Kind.WARD_ANOMALY, String.format(Locale.ROOT,
                    "%s ward: %d events at %s, usually %.0f", capitalise(f.ward()), cell.count, hourText(at),
                    cell.mean), String.format(Locale.ROOT, "The cameras of %s saw %d events in the hour from %s "
                    + "against a mean of %.0f for that hour (z = %.1f).", capitalise(f.ward()), cell.count,
                    CityTime.shortText(at), cell.mean, cell.z), significance(cell.z), evidence));
        }
        return out;
    }

    private record Cell(int slot, int count, double mean, double z) {
    }

    /** The cell most above its hour-of-day baseline, if it clears the thresholds. */
    private static Cell strongest(int[] perHour, long fromMillis, int firstSlot, int lastSlot) {
        // Slot 0 starts at fromMillis; its hour of day decides which baseline it belongs to.
        int firstHour = CityTime.hour(Instant.ofEpochMilli(fromMillis));
        double[] sum = new double[24];
        double[] sumSq = new double[24];
        int[] n = new int[24];
        for (int h = firstSlot; h <= lastSlot; h++) {
            int hod = (firstHour + h) % 24;
            sum[hod] += perHour[h];
            sumSq[hod] += (double) perHour[h] * perHour[h];
            n[hod]++;
        }
        Cell best = null;
        for (int h = firstSlot; h <= lastSlot; h++) {
            int x = perHour[h];
            if (x < MIN_COUNT) {
                continue;
            }
            int hod = (firstHour + h) % 24;
            if (n[hod] < MIN_DAYS) {
                continue;
            }
            // Baseline without the cell itself.
            double m = (sum[hod] - x) / (n[hod] - 1);
            double var = Math.max(0, (sumSq[hod] - (double) x * x) / (n[hod] - 1) - m * m);
            double z = (x - m) / Math.sqrt(var + m + 0.5);
            if (z >= MIN_Z && (best == null || z > best.z)) {
                best = new Cell(h, x, m, z);
            }
        }
        return best;
    }

    /** Cameras with repeated loitering between 22:00 and 06:00 in the last day. */
    List<Insight> nightLoitering(Instant end) {
        EventQuery q = EventQuery.all().withBehaviours(Set.of(Behaviour.LOITERING))
                .withHours(EventQuery.HourWindow.hours(22, 6)).withRange(end.minus(Duration.ofHours(24)), end)
                .withLimit(EventQuery.MAX_LIMIT);
        Map<Integer, List<CameraEvent>> byCamera = new HashMap<>();
        for (SearchHit h : search.search(q).hits()) {
            byCamera.computeIfAbsent(h.event().camera(), k -> new ArrayList<>()).add(h.event());
        }
        List<Insight> out = new ArrayList<>();
        byCamera.entrySet().stream().filter(e -> e.getValue().size() >= 3)
                .sorted(Comparator.comparingInt((Map.Entry<Integer, List<CameraEvent>> e) -> e.getValue().size())
                        .reversed()).limit(5).forEach(e -> {
                    CameraEvent first = e.getValue().get(0);
                    out.add(new Insight(Insight.Kind.NIGHT_LOITERING, String.format(Locale.ROOT,
                            "Loitering at night on %s (%d times)", first.cameraName(), e.getValue().size()),
                            String.format(Locale.ROOT, "Camera %d recorded loitering %d times between 22:00 and "
                                    + "06:00 in the last 24 hours.", e.getKey(), e.getValue().size()),
                            Math.min(0.95, 0.4 + 0.1 * e.getValue().size()),
                            e.getValue().stream().limit(8).map(CameraEvent::ref).toList()));
                });
        return out;
    }

    /** The same plate read by three or more cameras within a few hours. */
    List<Insight> repeatedPlates(Instant end) {
        Map<String, List<EventIndex.Sighting>> plates = search.plates(EventQuery.all()
                .withRange(end.minus(Duration.ofDays(LOOKBACK_DAYS)), end));
        List<Insight> out = new ArrayList<>();
        for (Map.Entry<String, List<EventIndex.Sighting>> p : plates.entrySet()) {
            List<EventIndex.Sighting> s = new ArrayList<>(p.getValue());
            if (s.size() < 3) {
                continue;
            }
            s.sort(Comparator.comparingLong(EventIndex.Sighting::timeMillis));
            // The longest run of sightings less than three hours apart.
            int bestStart = 0;
            int bestEnd = 0;
            int start = 0;
            for (int i = 1; i < s.size(); i++) {
                if (s.get(i).timeMillis() - s.get(i - 1).timeMillis() > 3 * 3_600_000L) {
                    start = i;
                }
                if (i - start > bestEnd - bestStart) {
                    bestStart = start;
                    bestEnd = i;
                }
            }
            List<EventIndex.Sighting> run = s.subList(bestStart, bestEnd + 1);
            Set<Integer> cams = new LinkedHashSet<>();
            run.forEach(x -> cams.add(x.camera()));
            if (cams.size() < 3) {
                continue;
            }
            CameraEvent first = search.store().byId(run.get(0).id()).orElse(null);
            String plate = first == null ? p.getKey() : first.attributes().plate();
            out.add(new Insight(Insight.Kind.REPEATED_PLATE, String.format(Locale.ROOT,
                    "Plate %s seen on %d cameras", plate, cams.size()), String.format(Locale.ROOT,
                    "A %s with plate %s passed cameras %s between %s and %s.", first == null ? "vehicle"
                            : (first.attributes().colour() + " " + first.attributes().clothing()).strip(), plate,
                    String.join(", ", cams.stream().map(String::valueOf).toList()),
                    CityTime.shortText(Instant.ofEpochMilli(run.get(0).timeMillis())),
                    CityTime.shortText(Instant.ofEpochMilli(run.get(run.size() - 1).timeMillis()))),
                    Math.min(0.95, 0.5 + 0.1 * cams.size()),
                    run.stream().map(x -> CameraEvent.ref(x.id())).limit(8).toList()));
        }
        out.sort(Comparator.comparingDouble(Insight::significance).reversed());
        return out.subList(0, Math.min(10, out.size()));
    }

    /** Sightings of one look further apart than this do not join into one walk. */
    static final long PERSON_GAP_MS = 8 * 60_000L;
    /** Cameras further apart than this are not the next step of one walk. */
    static final double PERSON_STEP_M = 2_000;
    /** Detections below this confidence are too unsure to follow a person by their clothes. */
    static final double PERSON_CONFIDENCE = 0.75;

    /**
     * The same person (same colour, clothing and direction of travel, seen with good confidence) passing three or
     * more nearby cameras one after another, each within a few minutes and two kilometres of the last. Chained by
     * dynamic programming over each look's sightings in time order: a sighting continues the longest walk that
     * ended a minute to eight minutes earlier on another camera close by.
     */
    List<Insight> repeatedPeople(Instant end) {
        List<EventStore.PersonSighting> all = search.store().people(end.minus(Duration.ofDays(LOOKBACK_DAYS))
                .toEpochMilli(), end.toEpochMilli(), PERSON_CONFIDENCE);
        Map<String, List<EventStore.PersonSighting>> byLook = new HashMap<>();
        for (EventStore.PersonSighting p : all) {
            if (!p.colour().isEmpty() && !p.clothing().isEmpty() && !p.direction().isEmpty()) {
                byLook.computeIfAbsent(p.colour() + "|" + p.clothing() + "|" + p.direction(),
                        k -> new ArrayList<>()).add(p);
            }
        }
        record Walk(List<EventStore.PersonSighting> steps, int cameras) {
        }
        List<Walk> walks = new ArrayList<>();
        for (List<EventStore.PersonSighting> seen : byLook.values()) {
            int n = seen.size();
            int[] length = new int[n];
            int[] previous = new int[n];
            boolean[] continued = new boolean[n];
            for (int i = 0; i < n; i++) {
                length[i] = 1;
                previous[i] = -1;
                EventStore.PersonSighting here = seen.get(i);
                for (int j = i - 1; j >= 0; j--) {
                    EventStore.PersonSighting before = seen.get(j);
                    long gap = here.timeMillis() - before.timeMillis();
                    if (gap > PERSON_GAP_MS) {
                        break;
                    }
                    if (gap >= 60_000L && before.camera() != here.camera() && length[j] + 1 > length[i]
                            && before.position().distanceMeters(here.position()) <= PERSON_STEP_M) {
                        length[i] = length[j] + 1;
                        previous[i] = j;
                    }
                }
                if (previous[i] >= 0) {
                    continued[previous[i]] = true;
                }
            }
            for (int i = 0; i < n; i++) {
                if (length[i] < 3 || continued[i]) {
                    continue;
                }
                List<EventStore.PersonSighting> steps = new ArrayList<>();
                for (int k = i; k >= 0; k = previous[k]) {
                    steps.add(0, seen.get(k));
                }
                int cameras = (int) steps.stream().mapToInt(EventStore.PersonSighting::camera).distinct().count();
                if (cameras >= 3) {
                    walks.add(new Walk(steps, cameras));
                }
            }
        }
        walks.sort(Comparator.comparingInt(Walk::cameras).reversed()
                .thenComparing(w -> -w.steps().get(w.steps().size() - 1).timeMillis()));
        List<Insight> out = new ArrayList<>();
        for (Walk w : walks.subList(0, Math.min(10, walks.size()))) {
            EventStore.PersonSighting first = w.steps().get(0);
            EventStore.PersonSighting last = w.steps().get(w.steps().size() - 1);
            out.add(new Insight(Insight.Kind.REPEATED_PERSON, String.format(Locale.ROOT,
                    "Person in a %s %s seen on %d cameras", first.colour(), first.clothing(), w.cameras()),
                    String.format(Locale.ROOT, "A person in a %s %s heading %s passed cameras %s between %s and %s.",
                            first.colour(), first.clothing(), first.direction(), String.join(", ", w.steps().stream()
                                    .map(x -> String.valueOf(x.camera())).distinct().toList()),
                            CityTime.shortText(Instant.ofEpochMilli(first.timeMillis())),
                            CityTime.shortText(Instant.ofEpochMilli(last.timeMillis()))),
                    Math.min(0.9, 0.4 + 0.1 * w.cameras()),
                    w.steps().stream().map(x -> CameraEvent.ref(x.id())).limit(8).toList()));
        }
        return out;
    }

    /** Notable events within 500 m and an hour of each open incident. */
    List<Insight> incidentClusters(Instant end, List<IncidentRef> incidents) {
        List<Insight> out = new ArrayList<>();
        for (IncidentRef i : incidents) {
            if (!i.open()) {
                continue;
            }
            EventQuery q = EventQuery.all().withNear(new EventQuery.Near(i.title(), i.position(),
                    QueryPlanner.INCIDENT_RADIUS_M)).withRange(i.at().minus(Duration.ofMinutes(30)),
                    i.at().plus(Duration.ofMinutes(60))).withBehaviours(Set.of(Behaviour.values()).stream()
                    .filter(Behaviour::notable).collect(java.util.stream.Collectors.toSet())).withLimit(20);
            List<SearchHit> hits = search.search(q).hits();
            if (hits.size() >= 2) {
                out.add(new Insight(Insight.Kind.INCIDENT_CLUSTER, String.format(Locale.ROOT,
                        "%d camera events around %s", hits.size(), i.title()), String.format(Locale.ROOT,
                        "Cameras within %d m of %s (%s) recorded %d notable events from 30 minutes before it opened.",
                        (int) QueryPlanner.INCIDENT_RADIUS_M, i.title(), i.id(), hits.size()),
                        Math.min(0.99, 0.6 + 0.03 * hits.size()), hits.stream().limit(8)
                        .map(h -> h.event().ref()).toList()));
            }
        }
        return out;
    }

    private List<String> evidence(EventQuery q) {
        return search.search(q.withLimit(8)).hits().stream().map(h -> h.event().ref()).toList();
    }

    /** A z-score as 0..1: 4 → 0.6, 8 → 0.84, 12 → 0.95. */
    static double significance(double z) {
        return Math.round((1 - Math.exp(-z / 4.4)) * 1000) / 1000.0;
    }

    private static String hourText(Instant at) {
        return CityTime.shortText(at);
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
