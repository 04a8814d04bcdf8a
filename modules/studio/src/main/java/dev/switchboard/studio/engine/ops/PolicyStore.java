package dev.switchboard.studio.engine.ops;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.switchboard.core.settings.Settings;
import dev.switchboard.studio.model.ops.ScalingPolicy;
import dev.switchboard.studio.model.ops.StudioSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.slf4j.LoggerFactory;

/** The auto-scaling policy kept in Settings as JSON; an unreadable value gives the defaults and is logged. */
public final class PolicyStore {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    private final Settings settings;

    public PolicyStore(Settings settings) {
        this.settings = settings;
    }

    public ScalingPolicy get() {
        String text = settings.get(StudioSettings.SCALING_POLICY);
        if (text.isBlank()) {
            return ScalingPolicy.defaults();
        }
        try {
            return JSON.readValue(text, ScalingPolicy.class);
        } catch (IOException | RuntimeException e) {
            LoggerFactory.getLogger(PolicyStore.class).warn("The stored scaling policy is unreadable ({}); using the "
                    + "defaults", e.getMessage());
            return ScalingPolicy.defaults();
        }
    }

    public void set(ScalingPolicy policy) {
        try {
            settings.set(StudioSettings.SCALING_POLICY, JSON.writeValueAsString(policy));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
