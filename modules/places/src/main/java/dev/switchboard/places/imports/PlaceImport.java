package dev.switchboard.places.imports;

import dev.switchboard.core.error.InputException;
import dev.switchboard.core.geo.LatLon;
import dev.switchboard.places.Bounds;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.openstreetmap.osmosis.core.domain.v0_6.Node;
import org.openstreetmap.osmosis.core.domain.v0_6.Way;
import org.openstreetmap.osmosis.core.domain.v0_6.WayNode;

/**
 * Named places for a city pack's gazetteer and its unit bases: stations, landmarks, hospitals, police and fire
 * stations, parks, neighbourhoods. From GeoJSON (Points, or areas at a point inside them, with a {@code name} and a
 * {@code kind} or OSM tags) or from an OSM file (nodes and ways with a name and one of the tags below).
 */
final class PlaceImport {

    /** One place; {@code kind} is one of the pack's place kinds (station, hospital, police, fire_station, ...). */
    record Found(String name, String kind, LatLon position, List<String> aliases) {
    }

    private PlaceImport() {
    }

    /** The pack's kind of a place with these OSM tags, or null when it is none the gazetteer keeps. */
    static String kindOf(Map<String, String> tags) {
        String amenity = tags.getOrDefault("amenity", "");
        switch (amenity) {
            case "hospital" -> {
                return "hospital";
            }
            case "police" -> {
                return "police";
            }
            case "fire_station" -> {
                return "fire_station";
            }
            case "school", "university", "college" -> {
                return "school";
            }
            case "townhall" -> {
                return "landmark";
            }
            default -> {
                // fall through to the other keys
            }
        }
        if ("station".equals(tags.get("railway")) || "station".equals(tags.get("public_transport"))) {
            return "station";
        }
        String place = tags.getOrDefault("place", "");
        if (place.equals("neighbourhood") || place.equals("suburb") || place.equals("quarter")) {
            return "neighbourhood";
        }
        if ("park".equals(tags.get("leisure"))) {
            return "park";
        }
        String tourism = tags.getOrDefault("tourism", "");
        if (tourism.equals("attraction") || tourism.equals("museum") || tourism.equals("viewpoint")
                || tags.containsKey("historic")) {
            return "landmark";
        }
        return null;
    }

    /** A place's display name: its English name when it has one. */
    private static String nameOf(Map<String, String> tags) {
        String en = tags.get("name:en");
        return en != null && !en.isBlank() ? en.strip() : tags.getOrDefault("name", "").strip();
    }

    private static List<String> aliasesOf(Map<String, String> tags, String name) {
        List<String> out = new ArrayList<>();
        for (String key : new String[] {"name", "name:ja", "name:ja-Latn", "alt_name", "short_name"}) {
            String v = tags.get(key);
            if (v != null && !v.isBlank() && !v.strip().equals(name) && !out.contains(v.strip())) {
                out.add(v.strip());
            }
        }
        return out;
    }

    static List<Found> read(Path file, Bounds bounds, ImportProgress progress) {
        List<Found> out = OsmInput.isOsm(file) ? fromOsm(file, progress) : fromGeoJson(file);
        List<Found> inside = new ArrayList<>();
        for (Found f : out) {
            if (bounds.contains(f.position())) {
                inside.add(f);
            }
        }
        return inside;
    }

    private static List<Found> fromGeoJson(Path file) {
        List<Found> out = new ArrayList<>();
        GeoJsonInput.read(file, f -> {
            Map<String, String> tags = new HashMap<>();
            f.properties().fields().forEachRemaining(e -> {
                if (e.getValue().isValueNode()) {
                    tags.put(e.getKey(), e.getValue().asText());
                }
            });
            String name = f.text("name_en") != null ? f.text("name_en") : nameOf(tags);
            if (name.isBlank()) {
                throw f.fail("properties.name", "is missing; every place needs a name");
            }
            String kind = f.text("kind") != null ? f.text("kind").toLowerCase(Locale.ROOT) : kindOf(tags);
            Geometry g = GeoJsonInput.geometry(f, "Point", "Polygon", "MultiPolygon");
            Point p = g instanceof Point point ? point : g.getInteriorPoint();
            out.add(new Found(name, kind != null ? kind : "landmark", new LatLon(p.getY(), p.getX()),
                    aliasesOf(tags, name)));
        });
        return out;
    }

    private static List<Found> fromOsm(Path file, ImportProgress progress) {
        List<Found> out = new ArrayList<>();
        List<Map<String, String>> wayTags = new ArrayList<>();
        List<long[]> wayNodes = new ArrayList<>();
        RoadImport.LongList needed = new RoadImport.LongList();
        OsmInput.read(file, entity -> {
            if (entity instanceof Node n) {
                Map<String, String> tags = RoadImport.tags(n.getTags());
                String kind = kindOf(tags);
                String name = nameOf(tags);
                if (kind != null && !name.isEmpty()) {
                    out.add(new Found(name, kind, new LatLon(n.getLatitude(), n.getLongitude()),
                            aliasesOf(tags, name)));
                }
            } else if (entity instanceof Way w) {
                Map<String, String> tags = RoadImport.tags(w.getTags());
                if (kindOf(tags) != null && !nameOf(tags).isEmpty() && !w.getWayNodes().isEmpty()) {
                    long[] ids = w.getWayNodes().stream().mapToLong(WayNode::getNodeId).toArray();
                    for (long id : ids) {
                        needed.add(id);
                    }
                    wayTags.add(tags);
                    wayNodes.add(ids);
                }
            }
        });
        if (!wayTags.isEmpty()) {
            // Areas (a hospital drawn as its grounds) stand at the middle of their outline's nodes.
            long[] ids = needed.sortedUnique();
            double[] lat = new double[ids.length];
            double[] lon = new double[ids.length];
            Arrays.fill(lat, Double.NaN);
            OsmInput.read(file, entity -> {
                if (entity instanceof Node n) {
                    int i = Arrays.binarySearch(ids, n.getId());
                    if (i >= 0) {
                        lat[i] = n.getLatitude();
                        lon[i] = n.getLongitude();
                    }
                }
            });
            for (int w = 0; w < wayTags.size(); w++) {
                List<Coordinate> cs = new ArrayList<>();
                for (long id : wayNodes.get(w)) {
                    int i = Arrays.binarySearch(ids, id);
                    if (!Double.isNaN(lat[i])) {
                        cs.add(new Coordinate(lon[i], lat[i]));
                    }
                }
                if (cs.isEmpty()) {
                    continue;
                }
                Point c = GeoJsonInput.GEOMETRY.createMultiPointFromCoords(cs.toArray(new Coordinate[0]))
                        .getCentroid();
                Map<String, String> tags = wayTags.get(w);
                String name = nameOf(tags);
                out.add(new Found(name, kindOf(tags), new LatLon(c.getY(), c.getX()), aliasesOf(tags, name)));
            }
        }
        progress.step("places", out.size() + " named places read");
        if (out.isEmpty()) {
            throw new InputException(file, 0, null, "has no named places (stations, hospitals, police and fire "
                    + "stations, parks, landmarks, neighbourhoods)");
        }
        return out;
    }
}
