package dev.switchboard.review.engine;

import dev.switchboard.core.settings.Setting;
import dev.switchboard.core.settings.Settings;
import dev.switchboard.review.model.Targets;

/** The center's targets for the progress charts, as workstation settings (defaults in {@link Targets#DEFAULT}). */
public final class ReviewSettings {

    public static final Setting<Integer> ANSWER_SECONDS =
            Setting.ofInt("review.target.answerSeconds", Targets.DEFAULT.answerSeconds(), 1, 600);
    public static final Setting<Integer> LOCATION_SECONDS =
            Setting.ofInt("review.target.locationSeconds", Targets.DEFAULT.locationSeconds(), 1, 3600);
    public static final Setting<Integer> DISPATCH_SECONDS =
            Setting.ofInt("review.target.dispatchSeconds", Targets.DEFAULT.dispatchSeconds(), 1, 3600);
    public static final Setting<Integer> SCORE =
            Setting.ofInt("review.target.score", Targets.DEFAULT.score(), 0, 100);

    private ReviewSettings() {
    }

    /** The targets as currently set. */
    public static Targets targets(Settings settings) {
        return new Targets(settings.get(ANSWER_SECONDS), settings.get(LOCATION_SECONDS),
                settings.get(DISPATCH_SECONDS), settings.get(SCORE));
    }
}
