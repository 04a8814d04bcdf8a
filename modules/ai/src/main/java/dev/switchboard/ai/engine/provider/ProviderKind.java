package dev.switchboard.ai.engine.provider;

/**
 * The wire protocol a provider speaks. One OpenAI-compatible kind covers OpenAI itself, OpenRouter,
 * vLLM, Ollama's {@code /v1}, the llama.cpp server and LM Studio: they differ only in base URL, model
 * and key.
 */
public enum ProviderKind {
    /** {@code POST {base}/chat/completions}; base URL usually ends in {@code /v1}. */
    OPENAI_COMPATIBLE("OpenAI-compatible", "https://api.openai.com/v1", true),
    /** Ollama's native {@code POST {base}/api/chat}; base URL without {@code /api}. */
    OLLAMA("Ollama (native)", "http://localhost:11434", true),
    /** Anthropic's {@code POST {base}/messages}; base URL ends in {@code /v1}. */
    ANTHROPIC("Anthropic", "https://api.anthropic.com/v1", false);

    private final String label;
    private final String defaultBaseUrl;
    private final boolean jsonMode;

    ProviderKind(String label, String defaultBaseUrl, boolean jsonMode) {
        this.label = label;
        this.defaultBaseUrl = defaultBaseUrl;
        this.jsonMode = jsonMode;
    }

    public String label() {
        return label;
    }

    /** What the settings form proposes for a new provider of this kind. */
    public String defaultBaseUrl() {
        return defaultBaseUrl;
    }

    /**
     * Whether the protocol has a plain JSON-object mode (OpenAI {@code response_format: json_object},
     * Ollama {@code format: "json"}). Anthropic has none; a JSON-mode request is sent there as usual.
     */
    public boolean supportsJsonMode() {
        return jsonMode;
    }
}
