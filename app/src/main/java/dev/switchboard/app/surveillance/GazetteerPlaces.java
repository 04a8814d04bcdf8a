package dev.switchboard.app.surveillance;

import dev.switchboard.calltaking.engine.entities.PlaceNames;
import dev.switchboard.surveillance.engine.PlaceResolver;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Surveillance's places over the chosen city pack's gazetteer, through the call console's place names (the same
 * reading of "corner of X and Y" or "2-21-1 Shibuya"), read, never copied.
 */
public final class GazetteerPlaces implements PlaceResolver {

    private final PlaceNames gazetteer;
    private final List<Ward> wards;

    public GazetteerPlaces(PlaceNames gazetteer) {
        this.gazetteer = Objects.requireNonNull(gazetteer, "gazetteer");
        this.wards = gazetteer.gazetteer().wards().stream()
                .map(p -> new Ward(p.wardId(), p.wardEn(), p.position())).toList();
    }

    @Override
    public List<Ward> wards() {
        return wards;
    }

    @Override
    public Optional<Ward> ward(String idOrName) {
        return gazetteer.ward(idOrName).map(p -> new Ward(p.wardId(), p.wardEn(), p.position()));
    }

    @Override
    public Optional<PlaceResolver.Place> resolve(String text) {
        return gazetteer.resolve(text).filter(p -> !p.outside()).map(GazetteerPlaces::place);
    }

    private static PlaceResolver.Place place(dev.switchboard.places.Place p) {
        return new PlaceResolver.Place(p.name(), p.wardId(), p.position(), p.kind());
    }
}
