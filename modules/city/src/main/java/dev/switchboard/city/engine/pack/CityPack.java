package dev.switchboard.city.engine.pack;

import dev.switchboard.city.model.Base;
import dev.switchboard.city.model.BaseType;
import dev.switchboard.city.model.Ward;
import dev.switchboard.core.geo.LatLon;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A city the control room runs in: its districts, land, roads and bases, loaded from a city pack
 * (see {@code resources/city/README.md}). Immutable and safe to share between threads.
 *
 * @param id stable lower-case id of the pack, e.g. {@code tokyo}
 * @param name display name, e.g. {@code Tokyo (23 special wards)}
 * @param wards the districts; each area is one or more outer rings on land
 * @param land outer rings of the land polygons (everything else inside {@link #bounds} is water)
 * @param roads the routable road graph
 * @param bases police stations, fire stations, hospitals and traffic-control posts
 * @param bounds the area the pack covers
 * @param credits attribution text for the data, shown with the map
 */
public record CityPack(String id, String name, List<Ward> wards, List<List<LatLon>> land, RoadNetwork roads,
                       List<Base> bases, Bounds bounds, String credits) {

    public CityPack {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(roads, "roads");
        Objects.requireNonNull(bounds, "bounds");
        Objects.requireNonNull(credits, "credits");
        wards = List.copyOf(wards);
        land = land.stream().map(List::copyOf).toList();
        bases = List.copyOf(bases);
    }

    /** The ward whose area contains {@code p}, if any (water and places outside the city give empty). */
    public Optional<Ward> wardAt(LatLon p) {
        for (Ward ward : wards) {
            for (List<LatLon> ring : ward.area()) {
                if (Polygons.contains(ring, p)) {
                    return Optional.of(ward);
                }
            }
        }
        return Optional.empty();
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
     * The ward with this id, English or Japanese name. Case, surrounding blanks and the usual suffixes are
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
        for (List<LatLon> ring : land) {
            if (Polygons.contains(ring, p)) {
                return true;
            }
        }
        return false;
    }
}
