package dev.switchboard.places;

import dev.switchboard.core.geo.LatLon;
import java.util.List;
import java.util.Objects;

/**
 * One district of the city (in Tokyo, one of the 23 special wards).
 *
 * @param id stable lower-case id, e.g. {@code shibuya}
 * @param area the district's area on land: outer rings (lat/lon), possibly several pieces
 */
public record Ward(String id, String nameEn, String nameJa, LatLon centre, List<List<LatLon>> area) {

    public Ward {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(nameEn, "nameEn");
        Objects.requireNonNull(nameJa, "nameJa");
        Objects.requireNonNull(centre, "centre");
        area = area.stream().map(List::copyOf).toList();
    }
}
