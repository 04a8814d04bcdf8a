package dev.switchboard.surveillance.ui;

import dev.switchboard.core.account.Account;
import dev.switchboard.core.error.SwitchboardException;
import dev.switchboard.core.map.MapPinsRequested;
import dev.switchboard.surveillance.engine.ClipService;
import dev.switchboard.surveillance.engine.Surveillance;
import dev.switchboard.surveillance.engine.SurveillanceSource;
import dev.switchboard.surveillance.model.Answer;
import dev.switchboard.surveillance.model.Behaviour;
import dev.switchboard.surveillance.model.CameraEvent;
import dev.switchboard.surveillance.model.ConversationInfo;
import dev.switchboard.surveillance.model.EventQuery;
import dev.switchboard.surveillance.model.IncidentRef;
import dev.switchboard.surveillance.model.Insight;
import dev.switchboard.surveillance.model.Memory;
import dev.switchboard.surveillance.model.ObjectType;
import dev.switchboard.surveillance.model.SearchHit;
import dev.switchboard.surveillance.model.Turn;
import dev.switchboard.uikit.BackgroundTask;
import dev.switchboard.uikit.DialogService;
import dev.switchboard.uikit.TaskRunner;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Surveillance workspace's state and commands: the conversation, the results of the last query (editable as
 * filters), insights with their badge, memories and the generation progress. All engine work runs through the task
 * runner; properties change on the FX thread only.
 */
public final class SurveillanceViewModel {

    /** One line of the conversation as shown. */
    public record Message(boolean user, String text, List<String> citations, String meta) {
        public Message {
            citations = List.copyOf(citations);
        }
    }

    /** One result row with its rendered still. */
    public record Row(SearchHit hit, BufferedImage still) {
    }

    private final SurveillanceSource source;
    private final Account user;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private Surveillance surveillance;
    private String conversation;

    // Properties
    private final ObservableList<Message> messages = FXCollections.observableArrayList();
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ObservableList<String> followUps = FXCollections.observableArrayList();
    private final ObservableList<Insight> insights = FXCollections.observableArrayList();
    private final ObservableList<Memory> memories = FXCollections.observableArrayList();
    private final ObservableList<IncidentRef> incidents = FXCollections.observableArrayList();
    private final ObservableList<ConversationInfo> conversations = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper streaming = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper queryText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper ready = new ReadOnlyBooleanWrapper();
    private final ReadOnlyIntegerWrapper badge = new ReadOnlyIntegerWrapper();
    private final StringProperty question = new SimpleStringProperty("");
    private final StringProperty filterText = new SimpleStringProperty("");
    private final StringProperty filterWard = new SimpleStringProperty("");
    private final StringProperty filterType = new SimpleStringProperty("");
    private final StringProperty filterBehaviour = new SimpleStringProperty("");
    private final StringProperty filterHours = new SimpleStringProperty("");
    private final StringProperty filterCamera = new SimpleStringProperty("");
    private EventQuery lastQuery;
    private final Consumer<MapPinsRequested> pinsOut;
    /** Insights the user has had in front of them (by kind and title); the badge counts the others. */
    private final Set<String> seenInsights = new java.util.HashSet<>();
    private boolean active;
    private boolean opening;

    public SurveillanceViewModel(SurveillanceSource source, Account user, TaskRunner tasks, DialogService dialogs) {
        this(source, user, tasks, dialogs, r -> { });
    }

    /**
     * @param pinsOut where a request to show the results on the control-room map goes (the event bus, in the
     *                window)
     */
    public SurveillanceViewModel(SurveillanceSource source, Account user, TaskRunner tasks, DialogService dialogs,
                                 Consumer<MapPinsRequested> pinsOut) {
        this.source = Objects.requireNonNull(source, "source");
        this.user = Objects.requireNonNull(user, "user");
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.dialogs = Objects.requireNonNull(dialogs, "dialogs");
        this.pinsOut = Objects.requireNonNull(pinsOut, "pinsOut");
    }

    // Properties

    public ObservableList<Message> messages() {
        return messages;
    }

    public ObservableList<Row> rows() {
        return rows;
    }

    public ObservableList<String> followUps() {
        return followUps;
    }

    public ObservableList<Insight> insights() {
        return insights;
    }

    public ObservableList<Memory> memories() {
        return memories;
    }

    public ObservableList<IncidentRef> incidents() {
        return incidents;
    }

    /** The user's earlier conversations, most recent first. */
    public ObservableList<ConversationInfo> conversations() {
        return conversations;
    }

    public ReadOnlyStringProperty streamingProperty() {
        return streaming.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty queryTextProperty() {
        return queryText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty readyProperty() {
        return ready.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty badgeProperty() {
        return badge.getReadOnlyProperty();
    }

    public StringProperty questionProperty() {
        return question;
    }

    public StringProperty filterTextProperty() {
        return filterText;
    }

    public StringProperty filterWardProperty() {
        return filterWard;
    }

    public StringProperty filterTypeProperty() {
        return filterType;
    }

    public StringProperty filterBehaviourProperty() {
        return filterBehaviour;
    }

    public StringProperty filterHoursProperty() {
        return filterHours;
    }

    public StringProperty filterCameraProperty() {
        return filterCamera;
    }

    /** The engine once open, or null. */
    public Surveillance surveillance() {
        return surveillance;
    }

    // Commands

    /** Opens the engine (the search index) in the background, then loads insights and memories. */
    public void open() {
        if (surveillance != null) {
            refreshSide();
            return;
        }
        if (opening) {
            return;
        }
        opening = true;
        busy.set(true);
        status.set(Text.get("surveillance.status.opening"));
        BackgroundTask.wrap(source::get).onSuccess(s -> {
            surveillance = s;
            s.setProgress((stage, done, total) -> Platform.runLater(() -> {
                status.set(total == 0 ? Text.get("surveillance.status.working", stage)
                        : Text.get("surveillance.status.progress", stage, done, total, done * 100 / Math.max(1,
                                total)));
                if (total > 0 && done >= total) {
                    refreshSide();
                }
            }));
            ready.set(true);
            busy.set(false);
            status.set(Text.get("surveillance.status.ready", s.store().count()));
            refreshSide();
        }).onFailure(error -> {
            opening = false;
            busy.set(false);
            if (error instanceof java.util.concurrent.CancellationException
                    || error.getCause() instanceof java.util.concurrent.CancellationException) {
                return; // the source was closed while opening (sign-out, quit): not a failure to report
            }
            status.set(Text.get("surveillance.status.failed"));
            dialogs.showError(Text.get("surveillance.error.open"), error);
        }).executeWith(tasks);
    }

    /** Insights, memories and incidents again. */
    public void refreshSide() {
        Surveillance s = surveillance;
        if (s == null) {
            return;
        }
        BackgroundTask.wrap(() -> new Side(s.insights(), s.memories().list(user.id().value()),
                s.store().incidents(50), s.store().count(), s.conversations().list(user.id().value(), 30)))
                .onSuccess(side -> {
                    insights.setAll(side.insights());
                    conversations.setAll(side.conversations());
                    updateBadge();
                    memories.setAll(side.memories());
                    incidents.setAll(side.incidents());
                    if (!busy.get()) {
                        status.set(Text.get("surveillance.status.ready", side.events()));
                    }
                }).onFailure(error -> status.set(Text.get("surveillance.status.failed")))
                .executeWith(tasks);
    }

    /** The workspace is in front of the user: what it shows now counts as seen. */
    public void setActive(boolean now) {
        active = now;
        updateBadge();
    }

    /** The badge: insights the user has not had in front of them yet (all are seen while the workspace shows). */
    private void updateBadge() {
        if (active) {
            insights.forEach(i -> seenInsights.add(insightKey(i)));
        }
        badge.set((int) insights.stream().filter(i -> !seenInsights.contains(insightKey(i))).count());
    }

    private static String insightKey(Insight i) {
        return i.kind() + "|" + i.title();
    }

    /**
     * Asks the control room to draw the results shown now as numbered pins on its map (camera and time beside each);
     * false when there is nothing to show.
     */
    public boolean showOnControlRoomMap() {
        if (rows.isEmpty()) {
            return false;
        }
        List<MapPinsRequested.Pin> pins = rows.stream().map(r -> r.hit().event()).map(e -> new MapPinsRequested.Pin(
                e.ref(), e.cameraName() + " · " + dev.switchboard.surveillance.model.CityTime.shortText(e.at()),
                e.position())).toList();
        pinsOut.accept(new MapPinsRequested(Text.get("surveillance.title"), queryText.get().isEmpty()
                ? Text.get("surveillance.map.results") : queryText.get(), pins));
        return true;
    }

    private record Side(List<Insight> insights, List<Memory> memories, List<IncidentRef> incidents, long events,
                        List<ConversationInfo> conversations) {
    }

    /** Reopens an earlier conversation: its turns come back and the next question continues it. */
    public void resume(ConversationInfo info) {
        Surveillance s = surveillance;
        if (s == null || info == null || busy.get() || info.id().equals(conversation)) {
            return;
        }
        BackgroundTask.wrap(() -> s.conversations().turns(info.id())).onSuccess(turns -> {
            newConversation();
            conversation = info.id();
            for (Turn t : turns) {
                messages.add(new Message(t.role() == Turn.Role.USER, t.text(), t.citations(), ""));
            }
        }).onFailure(error -> status.set(message(error))).executeWith(tasks);
    }

    /** Starts a new conversation. */
    public void newConversation() {
        conversation = null;
        messages.clear();
        followUps.clear();
        rows.clear();
        queryText.set("");
    }

    /** Asks the current question. */
    public void ask() {
        ask(question.get());
    }

    /** Asks {@code text} (a typed question or a clicked suggestion). */
    public void ask(String text) {
        Surveillance s = surveillance;
        if (s == null || busy.get() || text == null || text.isBlank()) {
            return;
        }
        messages.add(new Message(true, text.strip(), List.of(), ""));
        question.set("");
        busy.set(true);
        streaming.set("");
        StringBuilder streamed = new StringBuilder();
        Consumer<String> tokens = t -> Platform.runLater(() -> {
            streamed.append(t);
            streaming.set(streamed.toString());
        });
        String userId = user.id().value();
        BackgroundTask.wrap(() -> {
            Answer a = s.ask(conversation, userId, user.username(), text, tokens);
            return new Asked(a, stills(s, a.hits()));
        }).onSuccess(asked -> {
            Answer a = asked.answer();
            conversation = a.conversation();
            streaming.set("");
            messages.add(new Message(false, a.text(), a.citations(), Text.get("surveillance.answer.meta",
                    a.intent().label(), String.format(Locale.ROOT, "%.2f", a.confidence()),
                    a.provenance().label())));
            followUps.setAll(a.followUps());
            if (conversations.stream().noneMatch(c -> c.id().equals(a.conversation()))) {
                refreshSide();
            }
            if (a.query() != null) {
                show(a.query(), asked.rows());
            } else if (!asked.rows().isEmpty()) {
                rows.setAll(asked.rows());
            }
            busy.set(false);
        }).onFailure(error -> {
            streaming.set("");
            busy.set(false);
            messages.add(new Message(false, message(error), List.of(), Text.get("surveillance.answer.refused")));
        }).executeWith(tasks);
    }

    private record Asked(Answer answer, List<Row> rows) {
    }

    private static List<Row> stills(Surveillance s, List<SearchHit> hits) {
        List<Row> out = new ArrayList<>();
        for (SearchHit h : hits.subList(0, Math.min(30, hits.size()))) {
            out.add(new Row(h, s.still(h.event())));
        }
        return out;
    }

    private void show(EventQuery q, List<Row> results) {
        lastQuery = q;
        queryText.set(q.describe());
        filterText.set(q.text());
        filterWard.set(String.join(",", q.wards()));
        filterType.set(String.join(",", q.types().stream().map(ObjectType::code).sorted().toList()));
        filterBehaviour.set(String.join(",", q.behaviours().stream().map(Behaviour::code).sorted().toList()));
        filterHours.set(q.hours() == null ? "" : q.hours().describe());
        filterCamera.set(String.join(",", q.cameras().stream().map(String::valueOf).toList()));
        rows.setAll(results);
    }

    /** Runs the last query with the filters as edited. */
    public void runFilters() {
        Surveillance s = surveillance;
        if (s == null || busy.get()) {
            return;
        }
        EventQuery q;
        try {
            q = edited(lastQuery == null ? EventQuery.all().withLimit(20) : lastQuery);
        } catch (RuntimeException e) {
            status.set(message(e));
            return;
        }
        busy.set(true);
        EventQuery run = q;
        BackgroundTask.wrap(() -> {
            var r = s.search(run, user.username());
            return stills(s, r.hits());
        }).onSuccess(found -> {
            show(run, found);
            busy.set(false);
        }).onFailure(error -> {
            busy.set(false);
            status.set(message(error));
        }).executeWith(tasks);
    }

    /** The query with the edited filters applied. */
    EventQuery edited(EventQuery base) {
        EventQuery q = base.withText(filterText.get());
        q = q.withWards(split(filterWard.get()));
        List<ObjectType> types = new ArrayList<>();
        for (String t : split(filterType.get())) {
            ObjectType type = ObjectType.fromCode(t);
            if (type == null) {
                throw new IllegalArgumentException(Text.get("surveillance.filter.badType", t));
            }
            types.add(type);
        }
        q = q.withTypes(Set.copyOf(types));
        List<Behaviour> behaviours = new ArrayList<>();
        for (String b : split(filterBehaviour.get())) {
            Behaviour behaviour = Behaviour.fromCode(b);
            if (behaviour == null) {
                throw new IllegalArgumentException(Text.get("surveillance.filter.badBehaviour", b));
            }
            behaviours.add(behaviour);
        }
        q = q.withBehaviours(Set.copyOf(behaviours));
        List<Integer> cameras = new ArrayList<>();
        for (String c : split(filterCamera.get())) {
            try {
                cameras.add(Integer.parseInt(c));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(Text.get("surveillance.filter.badCamera", c), e);
            }
        }
        q = q.withCameras(cameras);
        String hours = filterHours.get().strip();
        if (hours.isEmpty()) {
            q = q.withHours(null);
        } else {
            String[] p = hours.split("[–\\-]");
            try {
                q = q.withHours(new EventQuery.HourWindow(minutes(p[0]), minutes(p[1])));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(Text.get("surveillance.filter.badHours", hours), e);
            }
        }
        return q;
    }

    private static int minutes(String hhmm) {
        String[] p = hhmm.strip().split(":");
        int h = Integer.parseInt(p[0]);
        return h * 60 + (p.length > 1 ? Integer.parseInt(p[1]) : 0);
    }

    private static List<String> split(String s) {
        List<String> out = new ArrayList<>();
        for (String part : (s == null ? "" : s).split(",")) {
            if (!part.isBlank()) {
                out.add(part.strip().toLowerCase(Locale.ROOT));
            }
        }
        return out;
    }

    /** Opens an event's clip (audited), then hands it to {@code show} on the FX thread. */
    public void openClip(long eventId, Consumer<ClipService.Clip> show) {
        Surveillance s = surveillance;
        if (s == null) {
            return;
        }
        BackgroundTask.wrap(() -> s.clip(eventId, user.username())).onSuccess(show::accept)
                .onFailure(error -> status.set(message(error))).executeWith(tasks);
    }

    /** Attaches an event's clip to an incident. */
    public void attach(long eventId, IncidentRef incident) {
        Surveillance s = surveillance;
        if (s == null || incident == null) {
            return;
        }
        BackgroundTask.wrap(() -> {
            s.attach(eventId, incident.id(), user.username());
            return incident;
        }).onSuccess(i -> status.set(Text.get("surveillance.attached", CameraEvent.ref(eventId), i.title())))
                .onFailure(error -> status.set(message(error))).executeWith(tasks);
    }

    /** Changes a memory's text. */
    public void editMemory(Memory m, String text) {
        Surveillance s = surveillance;
        if (s == null || text == null || text.isBlank()) {
            return;
        }
        BackgroundTask.wrap(() -> s.memories().update(user.id().value(), m.id(), text.strip(), java.time.Instant.now()))
                .onSuccess(ok -> refreshSide()).onFailure(error -> status.set(message(error))).executeWith(tasks);
    }

    /** Deletes a memory. */
    public void deleteMemory(Memory m) {
        Surveillance s = surveillance;
        if (s == null) {
            return;
        }
        BackgroundTask.wrap(() -> s.memories().delete(user.id().value(), m.id())).onSuccess(ok -> refreshSide())
                .onFailure(error -> status.set(message(error))).executeWith(tasks);
    }

    /** The event behind a citation, if it is among the results shown. */
    public SearchHit hit(String ref) {
        for (Row r : rows) {
            if (r.hit().event().ref().equals(ref)) {
                return r.hit();
            }
        }
        return null;
    }

    static String message(Throwable error) {
        Throwable e = error;
        while (e.getCause() != null && !(e instanceof SwitchboardException)) {
            e = e.getCause();
        }
        return e instanceof SwitchboardException se ? se.getMessage() : String.valueOf(e.getMessage());
    }
}
