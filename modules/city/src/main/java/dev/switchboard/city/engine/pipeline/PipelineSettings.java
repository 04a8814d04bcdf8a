package dev.switchboard.city.engine.pipeline;

import dev.switchboard.core.settings.Setting;

/** Settings of the control room's sensor pipeline, kept between sessions. */
public final class PipelineSettings {

    /** The dedup rule of the next exercise. */
    public static final Setting<DedupRule> DEDUP_RULE = Setting.ofEnum("city.dedupRule", DedupRule.class,
            DedupRule.SAME_OBSERVATION);

    private PipelineSettings() {
    }
}
