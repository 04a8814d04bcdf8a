package dev.switchboard.calltaking.engine.entities;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.core.error.InputException;
import dev.switchboard.core.geo.LatLon;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
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
 * Place names of a city with approximate positions: wards, neighbourhoods, landmarks, named crossings, major roads
 * and well-known places just outside the city. {@link #tokyo()} is Tokyo's 23 wards, read from the bundled
 * {@code tokyo-gazetteer.json}; a training centre adds its own names with {@link #extendedWith(Path)} (same format).
 * Immutable and thread-safe.
 *
 * <p>Block addresses ({@code 2-21-1 Ebisu}) are placed at the neighbourhood's (or ward's) centre plus a
 * deterministic offset of up to 400 m derived from the numbers: good enough to put a training incident on the map,
 * not a real geocoder.
 */
public final class Gazetteer {

    /** Kinds of names in the index. */
    enum Kind { WARD, NEIGHBOURHOOD, LANDMARK, INTERSECTION, ROAD, OUTSIDE }

    /** One named thing; {@code road} is set for roads only, {@code place} for everything else. */
    record Name(Kind kind, Place place, Road road) {
        String canonical() {
            return place != null ? place.name() : road.name();
        }
    }

    /** A road as a polyline. */
    record Road(String name, String kind, List<LatLon> points) {
    }

    /** Names found at tokens {@code from..to} (exclusive); confidence 1 for an exact match. */
    record Match(int from, int to, List<Name> names, double confidence) {
        Name first(Kind kind) {
            for (Name n : names) {
                if (n.kind() == kind) {
                    return n;
                }
            }
            return null;
        }
    }

    /** A Japanese ward name found in the text. */
    record JapaneseMatch(int start, int end, Place ward) {
    }

    private static final int MAX_NAME_TOKENS = 6;
    private static final double INTERSECTION_MAX_METERS = 350;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static volatile Gazetteer tokyo;

    private final Map<String, Place> wardsById;
    private final Map<String, List<Name>> byKey;
    private final Map<String, List<Name>> byJoinedKey;
    private final List<Map.Entry<String, Name>> fuzzy;
    private final List<Map.Entry<String, Place>> japanese;
    private final List<Place> located;

    private Gazetteer(Builder b) {
        this.wardsById = Collections.unmodifiableMap(new LinkedHashMap<>(b.wards));
        this.byKey = b.byKey;
        this.byJoinedKey = b.byJoinedKey;
        this.fuzzy = b.fuzzy;
        this.japanese = b.japanese;
        this.located = b.located;
    }

    /** Tokyo's 23 wards, from the bundled resource (read once). */
    public static Gazetteer tokyo() {
        Gazetteer g = tokyo;
        if (g == null) {
            synchronized (Gazetteer.class) {
                g = tokyo;
                if (g == null) {
                    String resource = "tokyo-gazetteer.json";
                    try (InputStream in = Gazetteer.class.getResourceAsStream(resource)) {
                        if (in == null) {
                            throw new IllegalStateException("Missing bundled resource " + resource);
                        }
                        Builder builder = new Builder();
                        builder.read(JSON.readTree(in), resource);
                        g = new Gazetteer(builder);
                        tokyo = g;
                    } catch (IOException e) {
                        throw new UncheckedIOException("Cannot read bundled " + resource, e);
                    }
                }
            }
        }
        return g;
    }

    /**
     * This gazetteer plus the names in {@code file} (same JSON format as the bundled one; every section is
     * optional; entries refer to wards by id, and may add wards).
     *
     * @throws InputException naming the file and the entry when the file is not valid
     */
    public Gazetteer extendedWith(Path file) {
        Builder b = new Builder();
        b.copy(this);
        try {
            b.read(JSON.readTree(Files.readString(file)), file.toString());
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new InputException(file, line, null, "not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new InputException(file, 0, null, "cannot read: " + e.getMessage());
        }
        return new Gazetteer(b);
    }

    /** The wards, in file order. */
    public List<Place> wards() {
        return List.copyOf(wardsById.values());
    }

    /** A ward by id ({@code shibuya}), English name ({@code Shibuya}, {@code shibuya-ku}) or Japanese name. */
    public Optional<Place> ward(String idOrName) {
        if (idOrName == null) {
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
        Tokens t = Tokens.of(s);
        int to = t.size;
        while (to > 1 && (t.is(to - 1, "ku") || t.is(to - 1, "ward") || t.is(to - 1, "city"))) {
            to--;
        }
        if (to == 0) {
            return Optional.empty();
        }
        List<Name> names = byKey.getOrDefault(t.join(0, to, " "), byJoinedKey.get(t.join(0, to, "")));
        if (names != null) {
            for (Name n : names) {
                if (n.kind() == Kind.WARD) {
                    return Optional.of(n.place());
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The place a caller or trainee means: a landmark ({@code Tokyo Tower}), a crossing ({@code Roppongi Crossing},
     * {@code corner of Meiji-dori and Omotesando}), a block address with its area ({@code 2-21-1 Shibuya},
     * {@code Ebisu 3-5-12}), a neighbourhood, a place outside the wards, or else a ward. Empty when nothing in the
     * text names a place, or when two named roads do not meet.
     */
    public Optional<Place> resolve(String placeText) {
        if (placeText == null || placeText.isBlank()) {
            return Optional.empty();
        }
        Tokens t = Tokens.of(placeText);
        List<BlockAddresses.Found> addresses = BlockAddresses.findAll(t, new boolean[t.size], this);
        BlockAddresses.Found address = addresses.isEmpty() ? null : addresses.get(0);
        List<Match> matches = scan(t, new boolean[t.size]);
        Place ward = null;
        Place neighbourhood = null;
        Place named = null;
        Place outside = null;
        List<Road> roads = new ArrayList<>();
        for (Match m : matches) {
            Name landmark = m.first(Kind.LANDMARK) != null ? m.first(Kind.LANDMARK) : m.first(Kind.INTERSECTION);
            if (landmark != null && named == null) {
                named = landmark.place();
            } else if (m.first(Kind.NEIGHBOURHOOD) != null && neighbourhood == null) {
                neighbourhood = m.first(Kind.NEIGHBOURHOOD).place();
                Place station = stationAfter(t, m, neighbourhood);
                if (station != null && named == null) {
                    named = station;
                }
            } else if (m.first(Kind.WARD) != null) {
                if (ward == null) {
                    ward = m.first(Kind.WARD).place();
                }
                Place station = stationAfter(t, m, m.first(Kind.WARD).place());
                if (station != null && named == null) {
                    named = station;
                }
            } else if (m.first(Kind.ROAD) != null) {
                roads.add(m.first(Kind.ROAD).road());
            } else if (m.first(Kind.OUTSIDE) != null && outside == null) {
                outside = m.first(Kind.OUTSIDE).place();
            }
        }
        for (JapaneseMatch j : scanJapanese(t.text)) {
            if (ward == null) {
                ward = j.ward();
            }
        }
        if (address != null) {
            Place area = address.area() != null ? address.area() : neighbourhood != null ? neighbourhood : ward;
            if (area != null) {
                return Optional.of(addressPlace(address.numbers(), area));
            }
        }
        if (named != null) {
            return Optional.of(named);
        }
        if (roads.size() >= 2) {
            return intersection(roads.get(0), roads.get(1));
        }
        if (neighbourhood != null) {
            return Optional.of(neighbourhood);
        }
        if (outside != null) {
            return Optional.of(outside);
        }
        return Optional.ofNullable(ward);
    }

    /** "Ebisu station": the area's station, placed at the area's centre unless the gazetteer lists it. */
    private Place stationAfter(Tokens t, Match m, Place area) {
        if (t.is(m.to(), "station") || t.is(m.to(), "eki") || t.is(m.to(), "stn")) {
            return station(area);
        }
        return null;
    }

    /** The station named after an area: the listed one when there is one, else at the area's centre. */
    Place station(Place area) {
        String name = area.name() + " Station";
        List<Name> listed = byKey.get(name.toLowerCase(Locale.ROOT));
        if (listed != null) {
            for (Name n : listed) {
                if (n.kind() == Kind.LANDMARK) {
                    return n.place();
                }
            }
        }
        return new Place(name, area.wardId(), area.wardEn(), area.position(), "station");
    }

    /** A block address in an area, at the area's centre plus a deterministic offset (at most 400 m). */
    Place addressPlace(String numbers, Place area) {
        SplittableRandom r = new SplittableRandom(numbers.hashCode() * 31L + area.name().hashCode());
        double meters = area.kind().equals("ward") ? 150 + r.nextDouble() * 250 : 50 + r.nextDouble() * 350;
        double bearing = r.nextDouble() * 2 * Math.PI;
        double dLat = meters * Math.cos(bearing) / 110_540.0;
        double dLon = meters * Math.sin(bearing) / (111_320.0 * Math.cos(Math.toRadians(area.position().lat())));
        LatLon p = new LatLon(area.position().lat() + dLat, area.position().lon() + dLon);
        String kind = area.outside() ? "outside" : "address";
        return new Place(numbers + " " + area.name(), area.wardId(), area.wardEn(), p, kind);
    }

    /** Where two roads meet (within 350 m), named "A & B", in the ward of the nearest known place. */
    Optional<Place> intersection(Road a, Road b) {
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
        Place near = nearest(at);
        return Optional.of(new Place(a.name() + " & " + b.name(), near.wardId(), near.wardEn(), at, "intersection"));
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
    Place nearest(LatLon p) {
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
     * The longest names at each token, left to right, skipping tokens marked in {@code blocked}. Names may be
     * written with spaces, hyphens or run together ("shin juku", "shinjuku-ku"); a single misheard word one letter
     * off a ward or neighbourhood name of six letters or more matches with confidence 0.75.
     */
    List<Match> scan(Tokens t, boolean[] blocked) {
        List<Match> out = new ArrayList<>();
        int i = 0;
        while (i < t.size) {
            if (blocked[i] || t.isNumber(i)) {
                i++;
                continue;
            }
            Match m = longestAt(t, i, blocked);
            if (m == null) {
                i++;
            } else {
                out.add(m);
                i = m.to();
            }
        }
        return out;
    }

    private Match longestAt(Tokens t, int i, boolean[] blocked) {
        int max = i;
        while (max < t.size && max < i + MAX_NAME_TOKENS && !blocked[max]) {
            max++;
        }
        for (int to = max; to > i; to--) {
            String key = t.join(i, to, " ");
            List<Name> names = byKey.get(key);
            if (names != null) {
                return new Match(i, to, names, 1.0);
            }
            if (to - i >= 2) {
                names = byJoinedKey.get(t.join(i, to, ""));
                if (names != null) {
                    return new Match(i, to, names, 0.85);
                }
            }
        }
        String w = t.word[i];
        if (w.length() >= 6 && !COMMON_WORDS.contains(w)) {
            for (Map.Entry<String, Name> e : fuzzy) {
                String key = e.getKey();
                if (Math.abs(key.length() - w.length()) <= 1 && withinOneEdit(w, key)) {
                    return new Match(i, i + 1, List.of(e.getValue()), 0.75);
                }
            }
        }
        return null;
    }

    /** Ward names written in Japanese ("渋谷区"; "渋谷" alone for names of two characters or more). */
    List<JapaneseMatch> scanJapanese(String text) {
        List<JapaneseMatch> out = new ArrayList<>();
        boolean any = false;
        for (int k = 0; k < text.length() && !any; k++) {
            any = text.charAt(k) >= 0x3040;
        }
        if (!any) {
            return out;
        }
        for (Map.Entry<String, Place> e : japanese) {
            // each search resumes after the last match, so the scan stays linear in the text's length
            String key = e.getKey();
            String wanted = key.length() >= 2 ? key : key + "区";
            int from = 0;
            while (from < text.length()) {
                int at = text.indexOf(wanted, from);
                if (at < 0) {
                    break;
                }
                int len = text.startsWith("区", at + key.length()) ? key.length() + 1 : key.length();
                out.add(new JapaneseMatch(at, at + len, e.getValue()));
                from = at + len;
            }
        }
        out.sort((x, y) -> Integer.compare(x.start(), y.start()));
        return out;
    }

    private static boolean withinOneEdit(String a, String b) {
        if (a.equals(b)) {
            return true;
        }
        int la = a.length();
        int lb = b.length();
        int i = 0;
        while (i < la && i < lb && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        if (la == lb) {
            if (i + 1 < la && a.charAt(i) == b.charAt(i + 1) && a.charAt(i + 1) == b.charAt(i)
                    && a.substring(i + 2).equals(b.substring(i + 2))) {
                return true;
            }
            return a.substring(i + 1).equals(b.substring(i + 1));
        }
        if (la == lb + 1) {
            return a.substring(i + 1).equals(b.substring(i));
        }
        if (lb == la + 1) {
            return a.substring(i).equals(b.substring(i + 1));
        }
        return false;
    }

    /** English words one letter off a place name; never read as a misheard name. */
    private static final java.util.Set<String> COMMON_WORDS = java.util.Set.of("minute", "minutes", "second",
            "mother", "father", "bother", "brother", "number", "street", "around", "people", "person", "really",
            "please", "breathe", "breath", "hurry", "garage", "orange", "behind", "inside", "someone", "nobody",
            "little", "middle", "bottle", "office", "market", "bridge", "sister", "driver", "letter", "better");

    /** Reads the JSON format into indexes. */
    private static final class Builder {
        final Map<String, Place> wards = new LinkedHashMap<>();
        final Map<String, List<Name>> byKey = new HashMap<>();
        final Map<String, List<Name>> byJoinedKey = new HashMap<>();
        final List<Map.Entry<String, Name>> fuzzy = new ArrayList<>();
        final List<Map.Entry<String, Place>> japanese = new ArrayList<>();
        final List<Place> located = new ArrayList<>();

        void copy(Gazetteer g) {
            wards.putAll(g.wardsById);
            g.byKey.forEach((k, v) -> byKey.put(k, new ArrayList<>(v)));
            g.byJoinedKey.forEach((k, v) -> byJoinedKey.put(k, new ArrayList<>(v)));
            fuzzy.addAll(g.fuzzy);
            japanese.addAll(g.japanese);
            located.addAll(g.located);
        }

        void read(JsonNode root, String source) {
            if (root == null || !root.isObject()) {
                throw new InputException(Path.of(source), 0, null, "expected a JSON object");
            }
            JsonNode ws = root.path("wards");
            for (int i = 0; i < ws.size(); i++) {
                JsonNode w = ws.get(i);
                String field = "wards[" + i + "]";
                String id = text(w, "id", source, field);
                String en = text(w, "en", source, field);
                Place p = new Place(en, id, en, position(w, source, field), "ward");
                wards.put(id, p);
                located.add(p);
                Name n = new Name(Kind.WARD, p, null);
                add(en, n);
                add(id, n);
                aliases(w, n);
                String ja = w.path("ja").asText("");
                if (!ja.isEmpty()) {
                    japanese.add(Map.entry(ja.endsWith("区") ? ja.substring(0, ja.length() - 1) : ja, p));
                }
                if (en.length() >= 6) {
                    fuzzy.add(Map.entry(en.toLowerCase(Locale.ROOT), n));
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
                        throw new InputException(Path.of(source), 0, field + ".points[" + k + "]",
                                "must be [lat, lon]");
                    }
                    pts.add(new LatLon(pt.get(0).asDouble(), pt.get(1).asDouble()));
                }
                if (pts.size() < 2) {
                    throw new InputException(Path.of(source), 0, field + ".points", "needs at least two points");
                }
                Name n = new Name(Kind.ROAD, null, new Road(name, r.path("kind").asText("road"), List.copyOf(pts)));
                add(name, n);
                aliases(r, n);
            }
        }

        private void readPlaces(JsonNode list, String section, Kind kind, String source) {
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
                        throw new InputException(Path.of(source), 0, field + ".ward",
                                "'" + wardId + "' is not a ward id (" + String.join(", ", wards.keySet()) + ")");
                    }
                    String placeKind = switch (kind) {
                        case NEIGHBOURHOOD -> "neighbourhood";
                        case INTERSECTION -> "intersection";
                        default -> e.path("kind").asText("landmark");
                    };
                    p = new Place(name, wardId, ward.wardEn(), pos, placeKind);
                }
                located.add(p);
                Name n = new Name(kind, p, null);
                add(name, n);
                aliases(e, n);
                if (kind == Kind.NEIGHBOURHOOD && name.length() >= 6 && !name.contains("-")) {
                    fuzzy.add(Map.entry(name.toLowerCase(Locale.ROOT), n));
                }
            }
        }

        private void aliases(JsonNode e, Name n) {
            for (JsonNode a : e.path("aliases")) {
                add(a.asText(), n);
            }
        }

        private void add(String name, Name n) {
            Tokens t = Tokens.of(name);
            if (t.size == 0) {
                return;
            }
            String key = t.join(0, t.size, " ");
            List<Name> list = byKey.computeIfAbsent(key, k -> new ArrayList<>(1));
            if (!list.contains(n)) {
                list.add(n);
            }
            String joined = t.join(0, t.size, "");
            if (joined.length() >= 5) {
                List<Name> j = byJoinedKey.computeIfAbsent(joined, k -> new ArrayList<>(1));
                if (!j.contains(n)) {
                    j.add(n);
                }
            }
        }

        private static String text(JsonNode e, String name, String source, String field) {
            JsonNode v = e.path(name);
            if (!v.isTextual() || v.asText().isBlank()) {
                throw new InputException(Path.of(source), 0, field + "." + name, "missing or empty text");
            }
            return v.asText().strip();
        }

        private static LatLon position(JsonNode e, String source, String field) {
            JsonNode lat = e.path("lat");
            JsonNode lon = e.path("lon");
            if (!lat.isNumber() || !lon.isNumber()) {
                throw new InputException(Path.of(source), 0, field, "needs numeric lat and lon");
            }
            try {
                return new LatLon(lat.asDouble(), lon.asDouble());
            } catch (IllegalArgumentException ex) {
                throw new InputException(Path.of(source), 0, field, ex.getMessage());
            }
        }
    }
}
