package dev.switchboard.city.engine.pipeline;

import dev.switchboard.places.CityPack;
import dev.switchboard.places.Ward;
import java.util.List;

/**
 * What the generators and the scorer need to know about the city's districts, by index: ids, centres and
 * a fast point lookup. Build one from the city pack's wards with {@link #fromWards}.
 */
public interface Districts {

    /** Number of districts; indices run 0..count-1. */
    int count();

    /** Stable id of district {@code index}, e.g. {@code shibuya}. */
    String id(int index);

    /** Display name of district {@code index}, e.g. {@code Shibuya}. */
    String name(int index);

    double centreLat(int index);

    double centreLon(int index);

    /** The district containing the point, or -1 when it lies outside every district (sea, outside the city). */
    int indexAt(double lat, double lon);

    /** The district whose centre is closest to the point (never -1). */
    int nearestIndex(double lat, double lon);

    /** The index of the district with this id, or -1. */
    int indexOf(String id);

    /** Southern edge of the area covered by the districts, in degrees. */
    double minLat();

    double maxLat();

    double minLon();

    double maxLon();

    /**
     * Districts from wards. Wards with an area are looked up by point-in-polygon, wards without one by
     * nearest centre within the bounding box of the centres (plus a margin); either way through a
     * precomputed raster so that {@link #indexAt} costs a couple of nanoseconds.
     */
    static Districts fromWards(List<Ward> wards) {
        return WardRaster.of(wards);
    }

    /** The districts of a city pack (its wards, with their areas). */
    static Districts of(CityPack pack) {
        return fromWards(pack.wards());
    }
}
