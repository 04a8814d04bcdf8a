package dev.switchboard.ai.engine.chat;

import dev.switchboard.ai.ChatMessage;
import dev.switchboard.ai.ChatRequest;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The response-cache key: SHA-256 of the canonical form of everything that shapes an answer (provider
 * name, model, system prompt, each message's role and text, temperature, max tokens, JSON mode). Each
 * field is length-prefixed, so no two different requests share a canonical form. The use is left out:
 * the same question to the same model gets the same answer whoever asks.
 */
public final class CacheKey {

    private CacheKey() {
    }

    /** 32 bytes. */
    public static byte[] of(String provider, String model, ChatRequest request) {
        StringBuilder canonical = new StringBuilder(256);
        field(canonical, "v1");
        field(canonical, provider);
        field(canonical, model);
        field(canonical, request.systemPrompt());
        field(canonical, Integer.toString(request.messages().size()));
        for (ChatMessage m : request.messages()) {
            field(canonical, m.role().name());
            field(canonical, m.text());
        }
        field(canonical, BigDecimal.valueOf(request.temperature()).stripTrailingZeros().toPlainString());
        field(canonical, Integer.toString(request.maxTokens()));
        field(canonical, Boolean.toString(request.jsonMode()));
        try {
            return MessageDigest.getInstance("SHA-256").digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static void field(StringBuilder out, String value) {
        out.append(value.length()).append(':').append(value).append(';');
    }
}
