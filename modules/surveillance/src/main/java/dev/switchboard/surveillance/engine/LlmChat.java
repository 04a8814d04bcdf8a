package dev.switchboard.surveillance.engine;

import dev.switchboard.ai.AiUse;
import dev.switchboard.ai.ChatListener;
import dev.switchboard.ai.ChatMessage;
import dev.switchboard.ai.ChatReply;
import dev.switchboard.ai.ChatRequest;
import dev.switchboard.ai.ChatService;
import dev.switchboard.ai.PromptFence;
import dev.switchboard.ai.StrictJson;
import dev.switchboard.surveillance.model.CityTime;
import dev.switchboard.surveillance.model.Intent;
import dev.switchboard.surveillance.model.SearchHit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * LLM mode through the AI gateway: the model reads the question into strict JSON (intent, confidence, search
 * words), and writes the answer's prose, streamed, from the fenced results. Any failure (no provider, bad JSON,
 * timeout) falls back to the rules and the offline answer. Thread-safe.
 */
public final class LlmChat {

    static final String INTERPRET_SYSTEM = PromptFence.systemPrompt("""
            You read questions a dispatch trainee or supervisor asks about the city's camera events. Answer with one \
            JSON object and nothing else: {"intent": I, "confidence": C, "search": S} where I is one of search, \
            count, compare, summarise, unusual, refine, show-clip, near-incident, attach, track, explain, remember, \
            forget, help, small-talk, out-of-scope; C is your confidence between 0 and 1; S is the few words to \
            search the event descriptions for (empty when none).""");
    static final String ANSWER_SYSTEM = PromptFence.systemPrompt("""
            You answer questions about the city's camera events for a dispatch trainee or supervisor. Use only the \
            events given. Cite every event you mention by its reference in square brackets, e.g. [E1042]; never \
            cite a reference that is not in the list. Be brief and factual: times, cameras, what was seen. If the \
            events do not answer the question, say so.""");

    /** What the model read from the question. */
    public record LlmReading(String intent, double confidence, String search) {
    }

    private final ChatService chat;

    public LlmChat(ChatService chat) {
        this.chat = Objects.requireNonNull(chat, "chat");
    }

    /** The model's reading of a question, or empty when it did not answer with valid JSON. */
    public Optional<Interpretation> interpret(String question, Interpretation rules) {
        ChatRequest request = new ChatRequest(AiUse.CHAT, INTERPRET_SYSTEM,
                List.of(ChatMessage.user(PromptFence.fence("question", question))), 0.0, 200, true);
        ChatReply reply = chat.chat(request, r -> "");
        if (reply.provenance().isOffline()) {
            return Optional.empty();
        }
        Optional<LlmReading> reading = StrictJson.parseEmbedded(reply.text(), LlmReading.class);
        if (reading.isEmpty()) {
            return Optional.empty();
        }
        Intent intent = null;
        for (Intent i : Intent.values()) {
            if (i.code().equals(reading.get().intent())) {
                intent = i;
            }
        }
        double c = reading.get().confidence();
        if (intent == null || !(c >= 0 && c <= 1)) {
            org.slf4j.LoggerFactory.getLogger(LlmChat.class).warn("Model named an unknown intent or confidence: {}",
                    reading.get());
            return Optional.empty();
        }
        Entities e = rules.entities();
        String search = reading.get().search() == null ? "" : reading.get().search().strip();
        Entities withText = new Entities(e.cameras(), e.types(), e.behaviours(), e.colours(), e.plate(), e.place(),
                e.radiusMeters(), e.time(), e.eventRefs(), e.ordinal(), e.there(), e.sameCamera(), e.thatObject(),
                e.incidentWord(), e.incidentId(), e.minConfidence(), search.isEmpty() ? e.text() : search);
        return Optional.of(new Interpretation(intent, c, withText, "model"));
    }

    /**
     * Streams the model's answer; tokens go to {@code onToken} as they come. Returns the whole reply (the offline
     * text when the model is unavailable).
     */
    public ChatReply answer(String question, List<ChatMessage> history, List<SearchHit> hits, String facts,
                            String offlineText, Consumer<String> onToken) {
        StringBuilder data = new StringBuilder();
        for (SearchHit h : hits) {
            var e = h.event();
            data.append(e.ref()).append(" | ").append(CityTime.iso(e.at())).append(" | camera ").append(e.camera())
                    .append(' ').append(e.cameraName()).append(" | ").append(e.type().label()).append(" | ")
                    .append(e.behaviour().label()).append(" | ").append(e.description());
            if (!e.attributes().plate().isEmpty()) {
                data.append(" | plate ").append(e.attributes().plate());
            }
            data.append('\n');
        }
        List<ChatMessage> messages = new ArrayList<>(history);
        messages.add(ChatMessage.user("Facts computed from the store: " + facts + "\nEvents:\n"
                + PromptFence.fence("camera event descriptions", data.toString()) + "\nQuestion: "
                + PromptFence.fence("question", question)));
        ChatRequest request = new ChatRequest(AiUse.CHAT, ANSWER_SYSTEM, messages, 0.2, 700, false);
        CompletableFuture<ChatReply> done = new CompletableFuture<>();
        chat.stream(request, r -> offlineText, new ChatListener() {
            @Override
            public void onToken(String token) {
                onToken.accept(token);
            }

            @Override
            public void onComplete(ChatReply reply) {
                done.complete(reply);
            }

            @Override
            public void onError(Throwable error) {
                done.completeExceptionally(error);
            }
        });
        try {
            return done.get(120, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while the answer streamed", e);
        } catch (Exception e) {
            org.slf4j.LoggerFactory.getLogger(LlmChat.class).warn("The streamed answer failed: {}", e.toString());
            return new ChatReply(offlineText, dev.switchboard.ai.Provenance.offline("rules",
                    java.time.Duration.ZERO, "stream failed"));
        }
    }
}
