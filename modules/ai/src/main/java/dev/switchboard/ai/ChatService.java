package dev.switchboard.ai;

/**
 * Chat completions for every capability, online when a provider is configured and healthy and
 * offline otherwise. Never throws for a provider failure: the {@link OfflineResponder} answers
 * instead and the reply's {@link Provenance} says so. Thread-safe; calls block, so make them off the
 * FX thread.
 */
public interface ChatService {

    /** One complete answer. */
    ChatReply chat(ChatRequest request, OfflineResponder offline);

    /** Streams an answer token by token; returns at once. */
    StreamHandle stream(ChatRequest request, OfflineResponder offline, ChatListener listener);

    /** A running stream. */
    interface StreamHandle {
        /** Stops the stream; the listener gets {@code onError} with a cancellation. */
        void cancel();
    }
}
