package dev.switchboard.app.surveillance;

import dev.switchboard.calltaking.engine.entities.Gazetteer;
import dev.switchboard.surveillance.engine.PlaceResolver;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Surveillance's places over the call console's Tokyo gazetteer, read, never copied (the gazetteer moves to a shared
 * places module later; only this adapter changes then).
 */
public final class GazetteerPlaces implements PlaceResolver {

    private final Gazetteer gazetteer;
    private final List<Ward> wards;

    public GazetteerPlaces(Gazetteer gazetteer) {
        this.gazetteer = Objects.requireNonNull(gazetteer, "gazetteer");
        this.wards = gazetteer.wards().stream().map(p -> new Ward(p.wardId(), p.wardEn(), p.position())).toList();
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

    private static PlaceResolver.Place place(dev.switchboard.calltaking.engine.entities.Place p) {
        return new PlaceResolver.Place(p.name(), p.wardId(), p.position(), p.kind());
    }
}
