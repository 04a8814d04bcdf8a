package dev.switchboard.calltaking.engine.scenario;

import java.util.List;

/**
 * How the caller feels and what changes it. Emotion runs from 0 (calm) to 1 (panic).
 *
 * @param start     emotion when the call is answered
 * @param calms     intent names (e.g. {@code REASSURE}) or lower-case phrases in the trainee's words that calm
 *                  this caller more than they calm anyone
 * @param escalates intent names or phrases that upset this caller (e.g. {@code HOLD}, {@code "calm down"})
 * @param drift     how much emotion rises for every 10 s the trainee says nothing
 */
public record EmotionProfile(double start, List<String> calms, List<String> escalates, double drift) {

    public EmotionProfile {
        calms = calms == null ? List.of() : List.copyOf(calms);
        escalates = escalates == null ? List.of() : List.copyOf(escalates);
    }
}
