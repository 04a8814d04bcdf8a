package dev.switchboard.ai;

/**
 * Receives a streamed answer token by token, on a background thread. Exactly one of
 * {@link #onComplete} and {@link #onError} ends the stream. When a provider fails mid-stream the
 * gateway sends the offline fallback's text as the rest, so {@code onError} is only for failures of
 * the fallback itself or cancellation.
 */
public interface ChatListener {

    void onToken(String token);

    void onComplete(ChatReply reply);

    void onError(Throwable error);
}
