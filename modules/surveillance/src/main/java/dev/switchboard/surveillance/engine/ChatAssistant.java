package dev.switchboard.surveillance.engine;

import dev.switchboard.ai.ChatReply;
import dev.switchboard.ai.Provenance;
import dev.switchboard.core.account.AuditAction;
import dev.switchboard.core.account.AuditRecord;
import dev.switchboard.core.account.AuditTrail;
import dev.switchboard.core.error.InputException;
import dev.switchboard.surveillance.model.Aggregates;
import dev.switchboard.surveillance.model.Answer;
import dev.switchboard.surveillance.model.Behaviour;
import dev.switchboard.surveillance.model.CameraEvent;
import dev.switchboard.surveillance.model.EventQuery;
import dev.switchboard.surveillance.model.IncidentRef;
import dev.switchboard.surveillance.model.Insight;
import dev.switchboard.surveillance.model.Intent;
import dev.switchboard.surveillance.model.Memory;
import dev.switchboard.surveillance.model.SearchHit;
import dev.switchboard.surveillance.model.SearchResult;
import dev.switchboard.surveillance.model.Turn;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The conversation: reads a question (rules, or a model in LLM mode), plans its query with the conversation's focus
 * and the user's memories, runs it, writes the answer with citations (offline, or streamed by the model with its
 * citations checked), suggests follow-ups, and keeps the turn, the focus and the audit record. Thread-safe.
 */
public final class ChatAssistant {

    /** Longest question accepted, in characters. */
    public static final int MAX_QUESTION = 2_000;

    private static final Logger LOG = LoggerFactory.getLogger(ChatAssistant.class);
    private static final Pattern CAMERA_IN_MEMORY = Pattern.compile("\\bcamera\\s+(\\d{1,5})\\b",
            Pattern.CASE_INSENSITIVE);

    private final EventSearch search;
    private final CameraDirectory cameras;
    private final RuleInterpreter rules;
    private final QueryPlanner planner;
    private final ConversationStore conversations;
    private final MemoryStore memories;
    private final Insights insights;
    private final Clock clock;
    private final AuditTrail audit;
    private final LlmChat llm;
    private final BooleanSupplier llmOnline;
    private final Attacher attacher;

    /**
     * What the assistant works with; {@code llm} may be null (rules and offline answers only), {@code attacher}
     * null when clips cannot be attached from the conversation.
     */
    public record Parts(EventSearch search, CameraDirectory cameras, PlaceResolver places,
                        ConversationStore conversations, MemoryStore memories, Insights insights, Clock clock,
                        AuditTrail audit, LlmChat llm, BooleanSupplier llmOnline, Attacher attacher) {
    }

    /** Attaches an event's clip to an incident for a user (kept, logged in the incident's session, audited). */
    @FunctionalInterface
    public interface Attacher {
        void attach(long eventId, String incidentId, String username);
    }

    public ChatAssistant(Parts p) {
        this.search = Objects.requireNonNull(p.search(), "search");
        this.cameras = Objects.requireNonNull(p.cameras(), "cameras");
        this.rules = new RuleInterpreter(p.places());
        this.planner = new QueryPlanner(p.cameras());
        this.conversations = Objects.requireNonNull(p.conversations(), "conversations");
        this.memories = Objects.requireNonNull(p.memories(), "memories");
        this.insights = Objects.requireNonNull(p.insights(), "insights");
        this.clock = Objects.requireNonNull(p.clock(), "clock");
        this.audit = Objects.requireNonNull(p.audit(), "audit");
        this.llm = p.llm();
        this.llmOnline = p.llmOnline() == null ? () -> false : p.llmOnline();
        this.attacher = p.attacher();
    }

    /** The rule interpreter (for the intent evaluation and the CLI). */
    public RuleInterpreter rules() {
        return rules;
    }

    /**
     * Answers {@code question} in {@code conversationId} (a new conversation when null) for the user; the answer's
     * text also goes to {@code tokens} as it is written (token by token in LLM mode).
     *
     * @throws InputException for an empty, too long or control-character question, an unknown conversation or
     *                        camera, an impossible time range, or a reference to nothing in focus
     */
    public Answer ask(String conversationId, String userId, String username, String question,
                      Consumer<String> tokens) {
        String q = validate(question);
        Instant now = clock.instant();
        // A new conversation is created only once the question has been answered, so refused input leaves nothing.
        String id = conversationId == null || conversationId.isBlank() ? null
                : conversation(conversationId, userId, q, now);
        Focus focus = id == null ? new Focus() : conversations.focus(id);
        boolean hasHistory = focus.lastQuery != null;
        Interpretation in = rules.interpret(q, now, hasHistory);
        if (llm != null && llmOnline.getAsBoolean() && in.intent() != Intent.REMEMBER && in.intent() != Intent.FORGET) {
            try {
                Interpretation model = llm.interpret(q, in).orElse(null);
                if (model != null) {
                    in = model;
                }
            } catch (RuntimeException e) {
                LOG.warn("The model could not read the question; using the rules: {}", e.toString());
            }
        }
        List<String> notes = new ArrayList<>();
        in = withMemories(in, userId, q, notes);
        List<IncidentRef> incidents = search.store().incidents(200);
        QueryPlanner.Plan plan = planner.plan(in, focus, now, incidents, ref -> search.store().byId(ref)
                .orElse(null));
        Result r = run(plan, in, focus, userId, q, now);
        if (plan.intent() == Intent.ATTACH && attacher != null) {
            attacher.attach(plan.target().id(), plan.incident().id(), username);
        }
        String lead = notes.isEmpty() ? "" : String.join(" ", notes) + "\n";
        String text = lead + r.written.text();
        List<String> citations = r.written.citations();
        Provenance provenance = Provenance.offline("rules", Duration.ZERO, "");
        if (id == null) {
            id = conversations.create(userId, q, now);
        }
        if (llm != null && llmOnline.getAsBoolean() && !r.hits.isEmpty()) {
            List<Turn> turns = conversations.turns(id);
            ContextWindow.Window w = ContextWindow.build(turns, conversations.summary(id), ContextWindow.DEFAULT_BUDGET,
                    2_500);
            ChatReply reply = llm.answer(q, w.messages(), r.hits, r.written.text(), text, tokens);
            Set<String> allowed = r.hits.stream().map(h -> h.event().ref()).collect(Collectors.toSet());
            Citations.Checked checked = Citations.check(reply.text(), allowed);
            text = checked.text();
            citations = checked.kept().isEmpty() && reply.provenance().isOffline() ? citations : checked.kept();
            provenance = reply.provenance();
            conversations.saveSummary(id, w.summary());
        } else {
            tokens.accept(text);
        }
        Answer answer = new Answer(id, plan.intent(), in.confidence(), plan.query(), text, r.hits, citations,
                FollowUps.suggest(plan.intent(), plan.query(), r.hits, plan.incident() != null
                        || focus.incidentId != null), provenance);
        remember(id, q, answer, plan, focus, now);
        audit.record(new AuditRecord(now, username, AuditAction.SURVEILLANCE_ACCESS, "ask " + id,
                AuditRecord.Outcome.SUCCESS, plan.intent().code() + (plan.query() == null ? "" : ": "
                + plan.query().describe()) + (citations.isEmpty() ? "" : "; cited " + String.join(" ", citations))));
        return answer;
    }

    private record Result(OfflineAnswerer.Written written, List<SearchHit> hits) {
    }

    private Result run(QueryPlanner.Plan plan, Interpretation in, Focus focus, String userId, String question,
                       Instant now) {
        EventQuery q = plan.query();
        return switch (plan.intent()) {
            case HELP -> new Result(new OfflineAnswerer.Written(OfflineAnswerer.help(), List.of()), List.of());
            case SMALL_TALK -> new Result(new OfflineAnswerer.Written(OfflineAnswerer.smallTalk(question), List.of()),
                    List.of());
            case OUT_OF_SCOPE -> new Result(new OfflineAnswerer.Written(OfflineAnswerer.outOfScope(), List.of()),
                    List.of());
            case REMEMBER -> new Result(new OfflineAnswerer.Written(remember(userId, question, now), List.of()),
                    List.of());
            case FORGET -> new Result(new OfflineAnswerer.Written(forget(userId, question), List.of()), List.of());
            case SHOW_CLIP -> {
                CameraEvent e = plan.target();
                yield new Result(new OfflineAnswerer.Written("Clip of " + OfflineAnswerer.line(e)
                        + "\nIt opens at the event's moment; step through it frame by frame or export it.",
                        List.of(e.ref())), List.of(SearchHit.of(e, 1)));
            }
            case EXPLAIN -> {
                CameraEvent e = plan.target();
                EventQuery last = focus.lastQuery == null ? null : focus.lastQuery.query();
                int rank = focus.lastResults.indexOf(e.id()) + 1;
                yield new Result(OfflineAnswerer.explain(e, last, 0, rank), List.of(SearchHit.of(e, 1)));
            }
            case ATTACH -> {
                CameraEvent e = plan.target();
                IncidentRef i = plan.incident();
                if (i == null) {
                    throw InputException.field("incident", "no incident to attach to; open one in the control room "
                            + "or the call console first, or name it by its id");
                }
                yield new Result(new OfflineAnswerer.Written((attacher == null ? "To attach: the clip of "
                        : "Attached the clip of ") + OfflineAnswerer.line(e) + " to " + i.title() + " (" + i.id()
                        + ")" + (i.sessionId() == null ? "." : "; it is on that session's log for review."),
                        List.of(e.ref())), List.of(SearchHit.of(e, 1)));
            }
            case TRACK -> {
                SearchResult later = search.search(q.withLimit(50));
                List<SearchHit> route = new ArrayList<>(later.hits());
                route.sort(java.util.Comparator.comparing(h -> h.event().at()));
                List<SearchHit> hits = new ArrayList<>();
                hits.add(SearchHit.of(plan.target(), 1));
                hits.addAll(route.subList(0, Math.min(10, route.size())));
                yield new Result(OfflineAnswerer.track(plan.target(), route), hits);
            }
            case COUNT -> {
                Aggregates a = search.aggregate(q);
                List<SearchHit> latest = search.search(q.withText("").withLimit(5)).hits();
                yield new Result(OfflineAnswerer.count(a, q, latest), latest);
            }
            case COMPARE -> {
                Aggregates a = search.aggregate(q);
                Aggregates b = search.aggregate(plan.previous());
                yield new Result(OfflineAnswerer.compare(a, b, q, plan.previous()), List.of());
            }
            case SUMMARISE -> {
                Aggregates a = search.aggregate(q);
                Set<Behaviour> serious = Set.of(Behaviour.FIGHTING, Behaviour.WEAPON, Behaviour.BURNING,
                        Behaviour.CRASH, Behaviour.FALL, Behaviour.ABANDONED);
                List<SearchHit> notable = search.search(q.withBehaviours(serious).withLimit(10)).hits();
                yield new Result(OfflineAnswerer.summarise(a, q, notable), notable);
            }
            case UNUSUAL -> {
                List<Insight> found = insights.find(q.to() == null ? now : q.to(), search.store().incidents(50));
                List<Insight> scoped = found.stream().filter(i -> inScope(i, q)).toList();
                Set<Long> ids = new HashSet<>();
                scoped.forEach(i -> i.evidence().stream().limit(2).forEach(r -> ids.add(CameraEvent.parseRef(r))));
                List<SearchHit> hits = search.store().byIds(new ArrayList<>(ids)).stream().map(e -> SearchHit.of(e, 1))
                        .toList();
                yield new Result(OfflineAnswerer.unusual(scoped, q.describe().equals("all events") ? "lately"
                        : "for " + q.describe()), hits);
            }
            default -> {
                SearchResult result = search.search(q);
                String lead = plan.intent() == Intent.NEAR_INCIDENT && plan.incident() != null
                        ? "Near " + plan.incident().title() + " (" + plan.incident().id() + ", opened "
                        + dev.switchboard.surveillance.model.CityTime.shortText(plan.incident().at()) + "): " : "";
                yield new Result(OfflineAnswerer.search(result, lead), result.hits());
            }
        };
    }

    private boolean inScope(Insight i, EventQuery q) {
        if (q.wards().isEmpty() && q.near() == null && q.cameras().isEmpty()) {
            return true;
        }
        for (String ref : i.evidence()) {
            CameraEvent e = search.store().byId(CameraEvent.parseRef(ref)).orElse(null);
            if (e == null) {
                continue;
            }
            if (!q.wards().isEmpty() && q.wards().contains(e.wardId()) || !q.cameras().isEmpty()
                    && q.cameras().contains(e.camera()) || q.near() != null && e.position()
                    .distanceMeters(q.near().centre()) <= q.near().radiusMeters() * 2) {
                return true;
            }
        }
        return false;
    }

    /** Memories that name a camera fill in the camera a question leaves out ("the school gate camera"). */
    private Interpretation withMemories(Interpretation in, String userId, String question, List<String> notes) {
        if (in.intent() == Intent.REMEMBER || in.intent() == Intent.FORGET || in.intent() == Intent.HELP
                || in.intent() == Intent.SMALL_TALK) {
            return in;
        }
        List<MemoryStore.Recalled> recalled;
        try {
            recalled = memories.recall(userId, question, 2, 0.62);
        } catch (RuntimeException e) {
            LOG.warn("Memories could not be recalled: {}", e.toString());
            return in;
        }
        if (recalled.isEmpty()) {
            return in;
        }
        Memory m = recalled.get(0).memory();
        notes.add("(Remembered: " + m.text() + ")");
        Entities e = in.entities();
        Matcher cam = CAMERA_IN_MEMORY.matcher(m.text());
        if (e.cameras().isEmpty() && cam.find() && question.toLowerCase(Locale.ROOT).contains("camera")) {
            int number = Integer.parseInt(cam.group(1));
            if (cameras.camera(number).isPresent()) {
                Entities with = new Entities(List.of(number), e.types(), e.behaviours(), e.colours(), e.plate(),
                        e.place(), e.radiusMeters(), e.time(), e.eventRefs(), e.ordinal(), e.there(), e.sameCamera(),
                        e.thatObject(), e.incidentWord(), e.incidentId(), e.minConfidence(), "");
                Intent intent = in.intent() == Intent.OUT_OF_SCOPE ? Intent.SEARCH : in.intent();
                return new Interpretation(intent, in.confidence(), with, in.source());
            }
        }
        return in;
    }

    private String remember(String userId, String question, Instant now) {
        String fact = question.replaceFirst("(?i)^\\s*(please\\s+)?(remember|note|keep in mind|make a note)"
                + "(\\s+that)?[:,]?\\s*", "").strip();
        if (fact.isEmpty()) {
            throw InputException.field("memory", "nothing to remember; say e.g. remember that camera 1207 faces the "
                    + "school gate");
        }
        Memory m = memories.add(userId, fact, now);
        return "I'll remember that: \"" + m.text() + "\". You can see, edit or delete it under Memories.";
    }

    private String forget(String userId, String question) {
        String what = question.replaceFirst("(?i)^\\s*(please\\s+)?(forget|delete the memory|delete memory|erase)"
                + "(\\s+(that|about))?[:,]?\\s*", "").strip();
        List<Memory> all = memories.list(userId);
        if (all.isEmpty()) {
            return "I have nothing remembered for you.";
        }
        if (what.isEmpty() || what.equalsIgnoreCase("everything") || what.equalsIgnoreCase("all")) {
            all.forEach(m -> memories.delete(userId, m.id()));
            return "Forgotten: all " + all.size() + " memories.";
        }
        List<MemoryStore.Recalled> r = memories.recall(userId, what, 1, 0.5);
        if (r.isEmpty()) {
            return "I found no memory like \"" + what + "\". Memories lists what I keep.";
        }
        memories.delete(userId, r.get(0).memory().id());
        return "Forgotten: \"" + r.get(0).memory().text() + "\".";
    }

    private void remember(String id, String question, Answer a, QueryPlanner.Plan plan, Focus old, Instant now) {
        conversations.append(id, Turn.Role.USER, question, a.intent(), List.of(), now);
        conversations.append(id, Turn.Role.ASSISTANT, a.text(), null, a.citations(), now);
        Focus f = old.copy();
        if (plan.query() != null) {
            f.lastQuery = Focus.QueryState.of(plan.query());
            if (plan.query().near() != null) {
                f.placeName = plan.query().near().label();
                f.lat = plan.query().near().centre().lat();
                f.lon = plan.query().near().centre().lon();
                f.radiusMeters = plan.query().near().radiusMeters();
                f.wardId = null;
            } else if (plan.query().wards().size() == 1) {
                f.wardId = plan.query().wards().get(0);
                f.lat = null;
                f.lon = null;
                f.placeName = f.wardId;
            }
            if (plan.query().cameras().size() == 1) {
                f.camera = plan.query().cameras().get(0);
            }
        }
        if (!a.hits().isEmpty() && plan.intent() != Intent.SHOW_CLIP && plan.intent() != Intent.EXPLAIN
                && plan.intent() != Intent.ATTACH) {
            f.lastResults = a.hits().stream().limit(20).map(h -> h.event().id()).toList();
            CameraEvent first = a.hits().get(0).event();
            f.event = first.id();
            f.camera = f.camera == null || plan.query() == null || plan.query().cameras().isEmpty() ? first.camera()
                    : f.camera;
        }
        if (plan.target() != null) {
            f.event = plan.target().id();
            f.camera = plan.target().camera();
            if (plan.intent() == Intent.TRACK && a.hits().size() > 1) {
                f.event = a.hits().get(a.hits().size() - 1).event().id();
            }
        }
        if (plan.incident() != null) {
            f.incidentId = plan.incident().id();
        }
        conversations.saveFocus(id, f);
    }

    private String conversation(String id, String userId, String question, Instant now) {
        if (id == null || id.isBlank()) {
            return conversations.create(userId, question, now);
        }
        var info = conversations.info(id.strip()).orElseThrow(() -> InputException.field("conversation",
                "no conversation " + id.strip() + "; leave it out to start a new one"));
        if (!info.userId().equals(userId)) {
            throw InputException.field("conversation", "conversation " + id.strip() + " belongs to another user");
        }
        return info.id();
    }

    /** The question as asked, or a clear refusal. */
    static String validate(String question) {
        if (question == null || question.isBlank()) {
            throw InputException.field("question", "is empty; ask about the cameras, e.g. any fights in Taito today?");
        }
        if (question.length() > MAX_QUESTION) {
            throw InputException.field("question", "is " + question.length() + " characters long; at most "
                    + MAX_QUESTION);
        }
        for (int i = 0; i < question.length(); i++) {
            char c = question.charAt(i);
            if (Character.isISOControl(c) && c != '\n' && c != '\t' && c != '\r') {
                throw InputException.field("question", String.format(Locale.ROOT, "contains a control character "
                        + "(U+%04X) at position %d; type plain text", (int) c, i + 1));
            }
        }
        return question.strip();
    }
}
