package dev.switchboard.places;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.core.error.InputException;
import dev.switchboard.core.geo.LatLon;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * The place names of a city pack with their positions and wards: the pack's wards, and the neighbourhoods,
 * landmarks, stations, hospitals, named crossings, major roads and well-known places just outside the city
 * that the pack's gazetteer and places files list. Looks names up (aliases, case, spaces and hyphens alike),
 * geocodes a name to a place, and says which ward a point lies in. Immutable and thread-safe.
 *
 * <p>Reading free text (a caller's words) is the call console's work; it indexes {@link #entries()} its own way.
 * Block addresses ({@code 2-21-1 Ebisu}) are placed by {@link #addressPlace} at the area's centre plus a
 * deterministic offset of up to 400 m derived from the numbers: good enough to put a training incident on the
 * map, not a real geocoder.
 */
public final class Gazetteer {

    /** Kinds of names. */
    public enum Kind { WARD, NEIGHBOURHOOD, LANDMARK, INTERSECTION, ROAD, OUTSIDE }

    /** A named road as a polyline; {@code kind} is free text such as {@code avenue} or {@code expressway}. */
    public record Road(String name, String kind, List<LatLon> points) {
        public Road {
            points = List.copyOf(points);
        }
    }

    /**
     * One named thing with every name it answers to (its own first, then aliases). {@code road} is set for
     * roads only, {@code place} for everything else.
     */
    public record Entry(Kind kind, Place place, Road road, List<String> names) {
        public Entry {
            names = List.copyOf(names);
        }

        /** The name shown for it. */
        public String canonical() {
            return place != null ? place.name() : road.name();
        }
    }

    private static final double INTERSECTION_MAX_METERS = 350;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, Place> wardsById;
    private final List<Entry> entries;
    private final Map<String, List<Entry>> byKey;
    private final List<Map.Entry<String, Place>> japanese;
    private final List<Place> located;
    private final WardLocator areas;
    private final List<String> areaWardIds;

    private Gazetteer(Builder b) {
        this.wardsById = Collections.unmodifiableMap(new LinkedHashMap<>(b.wards));
        this.entries = List.copyOf(b.entries);
        Map<String, List<Entry>> keys = new HashMap<>();
        for (Entry e : entries) {
            for (String name : e.names()) {
                String key = key(name);
                if (!key.isEmpty()) {
                    List<Entry> list = keys.computeIfAbsent(key, k -> new ArrayList<>(1));
                    if (!list.contains(e)) {
                        list.add(e);
                    }
                }
            }
        }
        this.byKey = keys;
        this.japanese = List.copyOf(b.japanese);
        this.located = List.copyOf(b.located);
        this.areas = b.areas;
        this.areaWardIds = List.copyOf(b.areaWardIds);
    }

    /** The gazetteer of the bundled Tokyo pack. */
    public static Gazetteer tokyo() {
        return CityPacks.tokyo().gazetteer();
    }

    /** A gazetteer of only these wards (names, centres and areas), for a pack without a gazetteer. */
    public static Gazetteer ofWards(List<Ward> wards) {
        Builder b = new Builder(wards);
        return new Gazetteer(b);
    }

    /**
     * This gazetteer plus the names in {@code file} (the JSON format of {@code resources/city/README.md}; every
     * section is optional; entries refer to wards by id, and may add wards).
     *
     * @throws InputException naming the file and the entry when the file is not valid
     */
    public Gazetteer extendedWith(Path file) {
        Builder b = new Builder(this);
        try {
            b.readJson(JSON.readTree(Files.readString(file)), file);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new InputException(file, line, null, "not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new InputException(file, 0, null, "cannot read: " + e.getMessage());
        }
        return new Gazetteer(b);
    }

    /** The wards, in pack order. */
    public List<Place> wards() {
        return List.copyOf(wardsById.values());
    }

    /** Every named thing, wards first, in file order. */
    public List<Entry> entries() {
        return entries;
    }

    /** Japanese ward names without the {@code 区} suffix ({@code 渋谷}), each with its ward. */
    public List<Map.Entry<String, Place>> japaneseWardNames() {
        return japanese;
    }

    /**
     * A ward by id ({@code shibuya}), English name ({@code Shibuya}, {@code Shibuya-ku}, {@code SHIBUYA WARD}) or
     * local name ({@code 渋谷区}, {@code 渋谷}).
     */
    public Optional<Place> ward(String idOrName) {
        if (idOrName == null || idOrName.isBlank()) {
            return Optional.empty();
        }
        String s = idOrName.strip().toLowerCase(Locale.ROOT);
        Place p = wardsById.get(s);
        if (p != null) {
            return Optional.of(p);
        }
        for (Map.Entry<String, Place> e : japanese) {
            if (s.equals(e.getKey()) || s.equals(e.getKey() + "区")) {
                return Optional.of(e.getValue());
            }
        }
        String key = key(s);
        for (String suffix : new String[] {" ku", " ward", " city", " special ward"}) {
            if (key.endsWith(suffix) && key.length() > suffix.length()) {
                key = key.substring(0, key.length() - suffix.length());
                break;
            }
        }
        for (String k : new String[] {key, key.replace(" ", "")}) {
            for (Entry e : byKey.getOrDefault(k, List.of())) {
                if (e.kind() == Kind.WARD) {
                    return Optional.of(e.place());
                }
            }
        }
        return Optional.empty();
    }

    /** Everything called exactly {@code name} (case, spaces, hyphens and apostrophes aside), in file order. */
    public List<Entry> find(String name) {
        if (name == null) {
            return List.of();
        }
        return byKey.getOrDefault(key(name), List.of());
    }

    /**
     * The place a name stands for: a landmark or crossing first, then a neighbourhood, a ward, a place outside
     * the city. Roads alone are not places ({@link #intersection} finds where two meet). Empty when unknown.
     */
    public Optional<Place> geocode(String name) {
        List<Entry> found = find(name);
        for (Kind kind : new Kind[] {Kind.LANDMARK, Kind.INTERSECTION, Kind.NEIGHBOURHOOD, Kind.WARD, Kind.OUTSIDE}) {
            for (Entry e : found) {
                if (e.kind() == kind) {
                    return Optional.of(e.place());
                }
            }
        }
        return ward(name);
    }

    /**
     * The ward whose area contains {@code p}, when the pack gives ward areas. Empty over water, outside the
     * city, or when the wards have no areas.
     */
    public Optional<Place> wardAt(LatLon p) {
        if (areas == null) {
            return Optional.empty();
        }
        int i = areas.indexAt(p);
        return i < 0 ? Optional.empty() : Optional.ofNullable(wardsById.get(areaWardIds.get(i)));
    }

    /** The station named after an area: the listed one when there is one, else at the area's centre. */
    public Place station(Place area) {
        String name = area.name() + " Station";
        for (Entry e : find(name)) {
            if (e.kind() == Kind.LANDMARK) {
                return e.place();
            }
        }
        return new Place(name, area.wardId(), area.wardEn(), area.position(), "station");
    }

    /** A block address in an area, at the area's centre plus a deterministic offset (at most 400 m). */
    public Place addressPlace(String numbers, Place area) {
        SplittableRandom r = new SplittableRandom(numbers.hashCode() * 31L + area.name().hashCode());
        double meters = area.kind().equals("ward") ? 150 + r.nextDouble() * 250 : 50 + r.nextDouble() * 350;
        double bearing = r.nextDouble() * 2 * Math.PI;
        double dLat = meters * Math.cos(bearing) / 110_540.0;
        double dLon = meters * Math.sin(bearing) / (111_320.0 * Math.cos(Math.toRadians(area.position().lat())));
        LatLon p = new LatLon(area.position().lat() + dLat, area.position().lon() + dLon);
        String kind = area.outside() ? "outside" : "address";
        return new Place(numbers + " " + area.name(), area.wardId(), area.wardEn(), p, kind);
    }

    /** Where two roads meet (within 350 m), named "A & B", in the ward there (or of the nearest known place). */
    public Optional<Place> intersection(Road a, Road b) {
        if (a.name().equals(b.name())) {
            return Optional.empty();
        }
        double lat0 = Math.toRadians(a.points().get(0).lat());
        double kx = 111_320.0 * Math.cos(lat0);
        double ky = 110_540.0;
        double best = Double.MAX_VALUE;
        double bx = 0;
        double by = 0;
        for (int i = 0; i + 1 < a.points().size(); i++) {
            double[] p1 = xy(a.points().get(i), kx, ky);
            double[] p2 = xy(a.points().get(i + 1), kx, ky);
            for (int j = 0; j + 1 < b.points().size(); j++) {
                double[] q1 = xy(b.points().get(j), kx, ky);
                double[] q2 = xy(b.points().get(j + 1), kx, ky);
                double[] hit = segmentIntersection(p1, p2, q1, q2);
                if (hit != null) {
                    best = 0;
                    bx = hit[0];
                    by = hit[1];
                    continue;
                }
                double[][] pairs = {closest(p1, q1, q2), closest(p2, q1, q2), closest(q1, p1, p2),
                    closest(q2, p1, p2)};
                double[][] from = {p1, p2, q1, q2};
                for (int k = 0; k < 4; k++) {
                    double d = Math.hypot(from[k][0] - pairs[k][0], from[k][1] - pairs[k][1]);
                    if (d < best) {
                        best = d;
                        bx = (from[k][0] + pairs[k][0]) / 2;
                        by = (from[k][1] + pairs[k][1]) / 2;
                    }
                }
            }
        }
        if (best > INTERSECTION_MAX_METERS) {
            return Optional.empty();
        }
        LatLon at = new LatLon(by / ky, bx / kx);
        Place ward = wardAt(at).orElseGet(() -> nearest(at));
        return Optional.of(new Place(a.name() + " & " + b.name(), ward.wardId(), ward.wardEn(), at, "intersection"));
    }

    private static double[] xy(LatLon p, double kx, double ky) {
        return new double[] {p.lon() * kx, p.lat() * ky};
    }

    private static double[] closest(double[] p, double[] a, double[] b) {
        double dx = b[0] - a[0];
        double dy = b[1] - a[1];
        double len = dx * dx + dy * dy;
        double u = len == 0 ? 0 : ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len;
        u = Math.max(0, Math.min(1, u));
        return new double[] {a[0] + u * dx, a[1] + u * dy};
    }

    private static double[] segmentIntersection(double[] p1, double[] p2, double[] q1, double[] q2) {
        double rx = p2[0] - p1[0];
        double ry = p2[1] - p1[1];
        double sx = q2[0] - q1[0];
        double sy = q2[1] - q1[1];
        double denom = rx * sy - ry * sx;
        if (denom == 0) {
            return null;
        }
        double t = ((q1[0] - p1[0]) * sy - (q1[1] - p1[1]) * sx) / denom;
        double u = ((q1[0] - p1[0]) * ry - (q1[1] - p1[1]) * rx) / denom;
        if (t < 0 || t > 1 || u < 0 || u > 1) {
            return null;
        }
        return new double[] {p1[0] + t * rx, p1[1] + t * ry};
    }

    /** The known place (neighbourhood, landmark or ward centre) nearest to {@code p}. */
    public Place nearest(LatLon p) {
        Place best = null;
        double bestD = Double.MAX_VALUE;
        for (Place q : located) {
            double d = q.position().distanceMeters(p);
            if (d < bestD) {
                bestD = d;
                best = q;
            }
        }
        return best;
    }

    /**
     * The lookup key of a name: lower case, apostrophes inside words dropped, every other run of punctuation and
     * space one space, letters and digits apart ({@code "Shinjuku-ku"} and {@code "shinjuku ku"} are one key).
     */
    static String key(String name) {
        String s = name.toLowerCase(Locale.ROOT);
        StringBuilder sb = new StringBuilder(s.length());
        int prev = 0;
        boolean gap = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            int cls = Character.isDigit(c) ? 2 : c >= 0x3040 && c <= 0x9FFF ? 3 : Character.isLetter(c) ? 1 : 0;
            if (cls == 0) {
                boolean apostrophe = (c == '\'' || c == '’') && prev == 1 && i + 1 < s.length()
                        && Character.isLetter(s.charAt(i + 1));
                if (!apostrophe) {
                    gap = true;
                }
                continue;
            }
            if (sb.length() > 0 && (gap || cls != prev || cls == 3)) {
                sb.append(' ');
            }
            sb.append(c);
            prev = cls;
            gap = false;
        }
        return sb.toString();
    }

    /** Collects the entries of a gazetteer from a pack's wards, gazetteer JSON and places. Not thread-safe. */
    static final class Builder {
        final Map<String, Place> wards = new LinkedHashMap<>();
        final List<Entry> entries = new ArrayList<>();
        final Map<String, Integer> wardEntry = new HashMap<>();
        final List<Map.Entry<String, Place>> japanese = new ArrayList<>();
        final List<Place> located = new ArrayList<>();
        final WardLocator areas;
        final List<String> areaWardIds = new ArrayList<>();
        final java.util.Set<String> keys = new java.util.HashSet<>();

        /** Starts with the pack's wards: their ids, English and local names and centres, and their areas. */
        Builder(List<Ward> packWards) {
            List<List<List<LatLon>>> rings = new ArrayList<>();
            boolean anyArea = false;
            for (Ward w : packWards) {
                addWard(w.id(), w.nameEn(), w.nameJa(), w.centre(), List.of());
                rings.add(w.area());
                areaWardIds.add(w.id());
                anyArea |= !w.area().isEmpty();
            }
            areas = anyArea ? new WardLocator(rings) : null;
        }

        Builder(Gazetteer g) {
            wards.putAll(g.wardsById);
            entries.addAll(g.entries);
            for (int i = 0; i < entries.size(); i++) {
                if (entries.get(i).kind() == Kind.WARD) {
                    wardEntry.put(entries.get(i).place().wardId(), i);
                }
            }
            japanese.addAll(g.japanese);
            located.addAll(g.located);
            keys.addAll(g.byKey.keySet());
            areas = g.areas;
            areaWardIds.addAll(g.areaWardIds);
        }

        Gazetteer build() {
            return new Gazetteer(this);
        }

        private void addWard(String id, String en, String ja, LatLon centre, List<String> aliases) {
            Place p = new Place(en, id, en, centre, "ward");
            wards.put(id, p);
            located.add(p);
            List<String> names = new ArrayList<>();
            names.add(en);
            names.add(id);
            if (ja != null && !ja.isBlank() && !ja.equals(en)) {
                names.add(ja);
                japanese.add(Map.entry(ja.endsWith("区") && ja.length() > 1 ? ja.substring(0, ja.length() - 1) : ja,
                        p));
            }
            names.addAll(aliases);
            wardEntry.put(id, entries.size());
            put(new Entry(Kind.WARD, p, null, names));
        }

        /** Adds aliases (and a local name the pack lacks) to a ward already known. */
        private void addWardNames(String id, String ja, List<String> aliases) {
            int i = wardEntry.get(id);
            Entry old = entries.get(i);
            List<String> names = new ArrayList<>(old.names());
            for (String a : aliases) {
                if (!names.contains(a)) {
                    names.add(a);
                }
            }
            boolean hasJapanese = japanese.stream().anyMatch(e -> e.getValue().wardId().equals(id));
            if (!hasJapanese && ja != null && !ja.isBlank()) {
                names.add(ja);
                japanese.add(Map.entry(ja.endsWith("区") ? ja.substring(0, ja.length() - 1) : ja, old.place()));
            }
            entries.set(i, new Entry(Kind.WARD, old.place(), null, names));
            names.forEach(n -> keys.add(key(n)));
        }

        /** Puts the ward {@code id} at {@code position} everywhere it is referred to. */
        private void moveWard(String id, LatLon position) {
            Place old = wards.get(id);
            Place moved = new Place(old.name(), old.wardId(), old.wardEn(), position, old.kind());
            wards.put(id, moved);
            located.replaceAll(p -> p == old ? moved : p);
            japanese.replaceAll(e -> e.getValue() == old ? Map.entry(e.getKey(), moved) : e);
            int i = wardEntry.get(id);
            Entry e = entries.get(i);
            entries.set(i, new Entry(e.kind(), moved, null, e.names()));
        }

        /** Reads the gazetteer JSON format ({@code switchboard-gazetteer/1}). */
        void readJson(JsonNode root, Path source) {
            if (root == null || !root.isObject()) {
                throw new InputException(source, 0, null, "expected a JSON object");
            }
            JsonNode ws = root.path("wards");
            for (int i = 0; i < ws.size(); i++) {
                JsonNode w = ws.get(i);
                String field = "wards[" + i + "]";
                String id = text(w, "id", source, field);
                List<String> aliases = aliases(w);
                String ja = w.path("ja").asText("");
                if (wards.containsKey(id)) {
                    addWardNames(id, ja, aliases);
                    if (w.has("lat") && w.has("lon")) {
                        // The gazetteer's own point (e.g. the ward office) places "somewhere in this ward" better
                        // than a map's label point.
                        moveWard(id, position(w, source, field));
                    }
                } else {
                    addWard(id, text(w, "en", source, field), ja, position(w, source, field), aliases);
                }
            }
            readPlaces(root.path("neighbourhoods"), "neighbourhoods", Kind.NEIGHBOURHOOD, source);
            readPlaces(root.path("landmarks"), "landmarks", Kind.LANDMARK, source);
            readPlaces(root.path("intersections"), "intersections", Kind.INTERSECTION, source);
            readPlaces(root.path("outside"), "outside", Kind.OUTSIDE, source);
            JsonNode rs = root.path("roads");
            for (int i = 0; i < rs.size(); i++) {
                JsonNode r = rs.get(i);
                String field = "roads[" + i + "]";
                String name = text(r, "name", source, field);
                List<LatLon> pts = new ArrayList<>();
                JsonNode ps = r.path("points");
                for (int k = 0; k < ps.size(); k++) {
                    JsonNode pt = ps.get(k);
                    if (pt.size() != 2 || !pt.get(0).isNumber() || !pt.get(1).isNumber()) {
                        throw new InputException(source, 0, field + ".points[" + k + "]", "must be [lat, lon]");
                    }
                    pts.add(new LatLon(pt.get(0).asDouble(), pt.get(1).asDouble()));
                }
                if (pts.size() < 2) {
                    throw new InputException(source, 0, field + ".points", "needs at least two points");
                }
                List<String> names = new ArrayList<>();
                names.add(name);
                names.addAll(aliases(r));
                put(new Entry(Kind.ROAD, null, new Road(name, r.path("kind").asText("road"), pts), names));
            }
        }

        private void readPlaces(JsonNode list, String section, Kind kind, Path source) {
            for (int i = 0; i < list.size(); i++) {
                JsonNode e = list.get(i);
                String field = section + "[" + i + "]";
                String name = text(e, "name", source, field);
                LatLon pos = position(e, source, field);
                Place p;
                if (kind == Kind.OUTSIDE) {
                    p = new Place(name, Place.OUTSIDE, e.path("area").asText("outside the city"), pos, "outside");
                } else {
                    String wardId = text(e, "ward", source, field);
                    Place ward = wards.get(wardId);
                    if (ward == null) {
                        throw new InputException(source, 0, field + ".ward",
                                "'" + wardId + "' is not a ward id (" + String.join(", ", wards.keySet()) + ")");
                    }
                    String placeKind = switch (kind) {
                        case NEIGHBOURHOOD -> "neighbourhood";
                        case INTERSECTION -> "intersection";
                        default -> e.path("kind").asText("landmark");
                    };
                    p = new Place(name, wardId, ward.wardEn(), pos, placeKind);
                }
                List<String> names = new ArrayList<>();
                names.add(name);
                names.addAll(aliases(e));
                add(kind, p, names);
            }
        }

        /**
         * Adds a place from a pack's places file unless the gazetteer already has that name: its ward is the one
         * given, else the ward whose area contains it; outside every ward it is a place outside the city.
         */
        void addPlace(String name, String kind, String wardId, LatLon position, List<String> aliases) {
            if (keys.contains(key(name))) {
                return;
            }
            Place ward = wardId != null ? wards.get(wardId) : null;
            if (ward == null && areas != null) {
                int i = areas.indexAt(position);
                ward = i < 0 ? null : wards.get(areaWardIds.get(i));
            }
            List<String> names = new ArrayList<>();
            names.add(name);
            names.addAll(aliases);
            if (ward == null) {
                add(Kind.OUTSIDE, new Place(name, Place.OUTSIDE, "outside the city", position, "outside"), names);
                return;
            }
            boolean area = kind.equals("neighbourhood") || kind.equals("district") || kind.equals("suburb")
                    || kind.equals("quarter");
            add(area ? Kind.NEIGHBOURHOOD : Kind.LANDMARK,
                    new Place(name, ward.wardId(), ward.wardEn(), position, area ? "neighbourhood" : kind), names);
        }

        private void add(Kind kind, Place p, List<String> names) {
            located.add(p);
            put(new Entry(kind, p, null, names));
        }

        private void put(Entry e) {
            entries.add(e);
            e.names().forEach(n -> keys.add(key(n)));
        }

        private static List<String> aliases(JsonNode e) {
            List<String> out = new ArrayList<>();
            for (JsonNode a : e.path("aliases")) {
                if (a.isTextual() && !a.asText().isBlank()) {
                    out.add(a.asText());
                }
            }
            return out;
        }

        private static String text(JsonNode e, String name, Path source, String field) {
            JsonNode v = e.path(name);
            if (!v.isTextual() || v.asText().isBlank()) {
                throw new InputException(source, 0, field + "." + name, "missing or empty text");
            }
            return v.asText().strip();
        }

        private static LatLon position(JsonNode e, Path source, String field) {
            JsonNode lat = e.path("lat");
            JsonNode lon = e.path("lon");
            if (!lat.isNumber() || !lon.isNumber()) {
                throw new InputException(source, 0, field, "needs numeric lat and lon");
            }
            try {
                return new LatLon(lat.asDouble(), lon.asDouble());
            } catch (IllegalArgumentException ex) {
                throw new InputException(source, 0, field, ex.getMessage());
            }
        }
    }
}
