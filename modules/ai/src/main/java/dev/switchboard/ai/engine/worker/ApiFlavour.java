package dev.switchboard.ai.engine.worker;

/** The wire format a worker speaks. */
public enum ApiFlavour {
    /**
     * OpenAI images: {@code POST /v1/images/generations} with {@code response_format=b64_json}; health
     * {@code GET /v1/models}. Text-to-image only: {@code /v1/images/edits} is mask-based inpainting on a
     * square RGBA PNG, not image-to-image with a denoising strength, so it is not offered as such.
     */
    OPENAI_IMAGES("openai-images", false),
    /**
     * Automatic1111 web UI API: {@code /sdapi/v1/txt2img} and {@code /sdapi/v1/img2img}, progress from
     * {@code /sdapi/v1/progress}, cancel through {@code /sdapi/v1/interrupt}; health
     * {@code GET /sdapi/v1/sd-models}.
     */
    A1111_TXT2IMG("a1111", true),
    /** OpenAI chat completions; health {@code GET /v1/models}. */
    OPENAI_CHAT("openai-chat", false);

    private final String label;
    private final boolean imageToImage;

    ApiFlavour(String label, boolean imageToImage) {
        this.label = label;
        this.imageToImage = imageToImage;
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
            case OPENAI_IMAGES, A1111_TXT2IMG -> kind == WorkerKind.IMAGE || kind == WorkerKind.VIDEO;
        };
    }
}
