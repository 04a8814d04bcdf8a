package dev.switchboard.places.imports;

import dev.switchboard.core.geo.LatLon;
import dev.switchboard.places.BaseType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;

/**
 * The stations units start from: from a bases GeoJSON file, else from the imported places (police stations,
 * fire stations, hospitals), and, where a district still lacks one of the three, a placeholder at a point well
 * inside it, named so the trainee sees it is not a real station. Traffic-control posts are placeholders unless
 * the bases file lists them.
 */
final class BaseImport {

    /** One base before ids are given: its ward is the district it lies in. */
    record Found(BaseType type, String name, LatLon position, String wardId, boolean placeholder) {
    }

    private static final Map<BaseType, String> PLACEHOLDER = Map.of(BaseType.POLICE, "Police Station",
            BaseType.FIRE, "Fire Station", BaseType.HOSPITAL, "Hospital", BaseType.TRAFFIC, "Traffic Control Post");
    /** Bearing and distance from the label point where each kind of placeholder goes, so they do not stack. */
    private static final Map<BaseType, double[]> OFFSETS = Map.of(BaseType.POLICE, new double[] {40, 250},
            BaseType.FIRE, new double[] {220, 350}, BaseType.HOSPITAL, new double[] {130, 450},
            BaseType.TRAFFIC, new double[] {310, 300});

    private BaseImport() {
    }

    static List<Found> read(Path file, Locator districts) {
        List<Found> out = new ArrayList<>();
        GeoJsonInput.read(file, f -> {
            String typeText = f.text("type");
            BaseType type;
            try {
                type = BaseType.valueOf(typeText == null ? "" : typeText.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw f.fail("properties.type", "must be police, fire, hospital or traffic, was '" + typeText + "'");
            }
            String name = f.text("name");
            if (name == null) {
                throw f.fail("properties.name", "is missing");
            }
            Geometry g = GeoJsonInput.geometry(f, "Point");
            LatLon p = new LatLon(g.getCoordinate().y, g.getCoordinate().x);
            String ward = districts.districtAt(p);
            if (ward == null) {
                throw f.fail("geometry.coordinates", "lies outside every district");
            }
            out.add(new Found(type, name, p, ward, false));
        });
        return out;
    }

    static List<Found> fromPlaces(List<PlaceImport.Found> places, Locator districts) {
        List<Found> out = new ArrayList<>();
        for (PlaceImport.Found p : places) {
            BaseType type = switch (p.kind()) {
                case "police" -> BaseType.POLICE;
                case "fire_station" -> BaseType.FIRE;
                case "hospital" -> BaseType.HOSPITAL;
                default -> null;
            };
            String ward = type == null ? null : districts.districtAt(p.position());
            if (ward != null) {
                out.add(new Found(type, p.name(), p.position(), ward, false));
            }
        }
        return out;
    }

    /** Adds a placeholder of each kind a district lacks (traffic posts only when the city has none at all). */
    static List<Found> completed(List<Found> bases, List<DistrictImport.District> districts) {
        List<Found> out = new ArrayList<>(bases);
        boolean anyTraffic = bases.stream().anyMatch(b -> b.type() == BaseType.TRAFFIC);
        for (DistrictImport.District d : districts) {
            Set<BaseType> has = EnumSet.noneOf(BaseType.class);
            for (Found b : bases) {
                if (b.wardId().equals(d.id())) {
                    has.add(b.type());
                }
            }
            Map<BaseType, Boolean> wanted = new EnumMap<>(BaseType.class);
            for (BaseType t : List.of(BaseType.POLICE, BaseType.FIRE, BaseType.HOSPITAL)) {
                wanted.put(t, !has.contains(t));
            }
            wanted.put(BaseType.TRAFFIC, !anyTraffic);
            for (Map.Entry<BaseType, Boolean> w : wanted.entrySet()) {
                if (w.getValue()) {
                    out.add(new Found(w.getKey(), d.nameEn() + " " + PLACEHOLDER.get(w.getKey()) + " (placeholder)",
                            placeInside(d, OFFSETS.get(w.getKey())), d.id(), true));
                }
            }
        }
        return out;
    }

    /** A point at the offset from the district's label point, turned and brought closer until it lies inside. */
    private static LatLon placeInside(DistrictImport.District d, double[] offset) {
        Coordinate label = d.label();
        double mLat = 111_320;
        double mLon = mLat * Math.cos(Math.toRadians(label.y));
        for (double m = offset[1]; m >= 20; m *= 0.6) {
            for (int step = 0; step < 12; step++) {
                double b = Math.toRadians(offset[0] + step * 30);
                Coordinate c = new Coordinate(label.x + m * Math.sin(b) / mLon, label.y + m * Math.cos(b) / mLat);
                if (d.area().contains(GeoJsonInput.GEOMETRY.createPoint(c))) {
                    return new LatLon(RoadImport.round7(c.y), RoadImport.round7(c.x));
                }
            }
        }
        return new LatLon(RoadImport.round7(label.y), RoadImport.round7(label.x));
    }

    /** Prepared district areas (JTS), kept per list of districts so repeated look-ups stay fast. */
    static final class Locator {
        private final List<DistrictImport.District> districts;
        private final List<org.locationtech.jts.geom.prep.PreparedGeometry> prepared = new ArrayList<>();

        Locator(List<DistrictImport.District> districts) {
            this.districts = districts;
            for (DistrictImport.District d : districts) {
                prepared.add(org.locationtech.jts.geom.prep.PreparedGeometryFactory.prepare(d.area()));
            }
        }

        /** The id of the district containing {@code p} (border included), or null. */
        String districtAt(LatLon p) {
            var point = GeoJsonInput.GEOMETRY.createPoint(new Coordinate(p.lon(), p.lat()));
            for (int i = 0; i < districts.size(); i++) {
                if (prepared.get(i).covers(point)) {
                    return districts.get(i).id();
                }
            }
            return null;
        }
    }
}
