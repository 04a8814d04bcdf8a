package dev.switchboard.city.engine.sim;

import dev.switchboard.places.CityPack;
import dev.switchboard.city.model.DispatchCommand;
import dev.switchboard.city.model.UnitType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * The offline coordinator: for every open incident that lacks units, the closest available unit of each type
 * it needs, by road travel time. Deterministic; the default coordinator and the fallback of the model one.
 */
public final class RuleCoordinator implements Coordinator {

    /** The order in which needs are filled within one incident: the scarce, decisive units first. */
    static final List<UnitType> ORDER = List.of(UnitType.SWAT, UnitType.FIRE, UnitType.AMBULANCE, UnitType.POLICE,
            UnitType.TRAFFIC);

    private final ClosestUnits closest;
    private final UsageMeter meter = new UsageMeter();

    public RuleCoordinator(CityPack pack) {
        this.closest = new ClosestUnits(Objects.requireNonNull(pack, "pack").roads());
    }

    @Override
    public String name() {
        return "rules";
    }

    @Override
    public List<Proposal> propose(Situation situation) {
        meter.events(situation.eventsThisTick());
        return plan(situation, "rules");
    }

    @Override
    public CoordinatorUsage usage() {
        return meter.snapshot();
    }

    /** The proposals for {@code situation}, labelled with {@code source}. */
    List<Proposal> plan(Situation situation, String source) {
        List<Proposal> out = new ArrayList<>();
        Set<String> taken = new HashSet<>(situation.reservedUnits());
        for (IncidentNeed need : situation.incidents()) {
            for (UnitType type : ORDER) {
                int n = need.shortfall(type);
                if (n == 0) {
                    continue;
                }
                for (ClosestUnits.Candidate c : closest.rank(situation.units(), type, need.incident().position(),
                        taken, n)) {
                    taken.add(c.unit().id());
                    out.add(new Proposal(need.incident().id(),
                            new DispatchCommand.Dispatch(type, 1, need.incident().id()), c.unit().id(),
                            c.etaSeconds(), rationale(type, c, need), source));
                }
            }
        }
        return out;
    }

    private static String rationale(UnitType type, ClosestUnits.Candidate c, IncidentNeed need) {
        return String.format(Locale.ROOT, "Closest available %s by road: %s, %.1f min · %s (P%d)",
                type.name().toLowerCase(Locale.ROOT), c.unit().id(), c.etaSeconds() / 60, need.incident().title(),
                need.incident().priority());
    }
}
