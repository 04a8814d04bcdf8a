package dev.switchboard.calltaking.ui;

import dev.switchboard.calltaking.engine.scenario.Scenario;
import dev.switchboard.core.event.EventBus;
import dev.switchboard.core.event.Subscription;
import dev.switchboard.core.exercise.CallRequested;
import dev.switchboard.core.exercise.RequestHandled;
import java.util.HashSet;
import java.util.Set;
import javafx.application.Platform;

/**
 * Rings the calls an exercise workflow asks for ({@link CallRequested}) on this console, when the request names the
 * signed-in trainee (or nobody), and answers with the call's session ({@link RequestHandled}) so Review shows the
 * call beside the exercise. A request for another trainee is left for their console; the workflow repeats it.
 */
final class ExerciseCalls implements AutoCloseable {

    private final EventBus bus;
    private final CallConsoleViewModel model;
    private final String username;
    private final Set<String> handled = new HashSet<>();
    private final Subscription subscription;

    ExerciseCalls(EventBus bus, CallConsoleViewModel model, String username) {
        this.bus = bus;
        this.model = model;
        this.username = username;
        this.subscription = bus.subscribe(CallRequested.class, r -> Platform.runLater(() -> ring(r)));
    }

    private void ring(CallRequested r) {
        if (handled.contains(r.requestId()) || !r.trainee().isEmpty() && !r.trainee().equalsIgnoreCase(username)) {
            return;
        }
        Scenario scenario = model.scenarios().stream().filter(s -> s.id().equals(r.scenario())).findFirst()
                .orElse(null);
        handled.add(r.requestId());
        if (scenario == null) {
            bus.publish(new RequestHandled(r.requestId(), "", false, "no call scenario '" + r.scenario() + "'"));
            return;
        }
        if (model.ringing().size() >= CallConsoleViewModel.MAX_RINGING) {
            handled.remove(r.requestId());
            return;
        }
        Scenario before = model.chosenProperty().get();
        model.chosenProperty().set(scenario);
        int ringingBefore = model.ringing().size();
        model.newCall();
        model.chosenProperty().set(before);
        if (model.ringing().size() > ringingBefore) {
            CallConsoleViewModel.Ringing rung = model.ringing().get(model.ringing().size() - 1);
            bus.publish(new RequestHandled(r.requestId(), rung.session().session().value(), true, "rang "
                    + scenario.title() + " on " + username + "'s console"));
        } else {
            handled.remove(r.requestId());
        }
    }

    @Override
    public void close() {
        subscription.close();
    }
}
