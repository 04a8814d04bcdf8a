package dev.switchboard.city.engine.sim;

import dev.switchboard.city.engine.pack.RoadNetwork;
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
        // Straight line at full arterial speed is a lower bound of the road time: look at units in that order
        // and stop routing once no unrouted unit could beat the count-th best, so a fleet of hundreds costs a
        // few route searches, not hundreds.
        List<Candidate> bounds = new ArrayList<>();
        double speed = RoadNetwork.metersPerSecond(type);
        for (UnitView u : units) {
            if (u.type() == type && available(u) && !exclude.contains(u.id())) {
                bounds.add(new Candidate(u, u.position().distanceMeters(place) / speed * LOWER_BOUND_MARGIN));
            }
        }
        bounds.sort(BY_ETA);
        List<Candidate> out = new ArrayList<>();
        for (Candidate b : bounds) {
            if (out.size() >= count && b.etaSeconds() > out.get(count - 1).etaSeconds()) {
                break;
            }
            out.add(new Candidate(b.unit(), roads.travelSeconds(b.unit().position(), place, type)));
            out.sort(BY_ETA);
        }
        return out.size() > count ? List.copyOf(out.subList(0, count)) : List.copyOf(out);
    }

    /** Slightly under 1, so rounding between the straight-line and the road distance never prunes a winner. */
    private static final double LOWER_BOUND_MARGIN = 0.99;
    private static final Comparator<Candidate> BY_ETA = Comparator.comparingDouble(Candidate::etaSeconds)
            .thenComparing(c -> c.unit().id());

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
