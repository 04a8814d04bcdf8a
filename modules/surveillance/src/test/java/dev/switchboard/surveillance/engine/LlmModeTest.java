package dev.switchboard.surveillance.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.ai.ChatListener;
import dev.switchboard.ai.ChatReply;
import dev.switchboard.ai.ChatRequest;
import dev.switchboard.ai.ChatService;
import dev.switchboard.ai.OfflineResponder;
import dev.switchboard.ai.PromptFence;
import dev.switchboard.ai.Provenance;
import dev.switchboard.surveillance.model.Answer;
import dev.switchboard.surveillance.model.Intent;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** LLM mode against a scripted gateway: strict JSON reading, streamed prose, citation checking, fallbacks. */
class LlmModeTest {

    /** A gateway whose model answers by a function of the request; streams the answer word by word. */
    static final class ScriptedGateway implements ChatService {
        final List<ChatRequest> requests = new CopyOnWriteArrayList<>();
        final Function<ChatRequest, String> model;

        ScriptedGateway(Function<ChatRequest, String> model) {
            this.model = model;
        }

        private static Provenance online() {
            return new Provenance(Provenance.Source.ONLINE, "fake", "fake-model", Duration.ofMillis(3), 10, 10, 0, "");
        }

        @Override
        public ChatReply chat(ChatRequest request, OfflineResponder offline) {
            requests.add(request);
            String text = model.apply(request);
            return text == null ? new ChatReply(offline.respond(request), Provenance.offline("fallback",
                    Duration.ZERO, "model failed")) : new ChatReply(text, online());
        }

        @Override
        public StreamHandle stream(ChatRequest request, OfflineResponder offline, ChatListener listener) {
            requests.add(request);
            String text = model.apply(request);
            if (text == null) {
                String fallback = offline.respond(request);
                listener.onToken(fallback);
                listener.onComplete(new ChatReply(fallback, Provenance.offline("fallback", Duration.ZERO, "failed")));
            } else {
                for (String w : text.split("(?<= )")) {
                    listener.onToken(w);
                }
                listener.onComplete(new ChatReply(text, online()));
            }
            return () -> { };
        }
    }

    @Test
    void theModelReadsAndWritesAndItsInventedCitationsAreRemoved(@TempDir Path temp) {
        List<String> cite = new ArrayList<>();
        ScriptedGateway gateway = new ScriptedGateway(req -> {
            if (req.jsonMode()) {
                return "```json\n{\"intent\": \"search\", \"confidence\": 0.93, \"search\": \"brawl\"}\n```";
            }
            String prompt = req.messages().get(req.messages().size() - 1).text();
            String ref = prompt.lines().filter(l -> l.matches("E\\d+ \\|.*")).findFirst().orElseThrow().split(" ")[0];
            cite.add(ref);
            return "Two events stand out: " + "[" + ref + "] and [E999999].";
        });
        try (Harness h = new Harness(temp, gateway, () -> true).generated(1, 1_500)) {
            List<String> tokens = new ArrayList<>();
            Answer a = h.surveillance.ask(null, "u", "t", "any fights in Shinjuku?", tokens::add);
            assertThat(a.intent()).isEqualTo(Intent.SEARCH);
            assertThat(a.confidence()).isEqualTo(0.93);
            assertThat(a.query().text()).isEqualTo("brawl");
            assertThat(tokens.size()).isGreaterThan(3);
            assertThat(a.citations()).containsExactly(cite.get(0));
            assertThat(a.text()).doesNotContain("E999999").contains(cite.get(0));
            assertThat(a.provenance().isOffline()).isFalse();
            // Descriptions reach the model fenced, with the rule in the system prompt.
            ChatRequest answer = gateway.requests.get(gateway.requests.size() - 1);
            assertThat(answer.systemPrompt()).contains(PromptFence.SYSTEM_RULE);
            assertThat(answer.messages().get(answer.messages().size() - 1).text())
                    .contains("BEGIN UNTRUSTED DATA: camera event descriptions");
        }
    }

    @Test
    void badJsonOrAFailedModelFallsBackToTheRules(@TempDir Path temp) {
        ScriptedGateway gateway = new ScriptedGateway(req -> req.jsonMode()
                ? "{\"intent\": \"launch-missiles\", \"confidence\": 2}" : null);
        try (Harness h = new Harness(temp, gateway, () -> true).generated(1, 1_500)) {
            Answer a = h.surveillance.ask(null, "u", "t", "how many cars in Taito?", t -> { });
            assertThat(a.intent()).isEqualTo(Intent.COUNT);
            assertThat(a.provenance().isOffline()).isTrue();
            assertThat(a.text()).contains("events");
        }
    }
}
