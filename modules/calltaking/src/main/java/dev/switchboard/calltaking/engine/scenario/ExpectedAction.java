package dev.switchboard.calltaking.engine.scenario;

import dev.switchboard.calltaking.engine.caller.Intent;
import java.util.Set;

/**
 * One thing a good call-taker does on this call.
 *
 * @param satisfiedBy the trainee's intents that count as doing it
 * @param weight      its weight in the score, &gt; 0
 * @param order       its place in the expected sequence, from 1 (location first); equal numbers may come in any
 *                    order
 */
public record ExpectedAction(String id, String label, Set<Intent> satisfiedBy, double weight, int order) {

    public ExpectedAction {
        label = label == null ? id : label;
        satisfiedBy = satisfiedBy == null ? Set.of() : Set.copyOf(satisfiedBy);
    }
}
