package dev.switchboard.calltaking.engine.entities;

import dev.switchboard.places.Gazetteer;
import dev.switchboard.places.Place;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A city pack's gazetteer read the way callers and trainees say things: its names indexed by the extractor's
 * tokens, so an utterance is scanned left to right for the longest names, names run together or written with
 * hyphens still match, and a single misheard word one letter off a long name still does. The places themselves,
 * their positions and wards come from {@link Gazetteer} (module places); this class only reads text.
 * Immutable and thread-safe.
 */
public final class PlaceNames {

    /** Names found at tokens {@code from..to} (exclusive); confidence 1 for an exact match. */
    record Match(int from, int to, List<Gazetteer.Entry> names, double confidence) {
        Gazetteer.Entry first(Gazetteer.Kind kind) {
            for (Gazetteer.Entry n : names) {
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
    private static volatile PlaceNames tokyo;

    private final Gazetteer gazetteer;
    private final Map<String, List<Gazetteer.Entry>> byKey = new HashMap<>();
    private final Map<String, List<Gazetteer.Entry>> byJoinedKey = new HashMap<>();
    private final List<Map.Entry<String, Gazetteer.Entry>> fuzzy = new ArrayList<>();

    private PlaceNames(Gazetteer gazetteer) {
        this.gazetteer = Objects.requireNonNull(gazetteer, "gazetteer");
        for (Gazetteer.Entry e : gazetteer.entries()) {
            for (String name : e.names()) {
                add(name, e);
            }
            String canonical = e.canonical();
            boolean longWard = e.kind() == Gazetteer.Kind.WARD && canonical.length() >= 6;
            boolean longArea = e.kind() == Gazetteer.Kind.NEIGHBOURHOOD && canonical.length() >= 6
                    && !canonical.contains("-");
            if (longWard || longArea) {
                fuzzy.add(Map.entry(canonical.toLowerCase(Locale.ROOT), e));
            }
        }
    }

    /** The names of {@code gazetteer}. */
    public static PlaceNames of(Gazetteer gazetteer) {
        return new PlaceNames(gazetteer);
    }

    /** The names of the bundled Tokyo pack (built once). */
    public static PlaceNames tokyo() {
        PlaceNames names = tokyo;
        if (names == null) {
            synchronized (PlaceNames.class) {
                names = tokyo;
                if (names == null) {
                    names = new PlaceNames(Gazetteer.tokyo());
                    tokyo = names;
                }
            }
        }
        return names;
    }

    /** The gazetteer these names come from. */
    public Gazetteer gazetteer() {
        return gazetteer;
    }

    /** A ward by id, English name ({@code Shibuya}, {@code shibuya-ku}) or Japanese name. */
    public Optional<Place> ward(String idOrName) {
        return gazetteer.ward(idOrName);
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
        List<Gazetteer.Road> roads = new ArrayList<>();
        for (Match m : matches) {
            Gazetteer.Entry landmark = m.first(Gazetteer.Kind.LANDMARK) != null ? m.first(Gazetteer.Kind.LANDMARK)
                    : m.first(Gazetteer.Kind.INTERSECTION);
            if (landmark != null && named == null) {
                named = landmark.place();
            } else if (m.first(Gazetteer.Kind.NEIGHBOURHOOD) != null && neighbourhood == null) {
                neighbourhood = m.first(Gazetteer.Kind.NEIGHBOURHOOD).place();
                Place station = stationAfter(t, m, neighbourhood);
                if (station != null && named == null) {
                    named = station;
                }
            } else if (m.first(Gazetteer.Kind.WARD) != null) {
                if (ward == null) {
                    ward = m.first(Gazetteer.Kind.WARD).place();
                }
                Place station = stationAfter(t, m, m.first(Gazetteer.Kind.WARD).place());
                if (station != null && named == null) {
                    named = station;
                }
            } else if (m.first(Gazetteer.Kind.ROAD) != null) {
                roads.add(m.first(Gazetteer.Kind.ROAD).road());
            } else if (m.first(Gazetteer.Kind.OUTSIDE) != null && outside == null) {
                outside = m.first(Gazetteer.Kind.OUTSIDE).place();
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
                return Optional.of(gazetteer.addressPlace(address.numbers(), area));
            }
        }
        if (named != null) {
            return Optional.of(named);
        }
        if (roads.size() >= 2) {
            return gazetteer.intersection(roads.get(0), roads.get(1));
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
            return gazetteer.station(area);
        }
        return null;
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
            List<Gazetteer.Entry> names = byKey.get(key);
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
            for (Map.Entry<String, Gazetteer.Entry> e : fuzzy) {
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
        for (Map.Entry<String, Place> e : gazetteer.japaneseWardNames()) {
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

    private void add(String name, Gazetteer.Entry n) {
        Tokens t = Tokens.of(name);
        if (t.size == 0) {
            return;
        }
        String key = t.join(0, t.size, " ");
        List<Gazetteer.Entry> list = byKey.computeIfAbsent(key, k -> new ArrayList<>(1));
        if (!list.contains(n)) {
            list.add(n);
        }
        String joined = t.join(0, t.size, "");
        if (joined.length() >= 5) {
            List<Gazetteer.Entry> j = byJoinedKey.computeIfAbsent(joined, k -> new ArrayList<>(1));
            if (!j.contains(n)) {
                j.add(n);
            }
        }
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
    private static final Set<String> COMMON_WORDS = Set.of("minute", "minutes", "second",
            "mother", "father", "bother", "brother", "number", "street", "around", "people", "person", "really",
            "please", "breathe", "breath", "hurry", "garage", "orange", "behind", "inside", "someone", "nobody",
            "little", "middle", "bottle", "office", "market", "bridge", "sister", "driver", "letter", "better");
}
