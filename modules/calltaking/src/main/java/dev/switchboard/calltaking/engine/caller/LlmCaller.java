package dev.switchboard.calltaking.engine.caller;

import dev.switchboard.ai.ChatService;
import dev.switchboard.calltaking.engine.scenario.Scenario;
import java.util.Optional;
import java.util.Set;

/** A caller whose words come from a chat model; falls back to the offline engine. (Work in progress.) */
public final class LlmCaller implements CallerEngine {

    private final CallerEngine fallback;

    public LlmCaller(Scenario s, long seed, ChatService chat, CallerEngine fallback) {
        this.fallback = fallback;
    }

    @Override
    public CallerTurn opening() {
        return fallback.opening();
    }

    @Override
    public CallerTurn reply(String traineeLine, Set<Intent> intents, long atMs) {
        return fallback.reply(traineeLine, intents, atMs);
    }

    @Override
    public Optional<CallerTurn> silence(long silentMs, long atMs) {
        return fallback.silence(silentMs, atMs);
    }

    @Override
    public CallerTurn held(long heldMs, long atMs) {
        return fallback.held(heldMs, atMs);
    }

    @Override
    public double emotion() {
        return fallback.emotion();
    }

    @Override
    public Set<String> revealedFacts() {
        return fallback.revealedFacts();
    }
}
