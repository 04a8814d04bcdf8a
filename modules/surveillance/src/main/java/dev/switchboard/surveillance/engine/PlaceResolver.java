package dev.switchboard.surveillance.engine;

import dev.switchboard.core.geo.LatLon;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The city's place names as surveillance needs them: wards, and the place a question names. The composition root
 * implements it over the shared gazetteer; surveillance keeps no copy of the names.
 */
public interface PlaceResolver {

    /** The wards, in a stable order. */
    List<Ward> wards();

    /** A ward by id ({@code shibuya}) or name ({@code Shibuya}, {@code shibuya-ku}). */
    Optional<Ward> ward(String idOrName);

    /** The place a piece of text names (a landmark, a crossing, a neighbourhood or a ward), if any. */
    Optional<Place> resolve(String text);

    /** A ward with its centre. */
    record Ward(String id, String name, LatLon centre) {
        public Ward {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(centre, "centre");
        }
    }

    /**
     * A named place.
     *
     * @param kind {@code ward}, {@code neighbourhood}, {@code station}, {@code landmark}, {@code intersection} …
     */
    record Place(String name, String wardId, LatLon position, String kind) {
        public Place {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(wardId, "wardId");
            Objects.requireNonNull(position, "position");
            Objects.requireNonNull(kind, "kind");
        }

        public boolean isWard() {
            return "ward".equals(kind);
        }
    }
}
