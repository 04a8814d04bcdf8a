package dev.switchboard.city.engine.sim;

import dev.switchboard.city.model.EventType;
import dev.switchboard.city.model.IncidentState;
import dev.switchboard.city.model.IncidentView;
import dev.switchboard.city.model.UnitType;
import dev.switchboard.core.geo.LatLon;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One incident and the work left at its scene. Owned by the simulation's tick thread; the outside world sees
 * an {@link IncidentView}. The work is what the units do on scene: a fire's intensity (0..1) knocked down by
 * fire units, people to rescue from a collapsed building (fire units), patients to treat (one ambulance
 * each, who then take them to hospital), a scene to secure (police; SWAT where there is a weapon) and a road
 * to clear (traffic control). The incident is resolved when none is left.
 */
final class Incident {

    /** Intensity a fire unit knocks down per second on scene. */
    static final double KNOCKDOWN_PER_SECOND = 0.006;
    /** Water a fire unit pumps per second while fighting a fire. */
    static final double WATER_LITERS_PER_SECOND = 30;
    /** How much an unattended fire grows per second. */
    static final double FIRE_GROWTH_PER_SECOND = 0.0005;
    /** Treatment on scene per patient, seconds. */
    static final double TREAT_SECONDS = 90;

    final String id;
    IncidentKind kind;
    EventType cause;
    String title;
    final LatLon position;
    final String wardId;
    int priority;
    final String source;
    final long createdSimMillis;
    /** The call or sensor reference it came from, or null. */
    final String reference;
    double risk;

    IncidentState state = IncidentState.NEW;
    long dispatchedSimMillis = -1;
    long onSceneSimMillis = -1;
    long resolvedSimMillis = -1;
    long closedSimMillis = -1;

    double fireIntensity;
    double rescueSecondsLeft;
    double secureSecondsLeft;
    double clearanceSecondsLeft;
    /** Patients no ambulance has reached yet. */
    int patientsWaiting;
    /** Patients not yet treated (waiting or under treatment). */
    int patientsUntreated;
    double waterUsedLiters;

    int wantedFire;
    int wantedPolice;
    int wantedSwat;
    int wantedTraffic;

    /** Units a call-taker asked for that had nobody free, by type: sent as they come free. */
    final java.util.Map<UnitType, Integer> awaited = new java.util.EnumMap<>(UnitType.class);
    /** Units currently tasked here (dispatched, en route, on scene), in assignment order. */
    final Set<String> activeUnits = new LinkedHashSet<>();
    /** Every unit ever assigned, in assignment order. */
    final List<String> allUnits = new ArrayList<>();

    Incident(String id, IncidentKind kind, EventType cause, String title, LatLon position, String wardId,
             int priority, String source, long createdSimMillis, String reference, double risk) {
        this.id = Objects.requireNonNull(id, "id");
        this.kind = Objects.requireNonNull(kind, "kind");
        this.cause = cause;
        this.title = Objects.requireNonNull(title, "title");
        this.position = Objects.requireNonNull(position, "position");
        this.wardId = Objects.requireNonNull(wardId, "wardId");
        this.priority = Math.max(1, Math.min(5, priority));
        this.source = Objects.requireNonNull(source, "source");
        this.createdSimMillis = createdSimMillis;
        this.reference = reference;
        this.risk = Math.max(0, Math.min(1, risk));
        planWork(kind, this.risk);
    }

    /** Sets the work and the units wanted for {@code newKind} at {@code newRisk}, never lowering work already set. */
    void planWork(IncidentKind newKind, double newRisk) {
        int patients = switch (newKind) {
            case WEAPON, MEDICAL -> 1;
            case VIOLENCE, FIRE -> newRisk >= 0.9 ? 1 : 0;
            case ACCIDENT -> newRisk >= 0.95 ? 3 : newRisk >= 0.85 ? 2 : 1;
            case EARTHQUAKE -> newRisk >= 0.9 ? 2 : 1;
            case GENERAL -> 0;
        };
        if (patients > patientsUntreated) {
            patientsWaiting += patients - patientsUntreated;
            patientsUntreated = patients;
        }
        switch (newKind) {
            case WEAPON -> {
                secureSecondsLeft = Math.max(secureSecondsLeft, 240);
                wantedSwat = Math.max(wantedSwat, 1);
            }
            case VIOLENCE -> {
                secureSecondsLeft = Math.max(secureSecondsLeft, 150);
                wantedPolice = Math.max(wantedPolice, 2);
            }
            case FIRE -> {
                fireIntensity = Math.max(fireIntensity, 0.4 + 0.6 * newRisk);
                wantedFire = Math.max(wantedFire, 1 + (int) Math.round(2 * newRisk));
            }
            case ACCIDENT -> {
                secureSecondsLeft = Math.max(secureSecondsLeft, 90);
                clearanceSecondsLeft = Math.max(clearanceSecondsLeft, newRisk >= 0.95 ? 300 : 180);
                wantedPolice = Math.max(wantedPolice, 1);
                wantedTraffic = Math.max(wantedTraffic, newRisk >= 0.95 ? 2 : 1);
            }
            case EARTHQUAKE -> {
                rescueSecondsLeft = Math.max(rescueSecondsLeft, 180);
                fireIntensity = Math.max(fireIntensity, 0.2 * newRisk);
                wantedFire = Math.max(wantedFire, newRisk >= 0.9 ? 2 : 1);
            }
            case GENERAL -> {
                secureSecondsLeft = Math.max(secureSecondsLeft, 90);
                wantedPolice = Math.max(wantedPolice, 1);
            }
            case MEDICAL -> {
                // An ambulance only.
            }
        }
    }

    /** Whether the units still have something to do here. */
    boolean workLeft() {
        return fireIntensity > 0 || rescueSecondsLeft > 0 || secureSecondsLeft > 0 || clearanceSecondsLeft > 0
                || patientsUntreated > 0;
    }

    /** Whether this incident still takes units: not resolved or closed. */
    boolean open() {
        return state != IncidentState.RESOLVED && state != IncidentState.CLOSED;
    }

    /**
     * How many units of {@code type} this incident wants working here now, counting only the work that is
     * left; for ambulances, one per patient no ambulance has reached.
     */
    int wanted(UnitType type) {
        if (!open()) {
            return 0;
        }
        return switch (type) {
            case FIRE -> fireIntensity > 0 || rescueSecondsLeft > 0 ? wantedFire : 0;
            case POLICE -> secureSecondsLeft > 0 ? wantedPolice : 0;
            case SWAT -> secureSecondsLeft > 0 ? wantedSwat : 0;
            case TRAFFIC -> clearanceSecondsLeft > 0 ? wantedTraffic : 0;
            case AMBULANCE -> patientsWaiting;
        };
    }

    /**
     * Does one step of scene work with the units on scene.
     *
     * @param fireUnits fire units on scene
     * @param police police patrols on scene
     * @param swat SWAT teams on scene
     * @param traffic traffic-control units on scene
     * @return water used in this step, litres
     */
    double work(int fireUnits, int police, int swat, int traffic, double seconds) {
        double water = 0;
        if (fireIntensity > 0) {
            if (fireUnits > 0) {
                fireIntensity = Math.max(0, fireIntensity - fireUnits * KNOCKDOWN_PER_SECOND * seconds);
                water = fireUnits * WATER_LITERS_PER_SECOND * seconds;
                waterUsedLiters += water;
            } else {
                fireIntensity = Math.min(1, fireIntensity + FIRE_GROWTH_PER_SECOND * seconds);
            }
        } else if (rescueSecondsLeft > 0 && fireUnits > 0) {
            // Rescuers go in once the fire is out.
            rescueSecondsLeft = Math.max(0, rescueSecondsLeft - fireUnits * seconds);
        }
        if (secureSecondsLeft > 0) {
            // An armed suspect is only secured once SWAT is there; patrols hold the perimeter meanwhile.
            double rate = wantedSwat > 0 ? (swat > 0 ? 2.0 * swat + police : 0) : police + 2.0 * swat;
            secureSecondsLeft = Math.max(0, secureSecondsLeft - rate * seconds);
        }
        if (clearanceSecondsLeft > 0 && traffic > 0) {
            clearanceSecondsLeft = Math.max(0, clearanceSecondsLeft - traffic * seconds);
        }
        return water;
    }

    IncidentView view() {
        // While open, who is on it now; afterwards, everyone who worked it.
        List<String> units = open() ? List.copyOf(activeUnits) : List.copyOf(allUnits);
        return new IncidentView(id, title, cause, position, wardId, priority, state, units, createdSimMillis, source,
                reference);
    }
}
