package dev.switchboard.workflow.engine.tasks;

import dev.switchboard.ai.AiUse;
import dev.switchboard.ai.ChatReply;
import dev.switchboard.ai.ChatRequest;
import dev.switchboard.ai.ChatService;
import dev.switchboard.ai.PromptFence;
import dev.switchboard.ai.StrictJson;
import dev.switchboard.workflow.spi.TaskContext;
import dev.switchboard.workflow.spi.TaskResult;
import dev.switchboard.workflow.spi.TaskType;
import dev.switchboard.workflow.spi.TaskTypeInfo;
import dev.switchboard.workflow.spi.TaskTypeInfo.Param;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Asks the AI gateway for a JSON object with the named keys. What the model says is data: it is parsed strictly
 * and refused when it is not one JSON object holding every key. Offline (no provider, or a refused answer) the
 * task's {@code fallback} object is its output, labelled offline, so an exercise never depends on a model.
 */
final class LlmTask implements TaskType {

    @Override
    public String name() {
        return "llm";
    }

    @Override
    public TaskTypeInfo info() {
        return new TaskTypeInfo("Ask the model", "Asks the AI gateway for a JSON object; offline, the fallback.",
                List.of(Param.required("prompt", "text", "The question; may use ${…} (fenced as data)"),
                        Param.optional("system", "text", "Instructions"),
                        Param.optional("keys", "list", "The keys the answer must hold"),
                        Param.required("fallback", "map", "The output when no model answers")), true, false);
    }

    @Override
    @SuppressWarnings("unchecked")
    public CompletionStage<TaskResult> start(TaskContext ctx) {
        Map<String, Object> fallback = ctx.params().get("fallback") instanceof Map<?, ?> m
                ? new LinkedHashMap<>((Map<String, Object>) m) : new LinkedHashMap<>();
        List<String> keys = ctx.params().get("keys") instanceof List<?> l ? l.stream().map(String::valueOf).toList()
                : List.of();
        ChatService chat = ctx.service(ChatService.class).orElse(null);
        if (chat == null) {
            return CompletableFuture.completedFuture(offline(fallback, "no AI gateway in this program"));
        }
        String system = BuiltInTasks.text(ctx.params().get("system"), "") + "\nAnswer with one JSON object only"
                + (keys.isEmpty() ? "." : " with the keys " + String.join(", ", keys) + ".");
        String prompt = PromptFence.fence("workflow-data", BuiltInTasks.text(ctx.params().get("prompt"), ""));
        String offlineJson = json(fallback);
        ChatRequest request = new ChatRequest(AiUse.GENERAL, PromptFence.systemPrompt(system.strip()), List.of(
                dev.switchboard.ai.ChatMessage.user(prompt)), 0.2, 512, true);
        ChatReply reply = chat.chat(request, r -> offlineJson);
        if (reply.provenance().isOffline()) {
            return CompletableFuture.completedFuture(offline(fallback, reply.provenance().label()));
        }
        StrictJson.Parsed<LinkedHashMap> parsed = StrictJson.read(reply.text(), LinkedHashMap.class, true);
        if (!parsed.ok() || !parsed.value().orElseThrow().keySet().containsAll(keys)) {
            ctx.log("the model's answer was refused (" + (parsed.ok() ? "missing keys" : parsed.problem())
                    + "); using the fallback");
            return CompletableFuture.completedFuture(offline(fallback, "answer refused"));
        }
        Map<String, Object> out = new LinkedHashMap<>(parsed.value().orElseThrow());
        out.put("offline", false);
        out.put("provenance", reply.provenance().label());
        return CompletableFuture.completedFuture(TaskResult.success(out));
    }

    private static TaskResult offline(Map<String, Object> fallback, String why) {
        Map<String, Object> out = new LinkedHashMap<>(fallback);
        out.put("offline", true);
        out.put("provenance", "offline: " + why);
        return TaskResult.success(out);
    }

    private static String json(Map<String, Object> value) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return "{}";
        }
    }
}
