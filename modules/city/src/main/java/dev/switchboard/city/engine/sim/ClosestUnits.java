package dev.switchboard.city.engine.sim;

import dev.switchboard.places.RoadNetwork;
import dev.switchboard.city.model.UnitState;
import dev.switchboard.city.model.UnitType;
import dev.switchboard.city.model.UnitView;
import dev.switchboard.core.geo.LatLon;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** Ranks available units by road travel time to a place (never by straight-line distance). */
public final class ClosestUnits {

    private final RoadNetwork roads;

    public ClosestUnits(RoadNetwork roads) {
        this.roads = Objects.requireNonNull(roads, "roads");
    }

    /** A unit and its road travel time to the place asked about. */
    public record Candidate(UnitView unit, double etaSeconds) {
    }

    /**
     * Up to {@code count} available units of {@code type} (idle, or driving home empty), fastest by road first,
     * ties broken by unit id; units in {@code exclude} are skipped.
     */
    public List<Candidate> rank(List<UnitView> units, UnitType type, LatLon place, Set<String> exclude, int count) {
        if (count <= 0) {
            return List.of();
        }
        List<UnitView> eligible = new ArrayList<>();
        for (UnitView u : units) {
            if (u.type() == type && available(u) && !exclude.contains(u.id())) {
                eligible.add(u);
            }
        }
        // Sorted by id first, so that units with equal travel times come out in id order.
        eligible.sort(Comparator.comparing(UnitView::id));
        List<LatLon> positions = eligible.stream().map(UnitView::position).toList();
        // One search backwards from the place, stopped as soon as the fastest units are known: a fleet of
        // hundreds costs about as much as one short route.
        List<Candidate> out = new ArrayList<>();
        for (RoadNetwork.Ranked r : roads.closest(positions, place, type, count)) {
            out.add(new Candidate(eligible.get(r.index()), r.seconds()));
        }
        return List.copyOf(out);
    }

    /** Road travel time of {@code type} from {@code from} to {@code to}. */
    public double etaSeconds(LatLon from, LatLon to, UnitType type) {
        return roads.travelSeconds(from, to, type);
    }

    /**
     * Whether the view shows a unit free for a new assignment: idle, or returning without an incident (an
     * ambulance taking a patient to hospital shows that patient's incident).
     */
    static boolean available(UnitView u) {
        return u.state() == UnitState.IDLE || u.state() == UnitState.RETURNING && u.incidentId() == null;
    }
}
