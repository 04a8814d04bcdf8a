package dev.switchboard.studio.engine.factory;

import dev.switchboard.ai.AiUse;
import dev.switchboard.ai.ChatMessage;
import dev.switchboard.ai.ChatReply;
import dev.switchboard.ai.ChatRequest;
import dev.switchboard.ai.ChatService;
import dev.switchboard.ai.PromptFence;
import dev.switchboard.ai.StrictJson;
import dev.switchboard.studio.model.factory.AppType;
import dev.switchboard.studio.model.factory.Evidence;
import dev.switchboard.studio.model.factory.Intent;
import dev.switchboard.studio.model.factory.IntentType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads an intent: with the offline {@link IntentRules} by default, or, in LLM mode, through the AI gateway with
 * a strict JSON answer. The model's answer is data: it must parse as {@link LlmIntent} exactly, every value's
 * words must be words of the intent (anything else is dropped as made up), and type names are cleaned to Java
 * identifiers. Whatever the model does not give, or an offline gateway, falls back to the rules.
 */
public final class IntentReader {

    private static final Logger LOG = LoggerFactory.getLogger(IntentReader.class);
    private static final String INSTRUCTIONS = """
            You read a request for software and answer with one JSON object, nothing else:
            {"type": one of CREATE_APPLICATION, ADD_FEATURE, GENERATE_COMPONENT, GENERATE_TESTS,
                     GENERATE_DOCUMENTATION, REFACTOR,
             "typeWords": the words of the request that say it,
             "app": one of WEB, MOBILE, API, MICROSERVICE, DESKTOP, CLI,
             "appWords": the words that say it,
             "name": a short name for the application,
             "technologies": [{"value": name, "words": the words of the request}],
             "features": [{"value": short name, "words": ...}],
             "constraints": [{"value": short statement, "words": ...}],
             "entities": [{"value": a singular noun the application keeps, "words": ...}]}
            Every "words" must be copied from the request. Leave out what the request does not say.""";

    private final ChatService chat;

    /** @param chat the gateway for LLM mode; may be null, and then only the rules read */
    public IntentReader(ChatService chat) {
        this.chat = chat;
    }

    /**
     * Reads {@code text}.
     *
     * @param llm whether to ask the model first
     * @throws dev.switchboard.core.error.InputException naming {@code intent} for an empty, overlong or
     *                                                   unrecognisable text
     */
    public Intent read(String text, boolean llm) {
        Intent rules = IntentRules.read(text);
        if (!llm || chat == null) {
            return rules;
        }
        ChatRequest request = new ChatRequest(AiUse.STUDIO, PromptFence.systemPrompt(INSTRUCTIONS),
                List.of(ChatMessage.user("Request:\n" + PromptFence.fence("software request", rules.text()))), 0.0,
                900, true);
        ChatReply reply = chat.chat(request, r -> "");
        if (reply.provenance().isOffline()) {
            LOG.info("No model answered ({}); the intent is read by the rules", reply.provenance().note());
            return rules;
        }
        Optional<LlmIntent> parsed = StrictJson.parseEmbedded(reply.text(), LlmIntent.class);
        if (parsed.isEmpty()) {
            return rules;
        }
        return merge(parsed.get(), rules, "llm · " + reply.provenance().provider() + " · "
                + reply.provenance().model());
    }

    /** The model's reading where it holds up, the rules' elsewhere. */
    static Intent merge(LlmIntent m, Intent rules, String source) {
        String text = rules.text();
        List<Evidence> entities = new ArrayList<>();
        for (Evidence e : grounded(m.entities(), text)) {
            String type = IntentRules.typeName(IntentRules.singular(e.value().toLowerCase(Locale.ROOT).strip()
                    .replace(' ', '-')));
            if (!type.isEmpty() && entities.stream().noneMatch(x -> x.value().equals(type)) && entities.size() < 4) {
                entities.add(new Evidence(type, e.words()));
            }
        }
        String name = m.name() == null || m.name().isBlank() || m.name().length() > 40 ? rules.name()
                : m.name().strip();
        return new Intent(m.type(), new Evidence(m.type().name(), grounded(m.typeWords(), text)), m.app(),
                new Evidence(m.app().name(), grounded(m.appWords(), text)), name,
                union(grounded(m.technologies(), text), rules.technologies()),
                union(grounded(m.features(), text), rules.features()),
                union(grounded(m.constraints(), text), rules.constraints()),
                entities.isEmpty() ? rules.entities() : entities, source, text);
    }

    private static List<Evidence> grounded(List<Evidence> items, String text) {
        List<Evidence> out = new ArrayList<>();
        for (Evidence e : items) {
            if (e != null && !e.value().isBlank() && e.value().length() <= 60 && !grounded(e.words(), text).isEmpty()) {
                out.add(e);
            }
        }
        return out;
    }

    private static String grounded(String words, String text) {
        return words != null && !words.isBlank() && text.toLowerCase(Locale.ROOT)
                .contains(words.toLowerCase(Locale.ROOT).strip()) ? words.strip() : "";
    }

    private static List<Evidence> union(List<Evidence> first, List<Evidence> second) {
        Map<String, Evidence> out = new LinkedHashMap<>();
        for (Evidence e : first) {
            out.putIfAbsent(e.value().toLowerCase(Locale.ROOT), e);
        }
        for (Evidence e : second) {
            out.putIfAbsent(e.value().toLowerCase(Locale.ROOT), e);
        }
        return List.copyOf(out.values());
    }

    /** The JSON the model must give, field for field. */
    record LlmIntent(IntentType type, String typeWords, AppType app, String appWords, String name,
                     List<Evidence> technologies, List<Evidence> features, List<Evidence> constraints,
                     List<Evidence> entities) {
    }
}
