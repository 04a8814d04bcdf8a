package dev.switchboard.calltaking.engine.scenario;

import dev.switchboard.calltaking.engine.caller.Intent;
import java.util.Set;

/**
 * One thing the caller knows.
 *
 * @param answers       the trainee's question intents that draw it out
 * @param answer        what the caller says when reasonably calm
 * @param panicAnswer   a short, broken variant for panic (emotion above 0.7); empty means one is made from
 *                      {@code answer}
 * @param calmThreshold for {@link Reveal#WHEN_CALM}: the emotion the caller must be below; ignored otherwise
 */
public record Fact(String id, Set<Intent> answers, String answer, String panicAnswer, Reveal reveal,
                   double calmThreshold) {

    public Fact {
        answers = answers == null ? Set.of() : Set.copyOf(answers);
        answer = answer == null ? "" : answer;
        panicAnswer = panicAnswer == null ? "" : panicAnswer;
        reveal = reveal == null ? Reveal.WHEN_ASKED : reveal;
    }
}
