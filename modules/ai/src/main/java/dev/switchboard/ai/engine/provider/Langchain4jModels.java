package dev.switchboard.ai.engine.provider;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.anthropic.AnthropicChatModel;
import dev.langchain4j.model.anthropic.AnthropicStreamingChatModel;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.ollama.OllamaStreamingChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The real models, one langchain4j class per {@link ProviderKind}: no built-in retries (the gateway
 * retries), request and response logging off (bodies may hold caller speech, and error bodies may echo
 * the key), timeouts from the provider's configuration.
 */
public final class Langchain4jModels implements ModelFactory {

    /** Sent where a protocol insists on a key but the endpoint (a local server) needs none. */
    static final String NO_KEY = "none";

    @Override
    public ChatModel chatModel(ProviderConfig c, Optional<String> apiKey) {
        return switch (c.kind()) {
            case OPENAI_COMPATIBLE -> OpenAiChatModel.builder()
                    .baseUrl(c.baseUrl())
                    .apiKey(apiKey.orElse(NO_KEY))
                    .modelName(c.model())
                    .timeout(c.timeout())
                    .maxRetries(0)
                    .logRequests(false)
                    .logResponses(false)
                    .build();
            case OLLAMA -> OllamaChatModel.builder()
                    .baseUrl(c.baseUrl())
                    .modelName(c.model())
                    .customHeaders(bearer(apiKey))
                    .timeout(c.timeout())
                    .maxRetries(0)
                    .logRequests(false)
                    .logResponses(false)
                    .build();
            case ANTHROPIC -> AnthropicChatModel.builder()
                    .baseUrl(c.baseUrl())
                    .apiKey(apiKey.orElse(NO_KEY))
                    .modelName(c.model())
                    .timeout(c.timeout())
                    .maxRetries(0)
                    .logRequests(false)
                    .logResponses(false)
                    .build();
        };
    }

    @Override
    public StreamingChatModel streamingModel(ProviderConfig c, Optional<String> apiKey) {
        return switch (c.kind()) {
            case OPENAI_COMPATIBLE -> OpenAiStreamingChatModel.builder()
                    .baseUrl(c.baseUrl())
                    .apiKey(apiKey.orElse(NO_KEY))
                    .modelName(c.model())
                    .timeout(c.timeout())
                    .logRequests(false)
                    .logResponses(false)
                    .build();
            case OLLAMA -> OllamaStreamingChatModel.builder()
                    .baseUrl(c.baseUrl())
                    .modelName(c.model())
                    .customHeaders(bearer(apiKey))
                    .timeout(c.timeout())
                    .logRequests(false)
                    .logResponses(false)
                    .build();
            case ANTHROPIC -> AnthropicStreamingChatModel.builder()
                    .baseUrl(c.baseUrl())
                    .apiKey(apiKey.orElse(NO_KEY))
                    .modelName(c.model())
                    .timeout(c.timeout())
                    .logRequests(false)
                    .logResponses(false)
                    .build();
        };
    }

    /**
     * The langchain4j form of {@code request}: system prompt first, then the history; temperature and
     * max tokens; JSON mode only where {@code kind} {@linkplain ProviderKind#supportsJsonMode() has one}.
     */
    public static ChatRequest request(dev.switchboard.ai.ChatRequest request, ProviderKind kind) {
        List<ChatMessage> messages = new ArrayList<>(request.messages().size() + 1);
        if (!request.systemPrompt().isEmpty()) {
            messages.add(SystemMessage.from(request.systemPrompt()));
        }
        for (dev.switchboard.ai.ChatMessage m : request.messages()) {
            messages.add(m.role() == dev.switchboard.ai.ChatMessage.Role.USER ? UserMessage.from(m.text())
                    : AiMessage.from(m.text()));
        }
        ChatRequest.Builder builder = ChatRequest.builder()
                .messages(messages)
                .temperature(request.temperature())
                .maxOutputTokens(request.maxTokens());
        if (request.jsonMode() && kind.supportsJsonMode()) {
            builder.responseFormat(ResponseFormat.JSON);
        }
        return builder.build();
    }

    /** Ollama itself takes no key; a proxy in front of it may want a bearer token. */
    private static Map<String, String> bearer(Optional<String> apiKey) {
        return apiKey.map(k -> Map.of("Authorization", "Bearer " + k)).orElse(Map.of());
    }

    @Override
    public String toString() {
        return "Langchain4jModels";
    }
}
