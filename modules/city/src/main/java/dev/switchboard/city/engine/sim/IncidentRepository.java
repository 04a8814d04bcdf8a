package dev.switchboard.city.engine.sim;

import dev.switchboard.core.id.SessionId;
import java.util.List;
import java.util.Optional;

/** Where a session's incidents and unit assignments are kept. Implementations are thread-safe. */
public interface IncidentRepository {

    /** Inserts or replaces the incident {@code record.id()} of {@code session}. */
    void save(SessionId session, IncidentRecord record);

    /** Inserts or replaces one assignment; its incident must have been saved. */
    void save(SessionId session, AssignmentRecord assignment);

    /** The session's incidents in creation order. */
    List<IncidentRecord> incidents(SessionId session);

    Optional<IncidentRecord> incident(SessionId session, String incidentId);

    /** The assignments of one incident, in assignment order. */
    List<AssignmentRecord> assignments(SessionId session, String incidentId);
}
