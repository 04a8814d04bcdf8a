package dev.switchboard.calltaking.engine.caller;

import dev.switchboard.calltaking.engine.scenario.Scenario;
import java.util.Optional;
import java.util.Set;

/** The rule-based caller; deterministic for a seed. (Work in progress: the API is final, the rules are not.) */
public final class OfflineCaller implements CallerEngine {

    private final Scenario scenario;
    private double emotion;

    public OfflineCaller(Scenario s, long seed) {
        this.scenario = s;
        this.emotion = s.emotion().start();
    }

    @Override
    public CallerTurn opening() {
        return new CallerTurn("Hello? I need help!", emotion, java.util.List.of(), false, "offline");
    }

    @Override
    public CallerTurn reply(String traineeLine, Set<Intent> intents, long atMs) {
        return new CallerTurn("Please hurry!", emotion, java.util.List.of(), false, "offline");
    }

    @Override
    public Optional<CallerTurn> silence(long silentMs, long atMs) {
        return Optional.empty();
    }

    @Override
    public CallerTurn held(long heldMs, long atMs) {
        return new CallerTurn("Hello?", emotion, java.util.List.of(), false, "offline");
    }

    @Override
    public double emotion() {
        return emotion;
    }

    @Override
    public Set<String> revealedFacts() {
        return Set.of();
    }

    Scenario scenario() {
        return scenario;
    }
}
