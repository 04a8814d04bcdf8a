package dev.switchboard.review.engine;

import dev.switchboard.core.settings.Setting;
import dev.switchboard.core.settings.Settings;
import dev.switchboard.review.model.Targets;

/** The center's score target for the progress charts, as a workstation setting (default in {@link Targets#DEFAULT}). */
public final class ReviewSettings {

    public static final Setting<Integer> SCORE =
            Setting.ofInt("review.target.score", Targets.DEFAULT.score(), 0, 100);

    private ReviewSettings() {
    }

    /** The targets as currently set. */
    public static Targets targets(Settings settings) {
        return new Targets(settings.get(SCORE));
    }
}
