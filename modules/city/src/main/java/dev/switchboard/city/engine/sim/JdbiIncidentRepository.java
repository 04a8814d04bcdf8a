package dev.switchboard.city.engine.sim;

import dev.switchboard.city.model.IncidentState;
import dev.switchboard.city.model.UnitType;
import dev.switchboard.core.id.SessionId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** {@link IncidentRepository} on the {@code city_incident} tables of migration V4. */
public final class JdbiIncidentRepository implements IncidentRepository {

    private static final String INCIDENT_COLUMNS = "id, kind, cause, title, ward_id, lat, lon, priority, state, "
            + "source, reference, created_sim_ms, dispatched_sim_ms, on_scene_sim_ms, resolved_sim_ms, "
            + "closed_sim_ms, water_used_liters";

    private final Jdbi jdbi;
    private final Clock wallClock;

    public JdbiIncidentRepository(Jdbi jdbi, Clock wallClock) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
        this.wallClock = Objects.requireNonNull(wallClock, "wallClock");
    }

    @Override
    public void save(SessionId session, IncidentRecord r) {
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO city_incident (session_id, " + INCIDENT_COLUMNS
                        + ", updated_at) VALUES (:session, :id, :kind, :cause, :title, :ward, :lat, :lon, :priority, "
                        + ":state, :source, :reference, :created, :dispatched, :onScene, :resolved, :closed, "
                        + ":water, :updated) "
                        + "ON CONFLICT (session_id, id) DO UPDATE SET kind = excluded.kind, cause = excluded.cause, "
                        + "title = excluded.title, priority = excluded.priority, state = excluded.state, "
                        + "dispatched_sim_ms = excluded.dispatched_sim_ms, on_scene_sim_ms = excluded.on_scene_sim_ms, "
                        + "resolved_sim_ms = excluded.resolved_sim_ms, closed_sim_ms = excluded.closed_sim_ms, "
                        + "water_used_liters = excluded.water_used_liters, updated_at = excluded.updated_at")
                .bind("session", session.value())
                .bind("id", r.id())
                .bind("kind", r.kind().name())
                .bind("cause", r.cause())
                .bind("title", r.title())
                .bind("ward", r.wardId())
                .bind("lat", r.lat())
                .bind("lon", r.lon())
                .bind("priority", r.priority())
                .bind("state", r.state().name())
                .bind("source", r.source())
                .bind("reference", r.reference())
                .bind("created", r.createdSimMillis())
                .bind("dispatched", r.dispatchedSimMillis())
                .bind("onScene", r.onSceneSimMillis())
                .bind("resolved", r.resolvedSimMillis())
                .bind("closed", r.closedSimMillis())
                .bind("water", r.waterUsedLiters())
                .bind("updated", wallClock.millis())
                .execute());
    }

    @Override
    public void save(SessionId session, AssignmentRecord a) {
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO city_incident_unit (session_id, incident_id, unit_id, "
                        + "unit_type, assigned_sim_ms, on_scene_sim_ms, released_sim_ms) VALUES (:session, "
                        + ":incident, :unit, :type, :assigned, :onScene, :released) "
                        + "ON CONFLICT (session_id, incident_id, unit_id, assigned_sim_ms) DO UPDATE SET "
                        + "on_scene_sim_ms = excluded.on_scene_sim_ms, released_sim_ms = excluded.released_sim_ms")
                .bind("session", session.value())
                .bind("incident", a.incidentId())
                .bind("unit", a.unitId())
                .bind("type", a.unitType().name())
                .bind("assigned", a.assignedSimMillis())
                .bind("onScene", a.onSceneSimMillis())
                .bind("released", a.releasedSimMillis())
                .execute());
    }

    @Override
    public List<IncidentRecord> incidents(SessionId session) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + INCIDENT_COLUMNS
                        + " FROM city_incident WHERE session_id = :session ORDER BY created_sim_ms, rowid")
                .bind("session", session.value())
                .map((rs, ctx) -> incident(rs))
                .list());
    }

    @Override
    public Optional<IncidentRecord> incident(SessionId session, String incidentId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + INCIDENT_COLUMNS
                        + " FROM city_incident WHERE session_id = :session AND id = :id")
                .bind("session", session.value())
                .bind("id", incidentId)
                .map((rs, ctx) -> incident(rs))
                .findOne());
    }

    @Override
    public List<AssignmentRecord> assignments(SessionId session, String incidentId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT incident_id, unit_id, unit_type, assigned_sim_ms, "
                        + "on_scene_sim_ms, released_sim_ms FROM city_incident_unit "
                        + "WHERE session_id = :session AND incident_id = :id ORDER BY assigned_sim_ms, unit_id")
                .bind("session", session.value())
                .bind("id", incidentId)
                .map((rs, ctx) -> new AssignmentRecord(rs.getString(1), rs.getString(2),
                        UnitType.valueOf(rs.getString(3)), rs.getLong(4), rs.getLong(5), rs.getLong(6)))
                .list());
    }

    private static IncidentRecord incident(ResultSet rs) throws SQLException {
        return new IncidentRecord(rs.getString(1), IncidentKind.valueOf(rs.getString(2)), rs.getString(3),
                rs.getString(4), rs.getString(5), rs.getDouble(6), rs.getDouble(7), rs.getInt(8),
                IncidentState.valueOf(rs.getString(9)), rs.getString(10), rs.getString(11), rs.getLong(12),
                rs.getLong(13), rs.getLong(14), rs.getLong(15), rs.getLong(16), rs.getDouble(17));
    }
}
