package dev.switchboard.surveillance.engine;

import dev.switchboard.core.geo.LatLon;
import dev.switchboard.surveillance.model.Behaviour;
import dev.switchboard.surveillance.model.Camera;
import dev.switchboard.surveillance.model.CameraEvent;
import dev.switchboard.surveillance.model.CameraEvent.Attributes;
import dev.switchboard.surveillance.model.CityTime;
import dev.switchboard.surveillance.model.IncidentRef;
import dev.switchboard.surveillance.model.ObjectType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Camera events of the simulated city, deterministic for a seed: a daily rhythm (commuter peaks, quiet nights) on
 * every camera, weighted by camera and ward; incidents (fights, fires, crashes, collapses) that leave traces on the
 * cameras around them before and after; objects tracked across several cameras (a car with its plate, a person in
 * distinctive clothes); and seeded anomalies (a burst on one camera at an odd hour). Ground truth (which events
 * belong to which incident, track or anomaly) comes with each event for evaluation.
 *
 * <p>Events come out hour by hour in time order, so a million of them never sit in memory at once.
 */
public final class EventGenerator {

    /** Cameras an incident leaves traces on at most, within {@link #TRACE_RADIUS_M}. */
    static final int TRACE_CAMERAS = 5;
    static final double TRACE_RADIUS_M = 450;

    private static final double[] HOUR_WEIGHTS = {
        0.30, 0.18, 0.12, 0.10, 0.12, 0.30, 0.80, 1.60, 2.00, 1.40, 1.00, 1.00,
        1.20, 1.10, 1.00, 1.05, 1.20, 1.70, 1.90, 1.40, 1.10, 0.90, 0.70, 0.45};
    private static final Set<String> BUSY_WARDS = Set.of("shinjuku", "shibuya", "chiyoda", "minato", "chuo",
            "toshima", "taito");
    private static final List<String> PLATE_REGIONS = List.of("Shinagawa", "Nerima", "Adachi", "Setagaya",
            "Suginami", "Tama", "Hachioji", "Koto", "Kawasaki", "Yokohama");
    private static final List<String> PLATE_KANA = List.of("a", "ka", "sa", "ta", "na", "ha", "ma", "ya", "ra", "wa");
    private static final ObjectType[] TYPES = ObjectType.values();

    private final CameraDirectory cameras;
    private final long seed;
    private final double[] cameraCumulative;

    /** One generated event and its ground truth (tags such as {@code incident:H7-003}, {@code track:12}). */
    public record Generated(CameraEvent event, List<String> truth) {
        public Generated {
            Objects.requireNonNull(event, "event");
            truth = List.copyOf(truth);
        }
    }

    /** The incidents, tracks and anomalies planted in a span, for evaluation and for the incident list. */
    public record Plan(List<IncidentRef> incidents, List<Track> tracks, List<Anomaly> anomalies) {
        public Plan {
            incidents = List.copyOf(incidents);
            tracks = List.copyOf(tracks);
            anomalies = List.copyOf(anomalies);
        }
    }

    /** An object followed across cameras. */
    public record Track(int id, ObjectType type, Attributes attributes, List<Integer> cameras, Instant start) {
        public Track {
            cameras = List.copyOf(cameras);
        }
    }

    /** A burst of events on one camera in one hour. */
    public record Anomaly(int id, int camera, Instant hourStart, int extra) {
    }

    /** What kind of incident; decides its traces. */
    public enum IncidentKind {
        FIGHT("Fight"), FIRE("Fire"), CRASH("Crash"), COLLAPSE("Person collapsed");

        private final String label;

        IncidentKind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        /** The kind an incident's title or nature names, else {@code FIGHT} for police and {@code COLLAPSE}. */
        public static IncidentKind guess(String words) {
            String w = words == null ? "" : words.toLowerCase(Locale.ROOT);
            if (w.contains("fire") || w.contains("smoke") || w.contains("burn")) {
                return FIRE;
            }
            if (w.contains("crash") || w.contains("collision") || w.contains("accident") || w.contains("pile")
                    || w.contains("traffic")) {
                return CRASH;
            }
            if (w.contains("fight") || w.contains("assault") || w.contains("violence") || w.contains("weapon")
                    || w.contains("gang") || w.contains("stab") || w.contains("robbery") || w.contains("burglary")) {
                return FIGHT;
            }
            return COLLAPSE;
        }
    }

    public EventGenerator(CameraDirectory cameras, long seed) {
        this.cameras = Objects.requireNonNull(cameras, "cameras");
        this.seed = seed;
        SplittableRandom r = new SplittableRandom(seed ^ 0x5DEECE66DL);
        cameraCumulative = new double[cameras.size()];
        double sum = 0;
        for (int i = 0; i < cameras.size(); i++) {
            Camera c = cameras.cameras().get(i);
            // A log-normal-ish activity per camera, doubled in the busy central wards.
            double activity = Math.exp(r.nextGaussian() * 0.6) * (BUSY_WARDS.contains(c.wardId()) ? 2.0 : 1.0);
            sum += activity;
            cameraCumulative[i] = sum;
        }
        for (int i = 0; i < cameraCumulative.length; i++) {
            cameraCumulative[i] /= sum;
        }
    }

    /** How busy hour {@code h} (0..23) is relative to the mean hour. */
    public static double hourWeight(int h) {
        return HOUR_WEIGHTS[h];
    }

    /** The incidents, tracks and anomalies of {@code [from, to)}; the same every time for the same arguments. */
    public Plan plan(Instant from, Instant to) {
        long hours = Math.max(1, Duration.between(from, to).toHours());
        double days = hours / 24.0;
        SplittableRandom r = new SplittableRandom(seed * 31 + from.getEpochSecond());
        List<IncidentRef> incidents = new ArrayList<>();
        int nIncidents = (int) Math.max(1, Math.round(days * 4));
        IncidentKind[] kinds = IncidentKind.values();
        for (int i = 0; i < nIncidents; i++) {
            IncidentKind kind = kinds[i % kinds.length];
            Camera at = cameras.cameras().get(r.nextInt(cameras.size()));
            Instant when = from.plusSeconds(600 + r.nextLong(Math.max(1, hours * 3600 - 3600)));
            LatLon p = new LatLon(at.position().lat() + (r.nextDouble() - 0.5) * 0.002,
                    at.position().lon() + (r.nextDouble() - 0.5) * 0.002);
            String id = String.format(Locale.ROOT, "H%d-%03d", Math.floorMod(seed, 1000), i + 1);
            incidents.add(new IncidentRef(id, null, "history", kind.label() + " in " + at.wardName(), at.wardId(), p,
                    when, 0, false));
        }
        List<Track> tracks = new ArrayList<>();
        int nTracks = (int) Math.max(1, Math.round(days * 6));
        for (int i = 0; i < nTracks; i++) {
            boolean car = i % 3 != 2;
            ObjectType type = car ? ObjectType.CAR : ObjectType.PERSON;
            Attributes a = Descriptions.attributes(type, Behaviour.PASSING, r);
            if (car) {
                a = new Attributes(a.colour(), a.clothing(), a.direction(), 1, a.speedKmh(), plate(r));
            }
            Camera start = cameras.cameras().get(r.nextInt(cameras.size()));
            List<Integer> chain = chain(start, 3 + r.nextInt(4), r);
            Instant when = from.plusSeconds(r.nextLong(Math.max(1, hours * 3600 - 3600)));
            tracks.add(new Track(i + 1, type, a, chain, when));
        }
        List<Anomaly> anomalies = new ArrayList<>();
        int nAnomalies = (int) Math.max(1, Math.round(days / 2));
        for (int i = 0; i < nAnomalies; i++) {
            int camera = 1 + r.nextInt(cameras.size());
            long day = r.nextLong(Math.max(1, hours / 24));
            Instant dayStart = from.plusSeconds(day * 86_400);
            int hour = 1 + r.nextInt(4);
            Instant hourStart = dayStart.atZone(CityTime.ZONE).withHour(hour).withMinute(0).withSecond(0)
                    .withNano(0).toInstant();
            if (hourStart.isBefore(from)) {
                hourStart = hourStart.plus(Duration.ofDays(1));
            }
            if (!hourStart.isBefore(to)) {
                continue;
            }
            anomalies.add(new Anomaly(i + 1, camera, hourStart, 40 + r.nextInt(40)));
        }
        return new Plan(incidents, tracks, anomalies);
    }

    /**
     * Generates about {@code events} events in {@code [from, to)}, hour by hour in time order, into {@code sink}
     * (one list per hour). The planted incidents, tracks and anomalies are part of the count.
     */
    public Plan generate(Instant from, Instant to, long events, Consumer<List<Generated>> sink) {
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("the span must end after it starts");
        }
        Plan plan = plan(from, to);
        List<Generated> special = new ArrayList<>();
        SplittableRandom r = new SplittableRandom(seed * 17 + 3);
        for (IncidentRef i : plan.incidents()) {
            special.addAll(traces(i, IncidentKind.guess(i.title()), r));
        }
        for (Track t : plan.tracks()) {
            special.addAll(track(t, r));
        }
        for (Anomaly a : plan.anomalies()) {
            special.addAll(anomaly(a, r));
        }
        special.removeIf(g -> g.event().at().isBefore(from) || !g.event().at().isBefore(to));
        special.sort(Comparator.comparing(g -> g.event().at()));
        long background = Math.max(0, events - special.size());
        Instant hourStart = from;
        double totalWeight = 0;
        for (Instant h = from; h.isBefore(to); h = h.plus(Duration.ofHours(1))) {
            totalWeight += HOUR_WEIGHTS[CityTime.hour(h)];
        }
        double carry = 0;
        int next = 0;
        SplittableRandom bg = new SplittableRandom(seed);
        while (hourStart.isBefore(to)) {
            Instant hourEnd = hourStart.plus(Duration.ofHours(1));
            if (hourEnd.isAfter(to)) {
                hourEnd = to;
            }
            double share = background * HOUR_WEIGHTS[CityTime.hour(hourStart)] / totalWeight + carry;
            int n = (int) Math.floor(share);
            carry = share - n;
            List<Generated> hour = new ArrayList<>(n + 16);
            long spanMs = Duration.between(hourStart, hourEnd).toMillis();
            for (int k = 0; k < n; k++) {
                hour.add(new Generated(background(hourStart.plusMillis(bg.nextLong(Math.max(1, spanMs))), bg),
                        List.of()));
            }
            while (next < special.size() && special.get(next).event().at().isBefore(hourEnd)) {
                hour.add(special.get(next++));
            }
            hour.sort(Comparator.comparing(g -> g.event().at()));
            if (!hour.isEmpty()) {
                sink.accept(hour);
            }
            hourStart = hourEnd;
        }
        return plan;
    }

    /** Events of ordinary life in the hour of {@code at}: for the live feed, between two ticks. */
    public List<Generated> ambient(Instant from, Instant to, double eventsPerHour, SplittableRandom r) {
        List<Generated> out = new ArrayList<>();
        Instant t = from;
        while (t.isBefore(to)) {
            Instant end = t.plus(Duration.ofHours(1)).isAfter(to) ? to : t.plus(Duration.ofHours(1));
            long spanMs = Duration.between(t, end).toMillis();
            double expected = eventsPerHour * HOUR_WEIGHTS[CityTime.hour(t)] * spanMs / 3_600_000.0;
            int n = (int) expected + (r.nextDouble() < expected - (int) expected ? 1 : 0);
            for (int k = 0; k < n; k++) {
                out.add(new Generated(background(t.plusMillis(r.nextLong(Math.max(1, spanMs))), r), List.of()));
            }
            t = end;
        }
        out.sort(Comparator.comparing(g -> g.event().at()));
        return out;
    }

    private CameraEvent background(Instant at, SplittableRandom r) {
        Camera c = cameras.cameras().get(pickCamera(r.nextDouble()));
        int hour = CityTime.hour(at);
        boolean night = hour < 5 || hour >= 23;
        ObjectType type = typeFor(c.scene(), night, r);
        Behaviour behaviour = behaviourFor(type, night, r);
        Attributes a = Descriptions.attributes(type, behaviour, r);
        if ((type == ObjectType.CAR || type == ObjectType.TRUCK || type == ObjectType.MOTORCYCLE)
                && r.nextDouble() < 0.6) {
            a = new Attributes(a.colour(), a.clothing(), a.direction(), a.count(), a.speedKmh(), plate(r));
        }
        double confidence = round2((night ? 0.45 : 0.55) + r.nextDouble() * 0.43);
        return event(c, at, type, behaviour, a, confidence, r.nextInt(1 << 20), null);
    }

    /** The traces an incident leaves on the cameras around it, before and after it opens. */
    public List<Generated> traces(IncidentRef incident, IncidentKind kind, SplittableRandom r) {
        List<Camera> near = cameras.near(incident.position(), TRACE_RADIUS_M);
        if (near.isEmpty()) {
            near = List.of(cameras.nearest(incident.position()));
        }
        near = near.subList(0, Math.min(TRACE_CAMERAS, near.size()));
        // (minutes from the incident, type, behaviour, how many)
        Object[][] script = switch (kind) {
            case FIGHT -> new Object[][] {{-8, ObjectType.PERSON, Behaviour.LOITERING, 2},
                {-3, ObjectType.CROWD, Behaviour.CROWD_FORMING, 1}, {0, ObjectType.PERSON, Behaviour.FIGHTING, 3},
                {1, ObjectType.PERSON, Behaviour.WEAPON, 1}, {2, ObjectType.PERSON, Behaviour.RUNNING, 2},
                {4, ObjectType.CROWD, Behaviour.RUNNING, 1}, {10, ObjectType.CROWD, Behaviour.CROWD_FORMING, 1}};
            case FIRE -> new Object[][] {{-6, ObjectType.FIRE_SMOKE, Behaviour.PASSING, 1},
                {0, ObjectType.FIRE_SMOKE, Behaviour.BURNING, 3}, {2, ObjectType.CROWD, Behaviour.CROWD_FORMING, 1},
                {3, ObjectType.PERSON, Behaviour.RUNNING, 2}, {8, ObjectType.FIRE_SMOKE, Behaviour.BURNING, 2},
                {15, ObjectType.CROWD, Behaviour.CROWD_FORMING, 1}};
            case CRASH -> new Object[][] {{-1, ObjectType.CAR, Behaviour.SPEEDING, 1},
                {0, ObjectType.CAR, Behaviour.CRASH, 2}, {0, ObjectType.MOTORCYCLE, Behaviour.CRASH, 1},
                {1, ObjectType.CROWD, Behaviour.CROWD_FORMING, 1}, {3, ObjectType.PERSON, Behaviour.FALL, 1},
                {10, ObjectType.CAR, Behaviour.PARKED, 2}};
            case COLLAPSE -> new Object[][] {{0, ObjectType.PERSON, Behaviour.FALL, 2},
                {1, ObjectType.CROWD, Behaviour.CROWD_FORMING, 1}, {5, ObjectType.PERSON, Behaviour.RUNNING, 1}};
        };
        List<Generated> out = new ArrayList<>();
        List<String> tags = List.of("incident:" + incident.id());
        Attributes main = null;
        for (Object[] step : script) {
            int minutes = (Integer) step[0];
            ObjectType type = (ObjectType) step[1];
            Behaviour behaviour = (Behaviour) step[2];
            int n = (Integer) step[3];
            for (int k = 0; k < n; k++) {
                Camera c = k == 0 ? near.get(0) : near.get(r.nextInt(near.size()));
                Instant at = incident.at().plusSeconds(minutes * 60L + r.nextInt(50));
                Attributes a = Descriptions.attributes(type, behaviour, r);
                if (type == ObjectType.PERSON) {
                    // The people of one incident look alike across its events: the same jacket is seen fighting,
                    // then running.
                    main = main == null ? a : main;
                    a = k == 0 ? new Attributes(main.colour(), main.clothing(), a.direction(), a.count(), a.speedKmh(),
                            "") : a;
                }
                if ((type == ObjectType.CAR || type == ObjectType.MOTORCYCLE) && r.nextDouble() < 0.7) {
                    a = new Attributes(a.colour(), a.clothing(), a.direction(), a.count(), a.speedKmh(), plate(r));
                }
                double confidence = round2(0.7 + r.nextDouble() * 0.29);
                out.add(new Generated(event(c, at, type, behaviour, a, confidence, r.nextInt(1 << 20),
                        incident.id()), tags));
            }
        }
        return out;
    }

    private List<Generated> track(Track t, SplittableRandom r) {
        List<Generated> out = new ArrayList<>();
        Instant at = t.start();
        List<String> tags = List.of("track:" + t.id());
        for (int number : t.cameras()) {
            Camera c = cameras.camera(number).orElseThrow();
            Behaviour b = t.type() == ObjectType.PERSON && r.nextDouble() < 0.3 ? Behaviour.RUNNING
                    : Behaviour.PASSING;
            out.add(new Generated(event(c, at, t.type(), b, t.attributes(), round2(0.75 + r.nextDouble() * 0.24),
                    r.nextInt(1 << 20), null), tags));
            at = at.plusSeconds(120 + r.nextInt(240));
        }
        return out;
    }

    private List<Generated> anomaly(Anomaly a, SplittableRandom r) {
        Camera c = cameras.camera(a.camera()).orElseThrow();
        List<Generated> out = new ArrayList<>();
        List<String> tags = List.of("anomaly:" + a.id());
        for (int k = 0; k < a.extra(); k++) {
            Instant at = a.hourStart().plusSeconds(r.nextInt(3600));
            Behaviour b = r.nextDouble() < 0.7 ? Behaviour.LOITERING : Behaviour.PASSING;
            Attributes attrs = Descriptions.attributes(ObjectType.PERSON, b, r);
            out.add(new Generated(event(c, at, ObjectType.PERSON, b, attrs, round2(0.5 + r.nextDouble() * 0.4),
                    r.nextInt(1 << 20), null), tags));
        }
        return out;
    }

    private List<Integer> chain(Camera start, int length, SplittableRandom r) {
        List<Integer> out = new ArrayList<>();
        out.add(start.number());
        Camera here = start;
        for (int i = 1; i < length; i++) {
            List<Camera> next = cameras.near(here.position(), 1500);
            Camera pick = null;
            for (Camera c : next) {
                if (!out.contains(c.number()) && r.nextDouble() < 0.6) {
                    pick = c;
                    break;
                }
            }
            if (pick == null) {
                break;
            }
            out.add(pick.number());
            here = pick;
        }
        return out;
    }

    private static CameraEvent event(Camera c, Instant at, ObjectType type, Behaviour b, Attributes a,
                                     double confidence, int variant, String incident) {
        return new CameraEvent(0, at, c.number(), c.name(), c.wardId(), c.position(), type, a, b, confidence,
                Descriptions.describe(type, b, a, variant), incident);
    }

    private int pickCamera(double u) {
        int i = Arrays.binarySearch(cameraCumulative, u);
        i = i < 0 ? -i - 1 : i;
        return Math.min(i, cameraCumulative.length - 1);
    }

    private static ObjectType typeFor(Camera.Scene scene, boolean night, SplittableRandom r) {
        // person, car, truck, bicycle, motorcycle, bag, animal, crowd (fire only with incidents)
        double[] w = switch (scene) {
            case STREET -> new double[] {0.45, 0.30, 0.06, 0.08, 0.05, 0.01, 0.03, 0.02};
            case JUNCTION -> new double[] {0.30, 0.40, 0.10, 0.08, 0.07, 0.01, 0.01, 0.03};
            case STATION_PLAZA -> new double[] {0.55, 0.08, 0.00, 0.08, 0.03, 0.04, 0.02, 0.20};
            case SHOPPING_ARCADE -> new double[] {0.70, 0.00, 0.00, 0.08, 0.00, 0.05, 0.05, 0.12};
            case PARK -> new double[] {0.55, 0.00, 0.00, 0.15, 0.00, 0.05, 0.15, 0.05};
            case SCHOOL_GATE -> new double[] {0.60, 0.15, 0.00, 0.15, 0.00, 0.00, 0.02, 0.08};
            case PARKING -> new double[] {0.20, 0.60, 0.10, 0.05, 0.05, 0.00, 0.00, 0.00};
            case RIVERSIDE -> new double[] {0.50, 0.00, 0.00, 0.25, 0.00, 0.05, 0.20, 0.00};
        };
        if (night) {
            w = w.clone();
            w[7] *= 0.2;
        }
        double total = 0;
        for (double x : w) {
            total += x;
        }
        double u = r.nextDouble() * total;
        for (int i = 0; i < w.length; i++) {
            u -= w[i];
            if (u < 0) {
                return TYPES[i];
            }
        }
        return ObjectType.PERSON;
    }

    private static Behaviour behaviourFor(ObjectType type, boolean night, SplittableRandom r) {
        double u = r.nextDouble();
        return switch (type) {
            case PERSON -> {
                double loiter = night ? 0.22 : 0.07;
                if (u < loiter) {
                    yield Behaviour.LOITERING;
                }
                if (u < loiter + 0.05) {
                    yield Behaviour.RUNNING;
                }
                if (u < loiter + 0.055) {
                    yield Behaviour.FALL;
                }
                if (u < loiter + 0.058) {
                    yield Behaviour.FIGHTING;
                }
                yield u < loiter + 0.06 ? Behaviour.WEAPON : Behaviour.PASSING;
            }
            case CAR -> u < 0.15 ? Behaviour.PARKED : u < (night ? 0.23 : 0.19) ? Behaviour.SPEEDING
                    : u < (night ? 0.235 : 0.195) ? Behaviour.CRASH : Behaviour.PASSING;
            case TRUCK -> u < 0.19 ? Behaviour.PARKED : u < 0.2 ? Behaviour.CRASH : Behaviour.PASSING;
            case BICYCLE -> u < 0.1 ? Behaviour.PARKED : u < 0.15 ? Behaviour.SPEEDING : Behaviour.PASSING;
            case MOTORCYCLE -> u < 0.09 ? Behaviour.SPEEDING : u < 0.1 ? Behaviour.CRASH : Behaviour.PASSING;
            case BAG -> Behaviour.ABANDONED;
            case ANIMAL -> u < 0.1 ? Behaviour.RUNNING : Behaviour.PASSING;
            case CROWD -> u < 0.12 ? Behaviour.CROWD_FORMING : u < 0.15 ? Behaviour.RUNNING : Behaviour.PASSING;
            case FIRE_SMOKE -> Behaviour.PASSING;
        };
    }

    private static String plate(SplittableRandom r) {
        return String.format(Locale.ROOT, "%s %d %s %02d-%02d", PLATE_REGIONS.get(r.nextInt(PLATE_REGIONS.size())),
                new int[] {300, 330, 500, 530}[r.nextInt(4)], PLATE_KANA.get(r.nextInt(PLATE_KANA.size())),
                10 + r.nextInt(90), r.nextInt(100));
    }

    private static double round2(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
