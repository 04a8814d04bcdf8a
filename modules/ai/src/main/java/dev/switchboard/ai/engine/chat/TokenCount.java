package dev.switchboard.ai.engine.chat;

import dev.switchboard.ai.ChatMessage;
import dev.switchboard.ai.ChatRequest;

/**
 * Token counts for when a provider reports none: about four characters per token, the usual rule of
 * thumb for English with GPT-style tokenisers. Good enough for a cost estimate, not for a context limit.
 */
public final class TokenCount {

    /** The note a provenance carries when its token counts are estimates. */
    public static final String ESTIMATED_NOTE = "tokens estimated ≈ chars/4";

    private TokenCount() {
    }

    public static int estimate(String text) {
        return text == null || text.isEmpty() ? 0 : (text.length() + 3) / 4;
    }

    /** The system prompt and every message. */
    public static int estimateInput(ChatRequest request) {
        long chars = request.systemPrompt().length();
        for (ChatMessage m : request.messages()) {
            chars += m.text().length();
        }
        return (int) Math.min(Integer.MAX_VALUE, (chars + 3) / 4);
    }
}
