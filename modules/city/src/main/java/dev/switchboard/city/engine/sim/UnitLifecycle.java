package dev.switchboard.city.engine.sim;

import dev.switchboard.city.model.UnitState;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The transitions a unit may make. The main line is Idle → Dispatched → EnRoute → OnScene → Returning →
 * Idle; besides it, a unit that is stood down (or whose incident is resolved) before arriving turns back
 * (Dispatched/EnRoute → Returning), and a unit on its way home may be sent to a new incident
 * (Returning → Dispatched). Everything else is illegal.
 */
public final class UnitLifecycle {

    private static final Map<UnitState, Set<UnitState>> ALLOWED = new EnumMap<>(UnitState.class);

    static {
        ALLOWED.put(UnitState.IDLE, EnumSet.of(UnitState.DISPATCHED));
        ALLOWED.put(UnitState.DISPATCHED, EnumSet.of(UnitState.EN_ROUTE, UnitState.RETURNING));
        ALLOWED.put(UnitState.EN_ROUTE, EnumSet.of(UnitState.ON_SCENE, UnitState.RETURNING));
        ALLOWED.put(UnitState.ON_SCENE, EnumSet.of(UnitState.RETURNING));
        ALLOWED.put(UnitState.RETURNING, EnumSet.of(UnitState.IDLE, UnitState.DISPATCHED));
    }

    private UnitLifecycle() {
    }

    /** Whether a unit in {@code from} may go to {@code to}. */
    public static boolean allows(UnitState from, UnitState to) {
        return ALLOWED.get(from).contains(to);
    }

    /** The states reachable from {@code from} in one step. */
    public static Set<UnitState> next(UnitState from) {
        return EnumSet.copyOf(ALLOWED.get(from));
    }
}
