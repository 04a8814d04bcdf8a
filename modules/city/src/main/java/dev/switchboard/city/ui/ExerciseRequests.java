package dev.switchboard.city.ui;

import dev.switchboard.city.engine.sim.IncidentKind;
import dev.switchboard.city.engine.sim.Scenarios;
import dev.switchboard.places.Ward;
import dev.switchboard.core.event.EventBus;
import dev.switchboard.core.event.Subscription;
import dev.switchboard.core.exercise.CrisisRequested;
import dev.switchboard.core.exercise.IncidentRequested;
import dev.switchboard.core.exercise.RequestHandled;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import javafx.application.Platform;
import javafx.beans.value.ChangeListener;

/**
 * Carries out what an exercise workflow asks of the control room: start a crisis ({@link CrisisRequested}) or open
 * an incident in the running city ({@link IncidentRequested}), answering each with {@link RequestHandled}. Requests
 * are repeated until answered, so one that comes while the city is being built is answered by a later repeat.
 */
final class ExerciseRequests implements AutoCloseable {

    private final EventBus bus;
    private final ControlRoomViewModel model;
    private final Set<String> handled = new HashSet<>();
    private final Subscription crises;
    private final Subscription incidents;

    ExerciseRequests(EventBus bus, ControlRoomViewModel model) {
        this.bus = bus;
        this.model = model;
        this.crises = bus.subscribe(CrisisRequested.class, r -> Platform.runLater(() -> crisis(r)));
        this.incidents = bus.subscribe(IncidentRequested.class, r -> Platform.runLater(() -> incident(r)));
    }

    private void crisis(CrisisRequested r) {
        if (!handled.add(r.requestId())) {
            return;
        }
        if (Scenarios.byName(r.scenario()).isEmpty()) {
            bus.publish(new RequestHandled(r.requestId(), "", false, "no crisis '" + r.scenario() + "' (known: "
                    + String.join(", ", Scenarios.names()) + ")"));
            return;
        }
        model.scenarioProperty().set(Scenarios.byName(r.scenario()).get().name());
        model.seedProperty().set(r.seed());
        model.restart();
        ChangeListener<Boolean> once = new ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends Boolean> obs, Boolean old, Boolean ready) {
                if (Boolean.TRUE.equals(ready)) {
                    model.readyProperty().removeListener(this);
                    model.play();
                    bus.publish(new RequestHandled(r.requestId(), model.session() == null ? ""
                            : model.session().value(), true, "started the " + r.scenario() + " crisis"));
                }
            }
        };
        model.readyProperty().addListener(once);
    }

    private void incident(IncidentRequested r) {
        if (handled.contains(r.requestId()) || !model.readyProperty().get() || model.pack() == null) {
            return;
        }
        Ward ward = model.pack().ward(r.ward()).orElse(null);
        IncidentKind kind = kind(r.kind());
        if (ward == null || kind == null) {
            handled.add(r.requestId());
            bus.publish(new RequestHandled(r.requestId(), "", false, ward == null ? "no ward '" + r.ward() + "'"
                    : "no incident kind '" + r.kind() + "'"));
            return;
        }
        handled.add(r.requestId());
        model.inject(kind, ward.centre(), r.priority(), r.title()).whenComplete((result, error) ->
                bus.publish(new RequestHandled(r.requestId(), model.session() == null ? "" : model.session().value(),
                        error == null && result.done(), error != null ? error.getMessage() : result.message())));
        if (!model.playingProperty().get()) {
            model.play();
        }
    }

    private static IncidentKind kind(String word) {
        return switch (word.toLowerCase(Locale.ROOT)) {
            case "fire" -> IncidentKind.FIRE;
            case "violence" -> IncidentKind.VIOLENCE;
            case "weapon" -> IncidentKind.WEAPON;
            case "accident" -> IncidentKind.ACCIDENT;
            case "earthquake" -> IncidentKind.EARTHQUAKE;
            case "medical" -> IncidentKind.MEDICAL;
            case "general" -> IncidentKind.GENERAL;
            default -> null;
        };
    }

    @Override
    public void close() {
        crises.close();
        incidents.close();
    }
}
