package dev.switchboard.places;

import dev.switchboard.core.geo.LatLon;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A city the control room and the call console run in: its districts, land, roads, bases and place names,
 * loaded from a city pack (see {@code resources/city/README.md}). Immutable and safe to share between threads.
 */
public final class CityPack {

    private final String id;
    private final String name;
    private final List<Ward> wards;
    private final List<List<LatLon>> land;
    private final RoadNetwork roads;
    private final List<Base> bases;
    private final Bounds bounds;
    private final String credits;
    private final Gazetteer gazetteer;
    private final WardLocator wardAreas;
    private volatile WardLocator landAreas;

    /**
     * @param id stable lower-case id of the pack, e.g. {@code tokyo}
     * @param name display name, e.g. {@code Tokyo (23 special wards)}
     * @param wards the districts; each area is one or more outer rings on land
     * @param land outer rings of the land polygons (everything else inside {@code bounds} is water)
     * @param roads the routable road graph
     * @param bases police stations, fire stations, hospitals and traffic-control posts
     * @param bounds the area the pack covers
     * @param credits attribution text for the data, shown with the map
     * @param gazetteer the pack's place names, or null for its wards' names only
     */
    public CityPack(String id, String name, List<Ward> wards, List<List<LatLon>> land, RoadNetwork roads,
                    List<Base> bases, Bounds bounds, String credits, Gazetteer gazetteer) {
        this.id = Objects.requireNonNull(id, "id");
        this.name = Objects.requireNonNull(name, "name");
        this.roads = Objects.requireNonNull(roads, "roads");
        this.bounds = Objects.requireNonNull(bounds, "bounds");
        this.credits = Objects.requireNonNull(credits, "credits");
        this.wards = List.copyOf(wards);
        this.land = land.stream().map(List::copyOf).toList();
        this.bases = List.copyOf(bases);
        this.gazetteer = gazetteer != null ? gazetteer : Gazetteer.ofWards(this.wards);
        this.wardAreas = new WardLocator(this.wards.stream().map(Ward::area).toList());
    }

    /** A pack whose gazetteer knows only its wards. */
    public CityPack(String id, String name, List<Ward> wards, List<List<LatLon>> land, RoadNetwork roads,
                    List<Base> bases, Bounds bounds, String credits) {
        this(id, name, wards, land, roads, bases, bounds, credits, null);
    }

    /** Stable lower-case id of the pack, e.g. {@code tokyo}. */
    public String id() {
        return id;
    }

    /** Display name, e.g. {@code Tokyo (23 special wards)}. */
    public String name() {
        return name;
    }

    /** The districts, in pack order. */
    public List<Ward> wards() {
        return wards;
    }

    /** Outer rings of the land polygons; everything else inside {@link #bounds} is water. */
    public List<List<LatLon>> land() {
        return land;
    }

    /** The routable road graph. */
    public RoadNetwork roads() {
        return roads;
    }

    /** Police stations, fire stations, hospitals and traffic-control posts. */
    public List<Base> bases() {
        return bases;
    }

    /** The area the pack covers. */
    public Bounds bounds() {
        return bounds;
    }

    /** Attribution text for the data (sources and licences), shown with the map. */
    public String credits() {
        return credits;
    }

    /** The pack's place names: wards, neighbourhoods, landmarks, roads and places just outside. */
    public Gazetteer gazetteer() {
        return gazetteer;
    }

    /** The ward whose area contains {@code p}, if any (water and places outside the city give empty). */
    public Optional<Ward> wardAt(LatLon p) {
        int i = wardAreas.indexAt(p);
        return i < 0 ? Optional.empty() : Optional.of(wards.get(i));
    }

    /** The ward whose area contains {@code p}, else the ward with the nearest centre; never null. */
    public Ward nearestWard(LatLon p) {
        Optional<Ward> inside = wardAt(p);
        if (inside.isPresent()) {
            return inside.get();
        }
        Ward best = wards.get(0);
        double bestMeters = Double.MAX_VALUE;
        for (Ward ward : wards) {
            double d = ward.centre().distanceMeters(p);
            if (d < bestMeters) {
                bestMeters = d;
                best = ward;
            }
        }
        return best;
    }

    /**
     * The ward with this id, English or local name. Case, surrounding blanks and the usual suffixes are
     * ignored: {@code "shibuya"}, {@code "Shibuya Ward"}, {@code "Shibuya-ku"}, {@code "渋谷区"} and {@code "渋谷"}
     * all give Shibuya.
     */
    public Optional<Ward> ward(String idOrName) {
        if (idOrName == null || idOrName.isBlank()) {
            return Optional.empty();
        }
        String key = normalise(idOrName);
        for (Ward ward : wards) {
            if (normalise(ward.id()).equals(key) || normalise(ward.nameEn()).equals(key)
                    || normalise(ward.nameJa()).equals(key)) {
                return Optional.of(ward);
            }
        }
        return Optional.empty();
    }

    private static String normalise(String name) {
        String s = name.strip().toLowerCase(Locale.ROOT);
        for (String suffix : new String[] {" special ward", " ward", " city", "-ku", " ku", "区"}) {
            if (s.endsWith(suffix) && s.length() > suffix.length()) {
                s = s.substring(0, s.length() - suffix.length()).strip();
                break;
            }
        }
        return s;
    }

    /** The bases of one type, in pack order. */
    public List<Base> bases(BaseType type) {
        return bases.stream().filter(b -> b.type() == type).toList();
    }

    /** Whether {@code p} lies on land (inside one of the land rings). */
    public boolean onLand(LatLon p) {
        if (!bounds.contains(p)) {
            return false;
        }
        WardLocator l = landAreas;
        if (l == null) {
            // One area per ring: a point inside any ring is on land.
            l = new WardLocator(land.stream().map(List::of).toList());
            landAreas = l;
        }
        return l.indexAt(p) >= 0;
    }

    @Override
    public String toString() {
        return "CityPack[" + id + ", " + wards.size() + " wards, " + roads.edgeCount() + " road segments]";
    }
}
