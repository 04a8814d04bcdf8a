package dev.switchboard.studio.engine.generation;

import dev.switchboard.core.error.InputException;
import dev.switchboard.studio.model.generation.StylePreset;
import java.util.List;
import java.util.Optional;

/**
 * The style presets of the seed (photographic, HDR, PBR material, illustration, sketch, cinematic) and two a
 * dispatch-training center needs (security-camera still, isometric scene), each with the prompt words and
 * settings that make the style: a larger size and more steps for photographs, a square tileable frame for
 * materials, a wide frame for clips.
 */
public final class StyleCatalog {

    /** The id of "no style": the prompt as typed, with the panel's settings. */
    public static final String NONE = "";

    private static final List<StylePreset> PRESETS = List.of(
            new StylePreset("photographic", "Photograph", "photograph of {prompt}, 35mm lens, natural light, "
                    + "sharp focus, high detail", "illustration, painting, cartoon, blurry, deformed, watermark",
                    768, 512, 28, 6.5, false),
            new StylePreset("hdr", "HDR photograph", "{prompt}, HDR photograph, high dynamic range, detailed "
                    + "shadows and highlights, vivid colour, tone mapped", "flat lighting, washed out, overexposed, "
                    + "underexposed, blurry", 768, 512, 30, 7, false),
            new StylePreset("pbr", "PBR material", "PBR material texture of {prompt}, seamless tileable, top-down "
                    + "orthographic view, albedo map, physically based rendering, even lighting", "perspective, "
                    + "shadows, objects, text, watermark, seams", 512, 512, 30, 7, false),
            new StylePreset("illustration", "Illustration", "digital illustration of {prompt}, clean lines, flat "
                    + "colours, editorial style", "photo, realistic, noisy, blurry", 640, 512, 25, 7.5, false),
            new StylePreset("sketch", "Pencil sketch", "pencil sketch of {prompt}, graphite, cross-hatching, on "
                    + "white paper", "colour, photo, painting", 512, 640, 22, 7, false),
            new StylePreset("cctv", "Security camera still", "security camera still of {prompt}, wide angle, "
                    + "elevated view, timestamp overlay, low light, sensor noise", "cinematic, bokeh, portrait, "
                    + "studio lighting", 640, 384, 24, 6, false),
            new StylePreset("isometric", "Isometric scene", "isometric 3D render of {prompt}, miniature city "
                    + "block, soft global illumination, clean background", "photo, text, watermark", 640, 640, 28, 7,
                    false),
            new StylePreset("cinematic", "Cinematic clip", "cinematic shot of {prompt}, slow dolly move, shallow "
                    + "depth of field, film grain", "static, jittery, distorted, watermark", 832, 480, 30, 6, true));

    private StyleCatalog() {
    }

    /** Every preset, in the order the panel lists them. */
    public static List<StylePreset> all() {
        return PRESETS;
    }

    /** The preset of {@code id}; empty for {@link #NONE}. */
    public static Optional<StylePreset> find(String id) {
        if (id == null || id.isBlank()) {
            return Optional.empty();
        }
        return PRESETS.stream().filter(p -> p.id().equalsIgnoreCase(id.strip())).findFirst();
    }

    /**
     * The preset of {@code id}, or none for a blank id.
     *
     * @throws InputException naming the field {@code style} when no preset has that id
     */
    public static Optional<StylePreset> require(String id) {
        if (id == null || id.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(find(id).orElseThrow(() -> InputException.field("style", "no style named '" + id
                + "'; the styles are " + String.join(", ", PRESETS.stream().map(StylePreset::id).toList()))));
    }
}
