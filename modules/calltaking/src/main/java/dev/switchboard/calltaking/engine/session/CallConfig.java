package dev.switchboard.calltaking.engine.session;

import dev.switchboard.calltaking.engine.scenario.Scenario;
import dev.switchboard.core.id.UserId;
import java.util.Objects;

/**
 * What one call is: the scenario, the seed of its randomness, who takes it, and how the caller speaks.
 *
 * @param llmCaller whether the caller's lines come from the LLM (with the offline engine as fallback)
 * @param voice     whether the caller speaks aloud through TTS
 * @param maxLengthMs the longest the call may run (its own clock); it is ended there, so no recording grows
 *                    without bound ({@link CallSettings#MAX_LENGTH_MINUTES})
 */
public record CallConfig(Scenario scenario, long seed, UserId trainee, String traineeName, boolean llmCaller,
                         boolean voice, long maxLengthMs) {

    /** The longest call unless configured otherwise: 30 minutes. */
    public static final long DEFAULT_MAX_LENGTH_MS = CallSettings.MAX_LENGTH_MINUTES.defaultValue() * 60_000L;

    public CallConfig {
        Objects.requireNonNull(scenario, "scenario");
        Objects.requireNonNull(trainee, "trainee");
        Objects.requireNonNull(traineeName, "traineeName");
        if (maxLengthMs <= 0) {
            throw new IllegalArgumentException("maxLengthMs must be positive, was " + maxLengthMs);
        }
    }

    /** A call with the default maximum length. */
    public CallConfig(Scenario scenario, long seed, UserId trainee, String traineeName, boolean llmCaller,
                      boolean voice) {
        this(scenario, seed, trainee, traineeName, llmCaller, voice, DEFAULT_MAX_LENGTH_MS);
    }
}
