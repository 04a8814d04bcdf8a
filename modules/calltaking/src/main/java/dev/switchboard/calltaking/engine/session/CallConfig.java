package dev.switchboard.calltaking.engine.session;

import dev.switchboard.calltaking.engine.scenario.Scenario;
import dev.switchboard.core.id.UserId;
import java.util.Objects;

/**
 * What one call is: the scenario, the seed of its randomness, who takes it, and how the caller speaks.
 *
 * @param llmCaller whether the caller's lines come from the LLM (with the offline engine as fallback)
 * @param voice     whether the caller speaks aloud through TTS
 */
public record CallConfig(Scenario scenario, long seed, UserId trainee, String traineeName, boolean llmCaller,
                         boolean voice) {

    public CallConfig {
        Objects.requireNonNull(scenario, "scenario");
        Objects.requireNonNull(trainee, "trainee");
        Objects.requireNonNull(traineeName, "traineeName");
    }
}
