package dev.switchboard.app.workspace;

import dev.switchboard.core.account.AuditAction;
import dev.switchboard.core.account.AuditRecord;
import dev.switchboard.core.account.Role;
import dev.switchboard.core.error.SwitchboardException;
import dev.switchboard.core.id.SessionId;
import dev.switchboard.store.audit.AuditLog;
import dev.switchboard.store.audit.AuditQuery;
import dev.switchboard.store.eventlog.EventLog;
import dev.switchboard.store.eventlog.VerifyReport;
import dev.switchboard.store.session.SessionCatalog;
import dev.switchboard.uikit.BackgroundTask;
import dev.switchboard.uikit.TaskRunner;
import dev.switchboard.uikit.WorkspaceContext;
import dev.switchboard.workflow.engine.RunStore;
import dev.switchboard.workflow.engine.Workflows;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The audit browser: filters by user, action, outcome, dates and text, newest first, and verifies the
 * audit chain on request. Only instructors get here; the constructor refuses anyone else.
 */
public final class AuditViewModel {

    /** The most rows one query shows; narrow the filter to see older ones. */
    public static final int LIMIT = 1000;

    /** How a record that acted on a session names it. */
    private static final String SESSION_TARGET = "session ";
    /** How a record that acted on a workflow run names it (and the task, for a decision). */
    private static final String RUN_TARGET = "run ";

    private final AuditLog audit;
    private final EventLog eventLog;
    private final SessionCatalog sessions;
    private final Optional<RunStore> runs;
    private final TaskRunner tasks;
    /** Each target as people read it ("Session: Kitchen fire · Aiko Tanaka · 2026-12-07 19:22"), read once. */
    private final Map<String, String> targetNames = new ConcurrentHashMap<>();

    // Properties
    private final StringProperty actor = new SimpleStringProperty("");
    private final ObjectProperty<AuditAction> action = new SimpleObjectProperty<>();
    private final ObjectProperty<AuditRecord.Outcome> outcome = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> from = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> to = new SimpleObjectProperty<>();
    private final StringProperty text = new SimpleStringProperty("");
    private final ObservableList<AuditRecord> records = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper chain = new ReadOnlyStringWrapper("");

    public AuditViewModel(WorkspaceContext ctx) {
        if (ctx.user().role() != Role.INSTRUCTOR) {
            throw new SwitchboardException("Only instructors can read the audit log.", "Ask an instructor.");
        }
        this.audit = ctx.service(AuditLog.class);
        this.eventLog = ctx.service(EventLog.class);
        this.sessions = ctx.service(SessionCatalog.class);
        Optional<RunStore> store;
        try {
            store = Optional.of(ctx.service(Workflows.class).store());
        } catch (RuntimeException e) {
            store = Optional.empty(); // workflows unavailable in this session: runs are shown by id
        }
        this.runs = store;
        this.tasks = ctx.tasks();
    }

    public StringProperty actorProperty() {
        return actor;
    }

    public ObjectProperty<AuditAction> actionProperty() {
        return action;
    }

    public ObjectProperty<AuditRecord.Outcome> outcomeProperty() {
        return outcome;
    }

    public ObjectProperty<LocalDate> fromProperty() {
        return from;
    }

    public ObjectProperty<LocalDate> toProperty() {
        return to;
    }

    public StringProperty textProperty() {
        return text;
    }

    public ObservableList<AuditRecord> records() {
        return records;
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty chainProperty() {
        return chain.getReadOnlyProperty();
    }

    /** The query the current filter fields describe. */
    public AuditQuery query() {
        ZoneId zone = ZoneId.systemDefault();
        Set<AuditAction> actions = action.get() == null ? Set.of() : EnumSet.of(action.get());
        Set<AuditRecord.Outcome> outcomes = outcome.get() == null ? Set.of() : EnumSet.of(outcome.get());
        return new AuditQuery(blankToNull(actor.get()), actions, outcomes,
                from.get() == null ? null : from.get().atStartOfDay(zone).toInstant(),
                to.get() == null ? null : to.get().plusDays(1).atStartOfDay(zone).toInstant(),
                blankToNull(text.get()), LIMIT);
    }

    // Commands

    /** Runs the query off the FX thread and shows the rows. */
    public void search() {
        AuditQuery q = query();
        BackgroundTask.wrap(() -> {
            List<AuditRecord> rows = audit.query(q);
            nameTargets(rows);
            return rows;
        })
                .onSuccess(rows -> {
                    records.setAll(rows);
                    summary.set(Ui.text(rows.size() >= LIMIT ? "app.audit.summaryCapped" : "app.audit.summary",
                            rows.size(), LIMIT));
                })
                .onFailure(error -> summary.set(error.getMessage()))
                .executeWith(tasks);
    }

    /** Clears every filter and searches again. */
    public void clearFilters() {
        actor.set("");
        action.set(null);
        outcome.set(null);
        from.set(null);
        to.set(null);
        text.set("");
        search();
    }

    /** Walks the audit chain and says whether it is intact, or which entry is broken. */
    public void verifyChain() {
        chain.set(Ui.text("app.audit.verifying"));
        BackgroundTask.wrap(() -> eventLog.verify(Optional.of(SessionId.AUDIT)))
                .onSuccess(this::showChain)
                .onFailure(error -> chain.set(error.getMessage()))
                .executeWith(tasks);
    }

    private void showChain(VerifyReport report) {
        chain.set(report.firstBreak()
                .map(b -> Ui.text("app.audit.chainBroken", b.seq(), b.reason()))
                .orElse(Ui.text("app.audit.chainOk", report.entriesChecked())));
    }

    /**
     * What a record acted on, for people: a session by its scenario, trainee and start rather than its id (the
     * id is still what the text filter matches, and what the audit chain keeps).
     */
    public String target(AuditRecord record) {
        return targetNames.getOrDefault(record.target(), record.target());
    }

    /** Reads each target not named yet once; one that names nothing known is kept as recorded, not read again. */
    private void nameTargets(List<AuditRecord> rows) {
        for (AuditRecord r : rows) {
            String target = r.target();
            if (target == null || targetNames.containsKey(target)) {
                continue;
            }
            Optional<String> name = target.startsWith(RUN_TARGET) ? runName(target)
                    : target.startsWith(SESSION_TARGET) ? sessionName(target) : Optional.empty();
            targetNames.put(target, name.orElse(target));
        }
    }

    private Optional<String> sessionName(String target) {
        try {
            return sessions.find(new SessionId(target.substring(SESSION_TARGET.length()))).map(s ->
                    Ui.text("app.audit.session", s.title(), s.traineeName(), Ui.WHEN.format(s.startedAt())));
        } catch (IllegalArgumentException e) {
            return Optional.empty(); // not a session id after all: shown as recorded
        }
    }

    /** "run 01M9… task surgeOver" as "Workflow run: Multi-call surge · 2026-12-07 19:22 · task surgeOver". */
    private Optional<String> runName(String target) {
        String rest = target.substring(RUN_TARGET.length());
        int space = rest.indexOf(' ');
        String id = space < 0 ? rest : rest.substring(0, space);
        String task = space < 0 ? "" : rest.substring(space + 1);
        return runs.flatMap(store -> store.find(id)).map(run -> Ui.text("app.audit.run", run.name(),
                Ui.WHEN.format(run.createdAt())) + (task.isEmpty() ? "" : " \u00b7 " + task));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
