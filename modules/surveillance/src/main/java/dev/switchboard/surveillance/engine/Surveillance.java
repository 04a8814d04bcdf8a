package dev.switchboard.surveillance.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.ai.ChatService;
import dev.switchboard.core.account.AuditAction;
import dev.switchboard.core.account.AuditRecord;
import dev.switchboard.core.account.AuditTrail;
import dev.switchboard.core.error.InputException;
import dev.switchboard.core.id.SessionId;
import dev.switchboard.store.Database;
import dev.switchboard.store.eventlog.AppendRequest;
import dev.switchboard.store.eventlog.EventLog;
import dev.switchboard.surveillance.model.Answer;
import dev.switchboard.surveillance.model.CameraEvent;
import dev.switchboard.surveillance.model.CityTime;
import dev.switchboard.surveillance.model.EventQuery;
import dev.switchboard.surveillance.model.IncidentRef;
import dev.switchboard.surveillance.model.Insight;
import dev.switchboard.surveillance.model.SearchResult;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Surveillance chat's engine as the workspace and the CLI use it, built once by the composition root: generation
 * of history, the live feed from incidents of the control room and the call console, search, the conversation,
 * insights, clips and attachments. Every search, answer and clip opened for a user is audited. Thread-safe.
 */
public final class Surveillance implements AutoCloseable {

    /** Events a live hour brings on average over all cameras (ordinary life between incidents). */
    public static final double LIVE_EVENTS_PER_HOUR = 900;

    private static final Logger LOG = LoggerFactory.getLogger(Surveillance.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final EventStore store;
    private final EventSearch search;
    private final CameraDirectory cameras;
    private final PlaceResolver places;
    private final ConversationStore conversations;
    private final MemoryStore memories;
    private final Insights insights;
    private final ClipService clips;
    private final ChatAssistant assistant;
    private final EventLog eventLog;
    private final AuditTrail audit;
    private final Clock clock;
    private final EventGenerator liveGenerator;
    private final SplittableRandom liveRandom;
    private final PriorityQueue<EventGenerator.Generated> scheduled = new PriorityQueue<>(
            java.util.Comparator.comparing(g -> g.event().at()));
    private volatile Progress listener = Progress.NONE;
    private long liveBatch = -1;
    private Instant lastTick;

    /** What the composition root hands in. {@code chat} may be null (offline only). */
    public record Services(Database db, Path dataRoot, CameraDirectory cameras, PlaceResolver places,
                           TextEmbedder embedder, ChatService chat, BooleanSupplier llmOnline, EventLog eventLog,
                           AuditTrail audit, Clock clock) {
    }

    public Surveillance(Services s) {
        this.store = new EventStore(s.db());
        this.cameras = Objects.requireNonNull(s.cameras(), "cameras");
        this.places = Objects.requireNonNull(s.places(), "places");
        this.search = new EventSearch(store, s.dataRoot().resolve("surveillance").resolve("index"), s.embedder());
        this.conversations = new ConversationStore(s.db());
        this.memories = new MemoryStore(s.db(), s.embedder());
        this.insights = new Insights(search, cameras);
        this.clips = new ClipService(cameras);
        this.eventLog = s.eventLog();
        this.audit = Objects.requireNonNull(s.audit(), "audit");
        this.clock = Objects.requireNonNull(s.clock(), "clock");
        this.assistant = new ChatAssistant(new ChatAssistant.Parts(search, cameras, places, conversations, memories,
                insights, clock, audit, s.chat() == null ? null : new LlmChat(s.chat()), s.llmOnline(),
                this::attach));
        this.liveGenerator = new EventGenerator(cameras, 7);
        this.liveRandom = new SplittableRandom(clock.millis());
    }

    /** Opens (or rebuilds) the search index; call once, off the UI thread. */
    public Surveillance open() {
        search.open();
        precomputeInsights();
        return this;
    }

    /** Works out the insights in the background, so the first "anything unusual?" finds them ready. */
    private void precomputeInsights() {
        Thread.ofVirtual().name("surveillance-insights").start(() -> {
            try {
                insights();
            } catch (RuntimeException e) {
                LOG.debug("Insights not precomputed: {}", e.toString());
            }
        });
    }

    /** Where progress of background work goes (the workspace's status line); replaces the previous listener. */
    public void setProgress(Progress p) {
        listener = p == null ? Progress.NONE : p;
        search.setProgress(p);
    }

    /** A progress sink that forwards to whichever listener is set when it reports (for work started elsewhere). */
    public Progress progress() {
        return (stage, done, total) -> listener.update(stage, done, total);
    }

    public EventSearch search() {
        return search;
    }

    public EventStore store() {
        return store;
    }

    public CameraDirectory cameras() {
        return cameras;
    }

    public PlaceResolver places() {
        return places;
    }

    public ConversationStore conversations() {
        return conversations;
    }

    public MemoryStore memories() {
        return memories;
    }

    public ChatAssistant assistant() {
        return assistant;
    }

    /** What generation did. */
    public record Generated(long batch, long events, Instant from, Instant to, int incidents, boolean alreadyThere,
                            long millis) {
    }

    /**
     * Fills the store with {@code events} events over the {@code days} days before {@code until}, deterministically
     * for {@code seed}; indexes them as they are stored (keyword search works at once) and embeds new descriptions
     * in the background. A run with the same seed and span as one already stored changes nothing.
     */
    public Generated generate(int days, long events, long seed, Instant until, Progress progress) {
        if (days < 1 || days > 366) {
            throw InputException.field("days", "must be within 1..366, was " + days);
        }
        if (events < 1 || events > 20_000_000) {
            throw InputException.field("events", "must be within 1..20000000, was " + events);
        }
        long started = System.nanoTime();
        Instant to = until.truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
        Instant from = to.minus(Duration.ofDays(days));
        if (store.hasGenerated(seed, from, to)) {
            return new Generated(-1, 0, from, to, 0, true, 0);
        }
        // The same generation interrupted earlier (the program closed mid-way) resumes after its last stored hour:
        // generation is deterministic and stores whole hours at a time.
        EventStore.PartialBatch partial = store.lastGenerated(true).filter(b -> b.seed() == seed
                && b.from().equals(from) && b.to().equals(to)).orElse(null);
        long batch = partial != null ? partial.id() : store.newBatch("generated", seed, from, to, clock.instant());
        store.planBatch(batch, events);
        Instant skipUntil = partial == null || partial.lastEvent() == null ? null : partial.lastEvent();
        EventGenerator generator = new EventGenerator(cameras, seed);
        List<EventGenerator.Generated> pending = new ArrayList<>();
        long[] done = {0};
        long[] lastRefresh = {System.nanoTime()};
        Consumer<List<EventGenerator.Generated>> flush = list -> {
            List<StoredEvent> stored = store.insert(batch, list);
            search.ingestQuietly(stored);
            done[0] += stored.size();
            if (System.nanoTime() - lastRefresh[0] > 1_000_000_000L) {
                search.refreshNow();
                lastRefresh[0] = System.nanoTime();
            }
            progress.update("generating and indexing camera events", done[0], events);
        };
        EventGenerator.Plan plan = generator.generate(from, to, events, hour -> {
            if (skipUntil != null && !hour.get(hour.size() - 1).event().at().isAfter(skipUntil)) {
                done[0] += hour.size();
                return;
            }
            pending.addAll(hour);
            if (pending.size() >= Math.min(20_000, Math.max(100, events / 10))) {
                flush.accept(new ArrayList<>(pending));
                pending.clear();
            }
        });
        if (!pending.isEmpty()) {
            flush.accept(pending);
        }
        for (IncidentRef i : plan.incidents()) {
            store.saveIncident(i);
        }
        search.refreshNow();
        search.commit();
        store.completeBatch(batch);
        search.embedPendingInBackground();
        precomputeInsights();
        return new Generated(batch, done[0], from, to, plan.incidents().size(), false,
                (System.nanoTime() - started) / 1_000_000);
    }

    /**
     * The demo's history: resumes an interrupted generation, or generates a week before {@code until} when none was
     * ever generated; does nothing when one is complete.
     */
    public Generated generateOrResume(int days, long events, long seed, Instant until, Progress progress) {
        var last = store.lastGenerated(false);
        if (last.isPresent()) {
            EventStore.PartialBatch b = last.get();
            if (store.hasGenerated(b.seed(), b.from(), b.to())) {
                return new Generated(-1, 0, b.from(), b.to(), 0, true, 0);
            }
            int span = (int) Duration.between(b.from(), b.to()).toDays();
            return generate(span, b.planned() > 0 ? b.planned() : events, b.seed(), b.to(), progress);
        }
        return generate(days, events, seed, until, progress);
    }

    // ---- the live feed

    /**
     * An incident opened in the control room or the call console: remembered (so "cameras near this incident"
     * finds it) and its traces scheduled on the cameras around it, before and after it.
     */
    public synchronized void incidentOpened(IncidentRef incident) {
        store.saveIncident(incident);
        List<EventGenerator.Generated> traces = liveGenerator.traces(incident,
                EventGenerator.IncidentKind.guess(incident.title()), liveRandom);
        scheduled.addAll(traces);
        tick(clock.instant());
    }

    public void incidentClosed(String id) {
        store.closeIncident(id);
    }

    /**
     * Stores what the cameras saw up to {@code now}: ordinary life since the last tick and incident traces that are
     * due. Call every few seconds while the workstation runs.
     */
    public synchronized List<CameraEvent> tick(Instant now) {
        List<EventGenerator.Generated> due = new ArrayList<>();
        if (lastTick != null && now.isAfter(lastTick)) {
            Instant from = lastTick.isBefore(now.minus(Duration.ofHours(1))) ? now.minus(Duration.ofHours(1))
                    : lastTick;
            due.addAll(liveGenerator.ambient(from, now, LIVE_EVENTS_PER_HOUR, liveRandom));
        }
        lastTick = now;
        while (!scheduled.isEmpty() && !scheduled.peek().event().at().isAfter(now)) {
            due.add(scheduled.poll());
        }
        if (due.isEmpty()) {
            return List.of();
        }
        due.sort(java.util.Comparator.comparing(g -> g.event().at()));
        if (liveBatch < 0) {
            liveBatch = store.newBatch("live", null, now, now, now);
        }
        List<StoredEvent> stored = store.insert(liveBatch, due);
        search.ingest(stored);
        return stored.stream().map(StoredEvent::event).toList();
    }

    // ---- what users do (audited)

    /** Runs a query for a user; audited. */
    public SearchResult search(EventQuery q, String username) {
        SearchResult r = search.search(q);
        audit(username, "search", q.describe() + " → " + r.hits().size() + " results");
        return r;
    }

    /** Answers a question (see {@link ChatAssistant#ask}); audited there. */
    public Answer ask(String conversation, String userId, String username, String question, Consumer<String> tokens) {
        return assistant.ask(conversation, userId, username, question, tokens);
    }

    /** The current insights, most significant first. */
    public List<Insight> insights() {
        return insights.find(clock.instant(), store.incidents(100));
    }

    /** Opens an event's clip for a user; audited. */
    public ClipService.Clip clip(long eventId, String username) {
        CameraEvent e = event(eventId);
        ClipService.Clip clip = clips.clip(e);
        audit(username, "clip " + e.ref(), "opened the clip of " + e.cameraName() + " at " + CityTime.iso(e.at()));
        return clip;
    }

    /** An event's still (for thumbnails; not audited: the list shows many). */
    public BufferedImage still(CameraEvent e) {
        return clips.still(e);
    }

    public CameraEvent event(long eventId) {
        return store.byId(eventId).orElseThrow(() -> InputException.field("event", "no event "
                + CameraEvent.ref(eventId)));
    }

    /**
     * Attaches an event's clip to an incident as evidence: kept with the incident, appended to the incident's
     * session log (so Review shows it on that session's timeline) and audited.
     */
    public void attach(long eventId, String incidentId, String username) {
        CameraEvent e = event(eventId);
        IncidentRef incident = store.incident(incidentId).orElseThrow(() -> InputException.field("incident",
                "no incident " + incidentId));
        Instant now = clock.instant();
        store.attach(incident.id(), e.id(), username, now, e.description());
        if (incident.sessionId() != null && eventLog != null) {
            ObjectNode payload = JSON.createObjectNode().put("incident", incident.id()).put("event", e.ref())
                    .put("camera", e.camera()).put("cameraName", e.cameraName()).put("time", CityTime.iso(e.at()))
                    .put("description", e.description()).put("by", username).put("clip", "clip:" + e.ref());
            eventLog.append(new AppendRequest(new SessionId(incident.sessionId()), incident.simMillis(),
                    "surveillance.clip.attached", payload.toString()));
        }
        audit(username, "attach " + e.ref(), "attached to incident " + incident.id());
    }

    private void audit(String username, String target, String detail) {
        try {
            audit.record(new AuditRecord(clock.instant(), username, AuditAction.SURVEILLANCE_ACCESS, target,
                    AuditRecord.Outcome.SUCCESS, detail.length() > 500 ? detail.substring(0, 499) + "…" : detail));
        } catch (RuntimeException ex) {
            LOG.error("Audit record not written for {} {}", username, target, ex);
            throw ex;
        }
    }

    @Override
    public void close() {
        search.close();
    }
}
