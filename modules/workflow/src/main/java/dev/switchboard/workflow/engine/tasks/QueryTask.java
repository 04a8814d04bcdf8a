package dev.switchboard.workflow.engine.tasks;

import dev.switchboard.core.id.SessionId;
import dev.switchboard.store.eventlog.EventLog;
import dev.switchboard.store.eventlog.EventLogEntry;
import dev.switchboard.store.session.SessionCatalog;
import dev.switchboard.store.session.SessionSummary;
import dev.switchboard.workflow.spi.TaskContext;
import dev.switchboard.workflow.spi.TaskResult;
import dev.switchboard.workflow.spi.TaskType;
import dev.switchboard.workflow.spi.TaskTypeInfo;
import dev.switchboard.workflow.spi.TaskTypeInfo.Param;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Reads, never writes: the event log of a session ({@code source: eventlog}), recent sessions
 * ({@code sessions}) or their scores ({@code scores}, with the mean). Its output is {@code rows} and {@code count}
 * (and {@code mean} for scores), for a closing summary or a branch.
 */
final class QueryTask implements TaskType {

    static final List<String> SOURCES = List.of("eventlog", "sessions", "scores");

    @Override
    public String name() {
        return "query";
    }

    @Override
    public TaskTypeInfo info() {
        return new TaskTypeInfo("Query the records", "Reads the event log, sessions or scores (read-only).",
                List.of(new Param("source", "choice", true, "What to read", SOURCES),
                        Param.optional("session", "text", "eventlog: the session's id"),
                        Param.optional("type", "text", "eventlog: only entries whose type starts with this"),
                        Param.optional("sessions", "list", "scores: only these session ids"),
                        Param.optional("trainee", "text", "sessions, scores: only this trainee's user id"),
                        Param.optional("limit", "number", "At most this many rows (default 100)")), true, false);
    }

    @Override
    public List<String> check(Map<String, Object> with) {
        List<String> out = new ArrayList<>(info().checkRequired(with));
        Object source = with.get("source");
        if (source != null && !SOURCES.contains(source.toString()) && !"${…}".equals(source)) {
            out.add("source: '" + source + "' is not one of " + String.join(", ", SOURCES));
        }
        return out;
    }

    @Override
    public CompletionStage<TaskResult> start(TaskContext ctx) {
        Map<String, Object> p = ctx.params();
        int limit = (int) Math.min(1000, BuiltInTasks.number(p.get("limit"), 100));
        String source = BuiltInTasks.text(p.get("source"), "");
        List<Map<String, Object>> rows = new ArrayList<>();
        Map<String, Object> out = new LinkedHashMap<>();
        switch (source) {
            case "eventlog" -> {
                EventLog log = ctx.service(EventLog.class).orElse(null);
                String session = BuiltInTasks.text(p.get("session"), "");
                if (log == null || session.isBlank()) {
                    return done(TaskResult.failure("error", log == null ? "no event log in this program"
                            : "eventlog needs session"));
                }
                String type = BuiltInTasks.text(p.get("type"), "");
                for (EventLogEntry e : log.read(new SessionId(session), 1, 10_000)) {
                    if (rows.size() >= limit) {
                        break;
                    }
                    if (e.type().startsWith(type)) {
                        Map<String, Object> row = new LinkedHashMap<>();
                        row.put("seq", e.seq());
                        row.put("type", e.type());
                        row.put("simTimeMs", e.simTimeMillis());
                        row.put("payload", e.payload());
                        rows.add(row);
                    }
                }
            }
            case "sessions", "scores" -> {
                SessionCatalog catalog = ctx.service(SessionCatalog.class).orElse(null);
                if (catalog == null) {
                    return done(TaskResult.failure("error", "no session catalogue in this program"));
                }
                String trainee = BuiltInTasks.text(p.get("trainee"), "");
                List<String> only = p.get("sessions") instanceof List<?> l ? l.stream().map(String::valueOf).toList()
                        : List.of();
                double sum = 0;
                int scored = 0;
                for (SessionSummary s : catalog.recent(5000)) {
                    if (rows.size() >= limit) {
                        break;
                    }
                    if (!trainee.isBlank() && !s.trainee().value().equals(trainee)
                            || !only.isEmpty() && !only.contains(s.id().value())
                            || source.equals("scores") && s.score() == null) {
                        continue;
                    }
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("id", s.id().value());
                    row.put("kind", s.kind());
                    row.put("title", s.title());
                    row.put("status", s.status());
                    row.put("score", s.score());
                    rows.add(row);
                    if (s.score() != null) {
                        sum += s.score();
                        scored++;
                    }
                }
                if (source.equals("scores")) {
                    out.put("mean", scored == 0 ? null : Math.round(sum / scored * 10) / 10.0);
                }
            }
            default -> {
                return done(TaskResult.failure("error", "unknown source '" + source + "'"));
            }
        }
        out.put("rows", rows);
        out.put("count", rows.size());
        return done(TaskResult.success(out));
    }

    private static CompletionStage<TaskResult> done(TaskResult r) {
        return CompletableFuture.completedFuture(r);
    }
}
