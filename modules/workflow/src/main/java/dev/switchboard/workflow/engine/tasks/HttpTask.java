package dev.switchboard.workflow.engine.tasks;

import dev.switchboard.workflow.spi.TaskContext;
import dev.switchboard.workflow.spi.TaskResult;
import dev.switchboard.workflow.spi.TaskType;
import dev.switchboard.workflow.spi.TaskTypeInfo;
import dev.switchboard.workflow.spi.TaskTypeInfo.Param;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Calls an HTTP endpoint an instructor allowed ({@link AllowList}, empty by default: the task is off until then).
 * A 5xx answer fails with the kind {@code http.5xx} so a retry policy can name it; other non-2xx fail with
 * {@code http}. Not idempotent unless marked so.
 */
public final class HttpTask implements TaskType {

    /** URL prefixes the http task may call, e.g. {@code http://127.0.0.1:8080/}; empty means none. */
    public record AllowList(List<String> prefixes) {
        public AllowList {
            prefixes = List.copyOf(prefixes);
        }

        public boolean allows(String url) {
            return prefixes.stream().anyMatch(p -> !p.isBlank() && url.startsWith(p));
        }
    }

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    @Override
    public String name() {
        return "http";
    }

    @Override
    public TaskTypeInfo info() {
        return new TaskTypeInfo("Call an endpoint", "Calls an HTTP endpoint an instructor allowed (off by default).",
                List.of(Param.required("url", "text", "The address; must start with an allowed prefix"),
                        new Param("method", "choice", false, "GET (default), POST, PUT or DELETE",
                                List.of("GET", "POST", "PUT", "DELETE")),
                        Param.optional("body", "text", "The request body"),
                        Param.optional("headers", "map", "Extra headers")), false, false);
    }

    @Override
    public CompletionStage<TaskResult> start(TaskContext ctx) {
        String url = BuiltInTasks.text(ctx.params().get("url"), "");
        AllowList allowed = ctx.service(AllowList.class).orElse(new AllowList(List.of()));
        if (!allowed.allows(url)) {
            return CompletableFuture.completedFuture(TaskResult.failure("refused", "http is off for " + url
                    + ": an instructor must allow its address first (setting workflow.http.allowed)"));
        }
        String method = BuiltInTasks.text(ctx.params().get("method"), "GET");
        String body = BuiltInTasks.text(ctx.params().get("body"), "");
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .method(method, body.isEmpty() ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (ctx.params().get("headers") instanceof Map<?, ?> headers) {
            headers.forEach((k, v) -> b.header(String.valueOf(k), String.valueOf(v)));
        }
        return CLIENT.sendAsync(b.build(), HttpResponse.BodyHandlers.ofString()).thenApply(r -> {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("status", r.statusCode());
            String text = r.body() == null ? "" : r.body();
            out.put("body", text.length() > 64_000 ? text.substring(0, 64_000) : text);
            if (r.statusCode() >= 500) {
                return TaskResult.failure("http.5xx", method + " " + url + " answered " + r.statusCode());
            }
            if (r.statusCode() >= 300) {
                return TaskResult.failure("http", method + " " + url + " answered " + r.statusCode());
            }
            return TaskResult.success(out);
        });
    }
}
