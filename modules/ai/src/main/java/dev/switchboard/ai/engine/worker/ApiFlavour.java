package dev.switchboard.ai.engine.worker;

import dev.switchboard.ai.WorkerCapability;
import java.util.EnumSet;
import java.util.Set;

/** The wire format a worker speaks. */
public enum ApiFlavour {
    /**
     * OpenAI images: {@code POST /v1/images/generations} with {@code response_format=b64_json}; health
     * {@code GET /v1/models}. Text-to-image only: {@code /v1/images/edits} is mask-based inpainting on a
     * square RGBA PNG, not image-to-image with a denoising strength, so it is not offered as such.
     */
    OPENAI_IMAGES("openai-images", false, EnumSet.of(WorkerCapability.IMAGE)),
    /**
     * Automatic1111 web UI API: {@code /sdapi/v1/txt2img} and {@code /sdapi/v1/img2img}, progress from
     * {@code /sdapi/v1/progress}, cancel through {@code /sdapi/v1/interrupt}; health
     * {@code GET /sdapi/v1/sd-models}.
     */
    A1111_TXT2IMG("a1111", true, EnumSet.of(WorkerCapability.IMAGE, WorkerCapability.IMAGE_TO_IMAGE)),
    /** OpenAI chat completions; health {@code GET /v1/models}. */
    OPENAI_CHAT("openai-chat", false, EnumSet.noneOf(WorkerCapability.class)),
    /**
     * ComfyUI (and SwarmUI's ComfyUI back end): an API-format workflow sent to {@code POST /prompt}, progress
     * and previews over its {@code /ws} websocket or, without one, by polling {@code /history/{id}}, results
     * fetched from {@code /view}; {@code /interrupt} and {@code /queue} to cancel; health
     * {@code GET /system_stats}. Images, image-to-image and clips, through the workflow templates of
     * {@link ComfyWorkflows}.
     */
    COMFYUI("comfyui", true, EnumSet.allOf(WorkerCapability.class));

    private final String label;
    private final boolean imageToImage;
    private final Set<WorkerCapability> possible;

    ApiFlavour(String label, boolean imageToImage, EnumSet<WorkerCapability> possible) {
        this.label = label;
        this.imageToImage = imageToImage;
        this.possible = Set.copyOf(possible);
    }

    /** Everything a worker speaking this flavour could be set up to make. */
    public Set<WorkerCapability> possibleCapabilities() {
        return possible;
    }

    /** What a worker of this flavour and {@code kind} makes when its operator did not say. */
    public Set<WorkerCapability> defaultCapabilities(WorkerKind kind) {
        EnumSet<WorkerCapability> out = EnumSet.noneOf(WorkerCapability.class);
        if (kind == WorkerKind.IMAGE && possible.contains(WorkerCapability.IMAGE)) {
            out.add(WorkerCapability.IMAGE);
        } else if (kind == WorkerKind.VIDEO && possible.contains(WorkerCapability.VIDEO)) {
            out.add(WorkerCapability.VIDEO);
        }
        if (!out.isEmpty() && imageToImage) {
            out.add(WorkerCapability.IMAGE_TO_IMAGE);
        }
        return Set.copyOf(out);
    }

    /** A short lower-case name, e.g. {@code a1111}; what provenance shows when a worker names no model. */
    public String label() {
        return label;
    }

    public boolean supportsImageToImage() {
        return imageToImage;
    }

    /** Whether a worker of {@code kind} can speak this flavour. */
    public boolean serves(WorkerKind kind) {
        return switch (this) {
            case OPENAI_CHAT -> kind == WorkerKind.CHAT;
            case OPENAI_IMAGES, A1111_TXT2IMG, COMFYUI -> kind == WorkerKind.IMAGE || kind == WorkerKind.VIDEO;
        };
    }
}
