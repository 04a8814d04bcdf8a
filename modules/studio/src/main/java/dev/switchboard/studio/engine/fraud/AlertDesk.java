package dev.switchboard.studio.engine.fraud;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.core.event.EventBus;
import dev.switchboard.core.geo.LatLon;
import dev.switchboard.core.id.SessionId;
import dev.switchboard.core.incident.IncidentCreated;
import dev.switchboard.core.incident.ResponderType;
import dev.switchboard.store.Database;
import dev.switchboard.studio.model.fraud.Alert;
import dev.switchboard.studio.model.fraud.AlertDecision;
import dev.switchboard.studio.model.fraud.AlertKind;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.jdbi.v3.core.Jdbi;

/**
 * The alert queue: the live stream raises alerts into it, a person accepts, dismisses or escalates each. Every
 * decision is stored with the alert ({@code V21__studio_fraud.sql}); an escalation also posts
 * {@link IncidentCreated} on the bus, so the control room opens an incident without either side importing the
 * other. Open alerts are kept in memory, the newest {@link #CAPACITY}. Thread-safe.
 */
public final class AlertDesk {

    /** Open alerts kept; older undecided ones drop off the queue (they were never stored). */
    public static final int CAPACITY = 500;

    /** Where the simulated customers' and hosts' branches are: Tokyo ward offices. */
    private static final LatLon[] BRANCHES = {new LatLon(35.6940, 139.7536), new LatLon(35.6706, 139.7720),
        new LatLon(35.6581, 139.7516), new LatLon(35.6938, 139.7034), new LatLon(35.6640, 139.6982),
        new LatLon(35.7263, 139.7166), new LatLon(35.7126, 139.7800), new LatLon(35.7107, 139.8015)};
    private static final String[] BRANCH_NAMES = {"Chiyoda branch", "Chuo branch", "Minato branch",
        "Shinjuku branch", "Shibuya branch", "Toshima branch", "Taito branch", "Sumida branch"};

    private final Jdbi jdbi;
    private final EventBus bus;
    private final Clock clock;
    private final Deque<Alert> open = new ArrayDeque<>();
    private final ObjectMapper json = new ObjectMapper();
    private long dropped;

    /**
     * @param db where decisions are stored, or null to keep them in memory only (benchmarks)
     */
    public AlertDesk(Database db, EventBus bus, Clock clock) {
        this.jdbi = db == null ? null : db.jdbi();
        this.bus = Objects.requireNonNull(bus, "bus");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Adds an alert to the queue. */
    public synchronized void raise(Alert alert) {
        open.addFirst(alert);
        while (open.size() > CAPACITY) {
            open.removeLast();
            dropped++;
        }
    }

    /** The open alerts, newest first. */
    public synchronized List<Alert> open() {
        return List.copyOf(open);
    }

    /** Undecided alerts that fell off the end of the queue. */
    public synchronized long dropped() {
        return dropped;
    }

    /**
     * Records {@code decision} by {@code user} and takes the alert off the queue; an escalation opens an incident.
     *
     * @return the decided alert
     * @throws IllegalArgumentException when no open alert has {@code alertId}
     */
    public Alert decide(String alertId, AlertDecision decision, String user) {
        Alert alert;
        synchronized (this) {
            alert = open.stream().filter(a -> a.id().equals(alertId)).findFirst().orElseThrow(
                    () -> new IllegalArgumentException("no open alert " + alertId));
            open.remove(alert);
        }
        String reference = decision == AlertDecision.ESCALATE ? "FRAUD-" + alert.id() : null;
        if (jdbi != null) {
            store(alert, decision, user, reference);
        }
        if (reference != null) {
            bus.publish(incident(alert, reference));
        }
        return alert.decided(decision);
    }

    private void store(Alert alert, AlertDecision decision, String user, String reference) {
        String reasons;
        try {
            reasons = json.writeValueAsString(alert.reasons());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        long now = clock.millis();
        jdbi.useTransaction(h -> {
            h.createUpdate("INSERT INTO studio_fraud_alert (id, kind, raised_at, sim_time_ms, who, what, score,"
                    + " reasons_json, truth) VALUES (:id, :kind, :raised, :sim, :who, :what, :score, :reasons, :truth)"
                    + " ON CONFLICT (id) DO NOTHING")
                    .bind("id", alert.id()).bind("kind", alert.kind().name().toLowerCase(Locale.ROOT))
                    .bind("raised", now).bind("sim", alert.simTimeMs()).bind("who", alert.who())
                    .bind("what", alert.what()).bind("score", Math.min(1, Math.max(0, alert.score())))
                    .bind("reasons", reasons).bind("truth", alert.truth()).execute();
            h.createUpdate("INSERT INTO studio_fraud_decision (alert_id, decision, decided_by, decided_at,"
                    + " incident_reference) VALUES (:id, :decision, :by, :at, :ref)")
                    .bind("id", alert.id()).bind("decision", decision.name().toLowerCase(Locale.ROOT))
                    .bind("by", user).bind("at", now).bind("ref", reference).execute();
        });
    }

    /** Decisions stored so far, newest first: alert id, decision, who decided. */
    public List<String[]> decisions(int limit) {
        if (jdbi == null) {
            return List.of();
        }
        return jdbi.withHandle(h -> h.createQuery("SELECT d.alert_id, d.decision, d.decided_by, a.truth"
                + " FROM studio_fraud_decision d JOIN studio_fraud_alert a ON a.id = d.alert_id"
                + " ORDER BY d.id DESC LIMIT :n").bind("n", limit)
                .map((rs, ctx) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)})
                .list());
    }

    private IncidentCreated incident(Alert alert, String reference) {
        int branch = Math.floorMod(alert.who().hashCode(), BRANCHES.length);
        String nature = (alert.kind() == AlertKind.NETWORK ? "Suspected network intrusion from "
                : "Suspected fraud on ")
                + alert.who() + ": " + alert.what();
        List<ResponderType> units = new ArrayList<>();
        units.add(ResponderType.POLICE);
        return new IncidentCreated(new SessionId("fraud-" + alert.id()), reference,
                alert.kind() == AlertKind.NETWORK ? "POL-CYBER" : "POL-FRAUD", nature, 3, BRANCHES[branch], null,
                BRANCH_NAMES[branch] + " (simulated customer of the fraud desk)", units, clock.instant());
    }
}
