package dev.switchboard.studio.engine.generation;

import dev.switchboard.ai.ImageRequest;
import dev.switchboard.core.error.InputException;
import dev.switchboard.studio.model.generation.GenerationSettings;
import dev.switchboard.studio.model.generation.StylePreset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns what the user asked for into the queue's requests: the style expands the prompt and fills the settings
 * the user left at 0, and a batch becomes one job per result (seeds seed, seed + 1, … so each can be made
 * again), which the queue shares fairly with other users' jobs. Pure.
 */
public final class GenerationPlanner {

    /** The largest batch. */
    public static final int MAX_BATCH = 8;

    private GenerationPlanner() {
    }

    /**
     * The requests for {@code s}.
     *
     * @throws InputException naming the field at fault (prompt, style, batch, width, steps, …)
     */
    public static List<ImageRequest> plan(GenerationSettings s) {
        if (s.prompt() == null || s.prompt().isBlank()) {
            throw InputException.field("prompt", "must not be empty: describe what to draw");
        }
        if (s.batch() < 1 || s.batch() > MAX_BATCH) {
            throw InputException.field("batch", "must be within 1.." + MAX_BATCH + ", was " + s.batch());
        }
        Optional<StylePreset> style = StyleCatalog.require(s.style());
        String prompt = style.map(p -> p.expand(s.prompt())).orElse(s.prompt().strip());
        String negative = style.map(p -> p.negativeWith(s.negativePrompt())).orElse(
                s.negativePrompt() == null ? "" : s.negativePrompt().strip());
        int width = s.width() > 0 ? s.width() : style.map(StylePreset::width).orElse(512);
        int height = s.height() > 0 ? s.height() : style.map(StylePreset::height).orElse(512);
        int steps = s.steps() > 0 ? s.steps() : style.map(StylePreset::steps).orElse(20);
        double guidance = s.guidance() > 0 ? s.guidance() : style.map(StylePreset::guidance).orElse(0.0);
        List<ImageRequest> out = new ArrayList<>(s.batch());
        for (int i = 0; i < s.batch(); i++) {
            long seed = s.seed() < 0 ? -1 : s.seed() + i;
            out.add(new ImageRequest(prompt, negative, width, height, steps, seed, s.initImage(), s.requestedBy(),
                    s.priority(), guidance, s.video()));
        }
        return out;
    }
}
