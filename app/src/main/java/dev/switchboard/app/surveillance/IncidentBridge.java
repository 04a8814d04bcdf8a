package dev.switchboard.app.surveillance;

import dev.switchboard.city.engine.sim.IncidentOpened;
import dev.switchboard.city.engine.sim.IncidentResolved;
import dev.switchboard.core.event.Delivery;
import dev.switchboard.core.event.EventBus;
import dev.switchboard.core.event.Subscription;
import dev.switchboard.core.incident.IncidentCreated;
import dev.switchboard.surveillance.engine.Surveillance;
import dev.switchboard.surveillance.model.IncidentRef;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands the incidents of the call console ({@link IncidentCreated}) and the control room ({@link IncidentOpened},
 * {@link IncidentResolved}) to surveillance, which neither capability knows. Asynchronous, so a slow store never
 * holds up the simulation thread.
 */
public final class IncidentBridge implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(IncidentBridge.class);

    private final List<Subscription> subscriptions;

    public IncidentBridge(EventBus bus, Surveillance surveillance, Clock clock) {
        subscriptions = List.of(
                bus.subscribe(IncidentCreated.class, e -> safely(() -> surveillance.incidentOpened(
                        new IncidentRef(e.reference(), e.session().value(), "call-console", e.nature(),
                                e.ward(), e.position(), e.at(), 0, true))), Delivery.ASYNC),
                bus.subscribe(IncidentOpened.class, e -> {
                    if ("call".equals(e.source())) {
                        // The call console's own event already brought it.
                        return;
                    }
                    safely(() -> surveillance.incidentOpened(new IncidentRef(e.incidentId(), e.session().value(),
                            "control-room", e.title(), e.wardId(), e.position(), clock.instant(),
                            e.at().millis(), true)));
                }, Delivery.ASYNC),
                bus.subscribe(IncidentResolved.class, e -> safely(() -> surveillance.incidentClosed(e.incidentId())),
                        Delivery.ASYNC));
    }

    private static void safely(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            LOG.warn("Surveillance could not take an incident: {}", e.toString());
        }
    }

    @Override
    public void close() {
        subscriptions.forEach(Subscription::close);
    }
}
