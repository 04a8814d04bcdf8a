package dev.switchboard.city.engine.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.city.TestDatabases;
import dev.switchboard.city.model.IncidentState;
import dev.switchboard.city.model.UnitType;
import dev.switchboard.core.geo.LatLon;
import dev.switchboard.core.id.SessionId;
import dev.switchboard.places.CityPacks;
import dev.switchboard.store.DataDir;
import dev.switchboard.store.Database;
import dev.switchboard.store.eventlog.EventLog;
import dev.switchboard.store.eventlog.EventLogEntry;
import dev.switchboard.store.eventlog.VerifyReport;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IncidentPersistenceTest {

    private static final SessionId SESSION = new SessionId("persist-1");
    private static final LatLon SHINJUKU_STATION = new LatLon(35.6896, 139.7006);

    @TempDir
    Path tmp;

    @Test
    void anIncidentGoesThroughItsLifecycleAndIsStoredWithItsUnitsAndEvents() {
        List<IncidentState> seen = new ArrayList<>();
        String incidentId;
        try (Database db = TestDatabases.open(DataDir.of(tmp)); EventLog log = new EventLog(db, Clock.systemUTC())) {
            try (SimFixture f = new SimFixture(CityPacks.tokyo(), 5, SimFixture.quiet(true), null, log, SESSION)) {
                CommandResult created = f.apply(f.sim.createIncident(IncidentKind.FIRE, SHINJUKU_STATION, 2,
                        "Kitchen fire above the station"));
                incidentId = created.incidentId();
                assertThat(created.done()).isTrue();
                boolean closed = f.tickUntil(s -> {
                    s.incidents().stream().filter(i -> i.id().equals(incidentId)).findFirst()
                            .ifPresent(i -> {
                                if (seen.isEmpty() || seen.get(seen.size() - 1) != i.state()) {
                                    seen.add(i.state());
                                }
                            });
                    return f.incident(incidentId).map(i -> i.state() == IncidentState.CLOSED).orElse(false);
                }, 4 * 3600);
                assertThat(closed).isTrue();
                f.sim.flush();
            }
        }
        assertThat(seen).containsExactly(IncidentState.DISPATCHED, IncidentState.ON_SCENE, IncidentState.RESOLVED,
                IncidentState.CLOSED);

        // Reopen: the incident, its units and the session's record are all there, and the chain is intact.
        try (Database db = TestDatabases.open(DataDir.of(tmp)); EventLog log = new EventLog(db, Clock.systemUTC())) {
            JdbiIncidentRepository repository = new JdbiIncidentRepository(db.jdbi(), Clock.systemUTC());
            Optional<IncidentRecord> stored = repository.incident(SESSION, incidentId);
            assertThat(stored).isPresent();
            IncidentRecord r = stored.get();
            assertThat(r.state()).isEqualTo(IncidentState.CLOSED);
            assertThat(r.kind()).isEqualTo(IncidentKind.FIRE);
            assertThat(r.title()).isEqualTo("Kitchen fire above the station");
            assertThat(r.wardId()).isEqualTo("shinjuku");
            assertThat(r.source()).isEqualTo("manual");
            assertThat(r.createdSimMillis()).isLessThan(r.dispatchedSimMillis() + 1);
            assertThat(r.dispatchedSimMillis()).isLessThan(r.onSceneSimMillis());
            assertThat(r.onSceneSimMillis()).isLessThan(r.resolvedSimMillis());
            assertThat(r.resolvedSimMillis()).isLessThanOrEqualTo(r.closedSimMillis());
            assertThat(r.waterUsedLiters()).isPositive();
            assertThat(repository.incidents(SESSION)).extracting(IncidentRecord::id).containsExactly(incidentId);
            assertThat(repository.incidents(new SessionId("other"))).isEmpty();

            List<AssignmentRecord> units = repository.assignments(SESSION, incidentId);
            assertThat(units).extracting(AssignmentRecord::unitType).contains(UnitType.FIRE);
            // A unit still on its way when the fire is out turns back without arriving.
            assertThat(units).anySatisfy(a -> assertThat(a.responseSeconds()).isPositive());
            assertThat(units).allSatisfy(a -> {
                assertThat(a.releasedSimMillis()).isGreaterThanOrEqualTo(a.assignedSimMillis());
                assertThat(a.releasedSimMillis()).isGreaterThanOrEqualTo(a.onSceneSimMillis());
            });

            List<EventLogEntry> entries = log.read(SESSION, 1, 10_000);
            List<String> types = entries.stream().map(EventLogEntry::type).toList();
            assertThat(types.get(0)).isEqualTo("city.simulation.started");
            assertThat(types).contains("city.incident.created", "city.recommendation.made",
                    "city.recommendation.accepted", "city.unit.dispatched", "city.unit.state_changed",
                    "city.incident.resolved", "city.simulation.ended");
            assertThat(types.indexOf("city.incident.created")).isLessThan(types.indexOf("city.unit.dispatched"));
            assertThat(types.indexOf("city.unit.dispatched")).isLessThan(types.indexOf("city.incident.resolved"));
            EventLogEntry dispatched = entries.get(types.indexOf("city.unit.dispatched"));
            assertThat(dispatched.payload()).contains("\"incident\":\"" + incidentId + "\"")
                    .contains("\"by\":\"autopilot\"");
            assertThat(entries).extracting(EventLogEntry::simTimeMillis).isSorted();
            // No per-tick spam: a handful of entries per unit move, and positions (for replay) at most one per
            // unit per POSITION_EVERY_MILLIS of sim time, never one per tick.
            assertThat(entries.stream().filter(e -> !e.type().equals("city.unit.moved")).count()).isLessThan(200);
            java.util.Map<String, Long> lastFix = new java.util.HashMap<>();
            List<EventLogEntry> moves = entries.stream().filter(e -> e.type().equals("city.unit.moved")).toList();
            assertThat(moves).isNotEmpty();
            for (EventLogEntry m : moves) {
                String unit = m.payload().replaceAll(".*\"unit\":\"([^\"]+)\".*", "$1");
                Long before = lastFix.put(unit, m.simTimeMillis());
                if (before != null) {
                    assertThat(m.simTimeMillis() - before).isGreaterThanOrEqualTo(CitySimulation.POSITION_EVERY_MILLIS);
                }
                assertThat(m.payload()).contains("\"lat\":").contains("\"lon\":");
            }

            VerifyReport report = log.verify(Optional.of(SESSION));
            assertThat(report.intact()).isTrue();
            assertThat(report.entriesChecked()).isEqualTo(entries.size());
        }
    }
}
