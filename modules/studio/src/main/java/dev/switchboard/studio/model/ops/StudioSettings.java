package dev.switchboard.studio.model.ops;

import dev.switchboard.core.settings.Setting;

/** The studio's settings: the metrics endpoint and the auto-scaling policy. */
public final class StudioSettings {

    /** Whether the Prometheus endpoint listens; off by default. */
    public static final Setting<Boolean> PROMETHEUS_ENABLED = Setting.ofBoolean("studio.metrics.prometheus", false);
    /** Its port on 127.0.0.1. */
    public static final Setting<Integer> PROMETHEUS_PORT = Setting.ofInt("studio.metrics.port", 9464, 1024, 65535);
    /** The auto-scaling policy as JSON (see ScalingPolicy); empty for the defaults. */
    public static final Setting<String> SCALING_POLICY = Setting.ofString("studio.scaling.policy", "");

    private StudioSettings() {
    }
}
