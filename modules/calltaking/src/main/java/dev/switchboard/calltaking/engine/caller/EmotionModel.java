package dev.switchboard.calltaking.engine.caller;

import dev.switchboard.calltaking.engine.scenario.EmotionProfile;
import java.util.Set;

/**
 * How the caller's emotion (0 calm .. 1 panic) moves during a call, shared by the offline and the LLM caller so
 * both feel the same. Reassurance, word that help is coming and clear instructions calm; silence, hold, questions
 * asked again, words the caller does not understand and scripted events upset. The scenario's
 * {@link EmotionProfile} adds its own triggers on top: intent names or phrases.
 */
final class EmotionModel {

    static final double REASSURE = 0.06;
    static final double INSTRUCT = 0.04;
    static final double PROFILE_STEP = 0.05;
    static final double NOT_UNDERSTOOD = 0.02;
    static final double TOLD_TO_HOLD = 0.02;
    static final double UNANSWERED = 0.04;
    static final double REPEATED = 0.03;

    private final EmotionProfile profile;
    private double value;

    EmotionModel(EmotionProfile profile) {
        this.profile = profile;
        this.value = clamp(profile.start());
    }

    double value() {
        return value;
    }

    /** The trainee said {@code line}, classified as {@code intents}. */
    void heard(String line, Set<Intent> intents) {
        double delta = 0;
        if (intents.contains(Intent.REASSURE)) {
            delta -= REASSURE;
        }
        if (intents.contains(Intent.HELP_COMING)) {
            delta -= REASSURE;
        }
        if (intents.contains(Intent.INSTRUCTION) || intents.contains(Intent.CPR_INSTRUCTION)) {
            delta -= INSTRUCT;
        }
        String text = IntentClassifier.normalise(line);
        if (intents.contains(Intent.OTHER) && text.strip().split(" ").length > 2) {
            // Words the caller cannot make sense of; a bare "okay" or "thank you" is not that.
            delta += NOT_UNDERSTOOD;
        }
        if (intents.contains(Intent.HOLD)) {
            delta += TOLD_TO_HOLD;
        }
        // The scenario's own triggers count once per line, however many of them the line hits.
        delta -= PROFILE_STEP * Math.min(1, matches(profile.calms(), text, intents));
        delta += PROFILE_STEP * Math.min(1, matches(profile.escalates(), text, intents));
        value = clamp(value + delta);
    }

    /** The trainee has said nothing for another {@code ms}. */
    void silent(long ms) {
        value = clamp(value + profile.drift() * ms / 10_000.0);
    }

    /** The caller asked "are you still there?" and got nothing. */
    void unanswered() {
        value = clamp(value + UNANSWERED);
    }

    /** A question the caller has already answered was asked again, for the {@code times}-th time. */
    void repeatedQuestion(int times) {
        value = clamp(value + REPEATED * Math.min(times, 3));
    }

    /** The caller was on hold for {@code ms}: the longer, the angrier. */
    void held(long ms) {
        double delta = Math.min(0.4, 0.03 + 0.01 * ms / 1000.0);
        if (profile.escalates().contains(Intent.HOLD.name())) {
            delta += PROFILE_STEP;
        }
        value = clamp(value + delta);
    }

    /** A scripted event changed the caller's emotion by {@code delta}. */
    void event(double delta) {
        value = clamp(value + delta);
    }

    private static int matches(java.util.List<String> triggers, String normalisedLine, Set<Intent> intents) {
        int n = 0;
        for (String t : triggers) {
            boolean hit;
            if (t.chars().allMatch(c -> Character.isUpperCase(c) || c == '_')) {
                hit = intents.stream().anyMatch(i -> i.name().equals(t));
            } else {
                hit = normalisedLine.contains(IntentClassifier.normalise(t));
            }
            if (hit) {
                n++;
            }
        }
        return n;
    }

    private static double clamp(double v) {
        return Math.max(0, Math.min(1, v));
    }
}
