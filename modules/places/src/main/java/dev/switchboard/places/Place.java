package dev.switchboard.places;

import dev.switchboard.core.geo.LatLon;
import java.util.Objects;

/**
 * A place the gazetteer knows or worked out.
 *
 * @param name     display name, e.g. {@code Shibuya Station}, {@code 2-21-1 Shibuya}, {@code Meiji-dori & Omotesando}
 * @param wardId   lower-case ward id ({@code shibuya}), or {@value #OUTSIDE} for a place outside the 23 wards
 * @param wardEn   the ward's English name, or the municipality for a place outside the wards
 * @param position approximate WGS-84 position
 * @param kind     {@code ward}, {@code neighbourhood}, {@code station}, {@code landmark}, {@code park},
 *                 {@code hospital}, {@code intersection}, {@code address} or {@code outside}
 */
public record Place(String name, String wardId, String wardEn, LatLon position, String kind) {

    /** The ward id of places outside Tokyo's 23 wards. */
    public static final String OUTSIDE = "outside";

    public Place {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(wardId, "wardId");
        Objects.requireNonNull(wardEn, "wardEn");
        Objects.requireNonNull(position, "position");
        Objects.requireNonNull(kind, "kind");
    }

    /** True for a place outside the 23 wards (a call to transfer, not to dispatch). */
    public boolean outside() {
        return OUTSIDE.equals(wardId);
    }
}
