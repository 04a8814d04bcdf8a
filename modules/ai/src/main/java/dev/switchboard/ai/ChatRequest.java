package dev.switchboard.ai;

import java.util.List;
import java.util.Objects;

/**
 * A chat completion request, independent of any provider.
 *
 * @param systemPrompt instructions; may be empty
 * @param messages the history, oldest first, ending with the turn to answer
 * @param temperature 0..2
 * @param maxTokens upper bound on the reply's tokens, at least 1
 * @param jsonMode ask for a JSON object where the provider supports it (ignored where it does not)
 */
public record ChatRequest(AiUse use, String systemPrompt, List<ChatMessage> messages, double temperature,
                          int maxTokens, boolean jsonMode) {

    public ChatRequest {
        Objects.requireNonNull(use, "use");
        systemPrompt = systemPrompt == null ? "" : systemPrompt;
        messages = List.copyOf(messages);
        if (messages.isEmpty()) {
            throw new IllegalArgumentException("A chat request needs at least one message");
        }
        if (temperature < 0 || temperature > 2) {
            throw new IllegalArgumentException("temperature must be within 0..2, was " + temperature);
        }
        if (maxTokens < 1) {
            throw new IllegalArgumentException("maxTokens must be at least 1, was " + maxTokens);
        }
    }

    /** A single-question request with usual defaults (temperature 0.2, 512 tokens). */
    public static ChatRequest ask(AiUse use, String systemPrompt, String question) {
        return new ChatRequest(use, systemPrompt, List.of(ChatMessage.user(question)), 0.2, 512, false);
    }

    /** The last user turn's text, what an offline responder usually answers. */
    public String lastUserText() {
        for (int i = messages.size() - 1; i >= 0; i--) {
            if (messages.get(i).role() == ChatMessage.Role.USER) {
                return messages.get(i).text();
            }
        }
        return "";
    }
}
