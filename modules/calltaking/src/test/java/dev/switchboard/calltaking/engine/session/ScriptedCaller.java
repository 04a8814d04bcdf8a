package dev.switchboard.calltaking.engine.session;

import dev.switchboard.calltaking.engine.caller.CallerEngine;
import dev.switchboard.calltaking.engine.caller.CallerTurn;
import dev.switchboard.calltaking.engine.caller.Intent;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** A caller that says what the test tells it to, and remembers what it was asked. */
final class ScriptedCaller implements CallerEngine {

    final Deque<CallerTurn> replies = new ArrayDeque<>();
    final List<String> heard = new ArrayList<>();
    final List<Long> heldFor = new ArrayList<>();
    final List<Long> silences = new ArrayList<>();
    CallerTurn onSilence;
    double emotion = 0.8;

    ScriptedCaller then(String text, double emotionAfter) {
        replies.add(new CallerTurn(text, emotionAfter, List.of(), false, "offline"));
        return this;
    }

    ScriptedCaller thenHangUp(String text) {
        replies.add(new CallerTurn(text, emotion, List.of(), true, "offline"));
        return this;
    }

    @Override
    public CallerTurn opening() {
        return new CallerTurn("Help! There's a fire!", emotion, List.of(), false, "offline");
    }

    @Override
    public CallerTurn reply(String traineeLine, Set<Intent> intents, long atMs) {
        heard.add(traineeLine);
        CallerTurn next = replies.poll();
        if (next == null) {
            return new CallerTurn("Please hurry!", emotion, List.of(), false, "offline");
        }
        emotion = next.emotion();
        return next;
    }

    @Override
    public Optional<CallerTurn> silence(long silentMs, long atMs) {
        silences.add(silentMs);
        if (onSilence != null && silentMs >= 8_000) {
            CallerTurn t = onSilence;
            onSilence = null;
            return Optional.of(t);
        }
        return Optional.empty();
    }

    @Override
    public CallerTurn held(long heldMs, long atMs) {
        heldFor.add(heldMs);
        emotion = Math.min(1, emotion + 0.1);
        return new CallerTurn("Hello? Are you there?", emotion, List.of(), false, "offline");
    }

    @Override
    public double emotion() {
        return emotion;
    }

    @Override
    public Set<String> revealedFacts() {
        return Set.of();
    }
}
