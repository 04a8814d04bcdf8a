package dev.switchboard.ai;

import java.util.Objects;

/** One turn of a conversation sent to a chat model. */
public record ChatMessage(Role role, String text) {

    public ChatMessage {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(text, "text");
    }

    public static ChatMessage user(String text) {
        return new ChatMessage(Role.USER, text);
    }

    public static ChatMessage assistant(String text) {
        return new ChatMessage(Role.ASSISTANT, text);
    }

    /** Who said it. The system prompt travels separately in {@link ChatRequest}. */
    public enum Role {
        USER, ASSISTANT
    }
}
