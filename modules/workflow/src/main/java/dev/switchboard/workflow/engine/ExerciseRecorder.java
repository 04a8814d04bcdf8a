package dev.switchboard.workflow.engine;

import dev.switchboard.core.id.SessionId;
import dev.switchboard.core.id.UserId;
import dev.switchboard.store.eventlog.AppendRequest;
import dev.switchboard.store.eventlog.EventLog;
import dev.switchboard.store.session.SessionCatalog;
import dev.switchboard.store.session.SessionSummary;
import dev.switchboard.workflow.model.RunState;
import dev.switchboard.workflow.model.RunSummary;
import dev.switchboard.workflow.model.WorkflowDefinition;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes each exercise run a training session, so Review lists it beside the calls and control-room sessions it
 * drove: a {@code training_session} of kind {@code exercise} (status {@code in-progress} while it runs, which the
 * start-up recovery leaves alone because the run resumes), entries on its own event-log chain, and on each driven
 * session's chain an {@code exercise.linked} entry naming the run.
 */
public final class ExerciseRecorder implements RunObserver {

    /** The {@code training_session.kind} of an exercise run. */
    public static final String KIND = "exercise";

    private static final Logger LOG = LoggerFactory.getLogger(ExerciseRecorder.class);

    private final SessionCatalog sessions;
    private final EventLog log;
    private final Function<String, Optional<Trainee>> trainees;

    /** A trainee found by user name. */
    public record Trainee(UserId id, String displayName) {
    }

    public ExerciseRecorder(SessionCatalog sessions, EventLog log, Function<String, Optional<Trainee>> trainees) {
        this.sessions = sessions;
        this.log = log;
        this.trainees = trainees;
    }

    /** The session id of a run. */
    public static SessionId session(String runId) {
        return new SessionId("wf-" + runId);
    }

    @Override
    public void started(RunStore store, RunSummary run, WorkflowDefinition def) {
        if (!def.exercise()) {
            return;
        }
        String who = run.trainee() == null ? run.startedBy() : run.trainee();
        Trainee t = trainees.apply(who).orElse(new Trainee(new UserId(who.isBlank() ? "unknown" : who), who));
        try {
            sessions.insert(new SessionSummary(session(run.id()), t.id(), t.displayName(), KIND, def.name(),
                    run.createdAt(), null, "in-progress", null));
            append(session(run.id()), "exercise.started", Map.of("run", run.id(), "workflow", def.id(), "version",
                    def.version(), "startedBy", run.startedBy()));
        } catch (RuntimeException e) {
            LOG.warn("Could not list exercise run {} as a session", run.id(), e);
        }
    }

    @Override
    public void linked(RunStore store, RunSummary run, String sessionId) {
        if (sessions.find(session(run.id())).isEmpty()) {
            return;
        }
        append(session(run.id()), "exercise.session.linked", Map.of("session", sessionId));
        try {
            append(new SessionId(sessionId), "exercise.linked", Map.of("run", run.id(), "workflow", run.name()));
        } catch (IllegalArgumentException e) {
            LOG.debug("Session id {} is not a chain id", sessionId);
        }
    }

    @Override
    public void ended(RunStore store, RunSummary run) {
        if (sessions.find(session(run.id())).isEmpty()) {
            return;
        }
        Double mean = null;
        double sum = 0;
        int n = 0;
        for (String linked : store.linkedSessions(run.id())) {
            Double score = sessions.find(new SessionId(linked)).map(SessionSummary::score).orElse(null);
            if (score != null) {
                sum += score;
                n++;
            }
        }
        if (n > 0) {
            mean = Math.round(sum / n * 10) / 10.0;
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("run", run.id());
        fields.put("state", run.state().code());
        fields.put("meanScore", mean);
        append(session(run.id()), "exercise.ended", fields);
        sessions.finish(session(run.id()), run.endedAt() == null ? java.time.Instant.now() : run.endedAt(),
                run.state() == RunState.SUCCEEDED ? "complete" : run.state() == RunState.CANCELLED ? "abandoned"
                        : run.state().code().toLowerCase(java.util.Locale.ROOT), mean);
    }

    private void append(SessionId chain, String type, Map<String, Object> fields) {
        log.append(new AppendRequest(chain, 0, type, log.json(fields)));
    }
}
