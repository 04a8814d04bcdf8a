package dev.switchboard.surveillance.engine;

import dev.switchboard.core.geo.LatLon;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** A handful of Tokyo's wards and places, standing in for the gazetteer the app wires in. */
final class FakePlaces implements PlaceResolver {

    static final List<Ward> WARDS = List.of(
            new Ward("shinjuku", "Shinjuku", new LatLon(35.6938, 139.7034)),
            new Ward("shibuya", "Shibuya", new LatLon(35.6640, 139.6982)),
            new Ward("taito", "Taito", new LatLon(35.7126, 139.7800)),
            new Ward("minato", "Minato", new LatLon(35.6581, 139.7516)),
            new Ward("chiyoda", "Chiyoda", new LatLon(35.6940, 139.7536)));
    static final List<Place> PLACES = List.of(
            new Place("Shibuya Station", "shibuya", new LatLon(35.6580, 139.7016), "station"),
            new Place("Ueno Station", "taito", new LatLon(35.7138, 139.7773), "station"),
            new Place("Kabukicho", "shinjuku", new LatLon(35.6950, 139.7030), "neighbourhood"));

    @Override
    public List<Ward> wards() {
        return WARDS;
    }

    @Override
    public Optional<Ward> ward(String idOrName) {
        String s = idOrName.strip().toLowerCase(Locale.ROOT).replace("-ku", "");
        return WARDS.stream().filter(w -> w.id().equals(s)).findFirst();
    }

    @Override
    public Optional<Place> resolve(String text) {
        String t = text.toLowerCase(Locale.ROOT);
        for (Place p : PLACES) {
            if (t.contains(p.name().toLowerCase(Locale.ROOT))) {
                return Optional.of(p);
            }
        }
        for (Ward w : WARDS) {
            if (t.matches("(?s).*\\b" + w.id() + "\\b.*")) {
                return Optional.of(new Place(w.name(), w.id(), w.centre(), "ward"));
            }
        }
        return Optional.empty();
    }
}
