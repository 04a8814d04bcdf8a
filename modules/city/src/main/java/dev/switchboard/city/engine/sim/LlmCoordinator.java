package dev.switchboard.city.engine.sim;

import dev.switchboard.ai.AiUse;
import dev.switchboard.ai.ChatMessage;
import dev.switchboard.ai.ChatReply;
import dev.switchboard.ai.ChatRequest;
import dev.switchboard.ai.ChatService;
import dev.switchboard.ai.PromptFence;
import dev.switchboard.ai.Provenance;
import dev.switchboard.city.engine.bridge.DispatchParser;
import dev.switchboard.city.engine.bridge.ParseResult;
import dev.switchboard.city.engine.pack.CityPack;
import dev.switchboard.city.model.DispatchCommand;
import dev.switchboard.city.model.UnitType;
import dev.switchboard.city.model.UnitView;
import dev.switchboard.city.model.Ward;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A coordinator that asks a chat model (through the AI gateway's {@link ChatService}) what to dispatch, with the
 * design's coordinator system prompt and the situation fenced as untrusted data. The answer is read only by
 * {@link DispatchParser}: orders that parse become proposals (labelled with the answer's provenance), lines that
 * do not are logged and dropped, and an answer with no usable order falls back to the {@link RuleCoordinator}.
 * When no model answers, the gateway's offline fallback is the rule coordinator's own orders, labelled offline.
 *
 * <p>It asks at most once every {@code everyTicks} ticks, only while some incident lacks units, and never on the
 * tick thread: the call runs on an executor and its answer is proposed on the first tick after it arrives. Needs
 * the model's orders leave uncovered are filled by the rules, so nothing waits on a model's oversight.
 */
public final class LlmCoordinator implements Coordinator {

    /** The coordinator system prompt of the smart-city design, plus the rest of the dispatch grammar. */
    public static final String SYSTEM_PROMPT = """
            You are the AI coordinator for Tokyo Smart City Emergency Response.
            Analyze critical events and provide clear dispatch commands:
            - DISPATCH POLICE to [location]
            - DISPATCH FIRE UNITS to [location]
            - DISPATCH AMBULANCE to [location]
            - INITIATE EVACUATION in [area]
            Also available: DISPATCH SWAT to [location], DISPATCH TRAFFIC CONTROL to [location], \
            DISPATCH <n> <unit type> to [location], STAND DOWN <unit id>.
            A location is an incident id such as INC-0003 or a ward name such as Shibuya.
            Answer with the commands only, one per line, and nothing else.""";

    private static final Logger LOG = LoggerFactory.getLogger(LlmCoordinator.class);
    private static final int MAX_ANSWER_TOKENS = 300;

    private final CityPack pack;
    private final ChatService chat;
    private final Executor executor;
    private final ExecutorService ownedExecutor;
    private final int everyTicks;
    private final RuleCoordinator rules;
    private final ClosestUnits closest;
    private final UsageMeter meter = new UsageMeter();
    private CompletableFuture<Answer> inFlight;
    private long lastCallTick = Long.MIN_VALUE / 2;

    /**
     * A coordinator that calls the model on {@code executor} (a direct executor makes the answer arrive on the
     * next tick, which tests use).
     *
     * @param everyTicks the fewest ticks between two calls, at least 1
     */
    public LlmCoordinator(CityPack pack, ChatService chat, Executor executor, int everyTicks) {
        this(pack, chat, Objects.requireNonNull(executor, "executor"), null, everyTicks);
    }

    /** A coordinator with its own background thread, stopped by {@link #close()}. */
    public LlmCoordinator(CityPack pack, ChatService chat, int everyTicks) {
        this(pack, chat, null, Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "city-llm-coordinator");
            t.setDaemon(true);
            return t;
        }), everyTicks);
    }

    private LlmCoordinator(CityPack pack, ChatService chat, Executor executor, ExecutorService owned,
                           int everyTicks) {
        this.pack = Objects.requireNonNull(pack, "pack");
        this.chat = Objects.requireNonNull(chat, "chat");
        this.executor = executor != null ? executor : owned;
        this.ownedExecutor = owned;
        if (everyTicks < 1) {
            throw new IllegalArgumentException("everyTicks must be at least 1, was " + everyTicks);
        }
        this.everyTicks = everyTicks;
        this.rules = new RuleCoordinator(pack);
        this.closest = new ClosestUnits(pack.roads());
    }

    @Override
    public String name() {
        return "llm";
    }

    @Override
    public List<Proposal> propose(Situation situation) {
        meter.events(situation.eventsThisTick());
        List<Proposal> out = List.of();
        if (inFlight != null && inFlight.isDone()) {
            Answer answer = inFlight.join();
            inFlight = null;
            out = proposals(answer, situation);
        }
        if (inFlight == null && situation.anyShortfall() && situation.tick() - lastCallTick >= everyTicks) {
            lastCallTick = situation.tick();
            ChatRequest request = request(situation);
            String offline = orders(rules.plan(situation, "rules"));
            inFlight = CompletableFuture.supplyAsync(() -> ask(request, offline), executor);
        }
        return out;
    }

    @Override
    public CoordinatorUsage usage() {
        return meter.snapshot();
    }

    @Override
    public void close() {
        if (ownedExecutor != null) {
            ownedExecutor.shutdownNow();
        }
    }

    /** The request for {@code situation}: the system prompt, and everything about the city fenced as data. */
    ChatRequest request(Situation situation) {
        StringBuilder data = new StringBuilder();
        data.append("Open incidents (most urgent first):\n");
        for (IncidentNeed need : situation.incidents()) {
            data.append(String.format(Locale.ROOT, "- %s · %s · priority %d · %s", need.incident().id(),
                    need.incident().title(), need.incident().priority(), need.incident().state()));
            if (!need.satisfied()) {
                data.append(" · still needs ");
                List<String> parts = new ArrayList<>();
                need.shortfall().entrySet().stream().sorted(Map.Entry.comparingByKey())
                        .forEach(e -> parts.add(e.getValue() + " " + e.getKey()));
                data.append(String.join(", ", parts));
            }
            data.append('\n');
        }
        Map<UnitType, Integer> free = new EnumMap<>(UnitType.class);
        for (UnitView u : situation.units()) {
            if (ClosestUnits.available(u) && !situation.reservedUnits().contains(u.id())) {
                free.merge(u.type(), 1, Integer::sum);
            }
        }
        List<String> freeText = new ArrayList<>();
        free.forEach((type, n) -> freeText.add(n + " " + type));
        data.append("Available units: ").append(free.isEmpty() ? "none" : String.join(", ", freeText)).append('\n');
        data.append(situation.summary());
        String user = "Decide the dispatch commands for this situation.\n"
                + PromptFence.fence("control room situation", data.toString());
        return new ChatRequest(AiUse.COORDINATOR, PromptFence.systemPrompt(SYSTEM_PROMPT),
                List.of(ChatMessage.user(user)), 0.0, MAX_ANSWER_TOKENS, false);
    }

    private Answer ask(ChatRequest request, String offlineOrders) {
        try {
            ChatReply reply = chat.chat(request, r -> offlineOrders);
            return new Answer(reply.text(), reply.provenance());
        } catch (RuntimeException e) {
            LOG.warn("The coordinator model call failed ({}); the rules answer instead", e.toString());
            return new Answer(offlineOrders, Provenance.offline("rule-based", Duration.ZERO,
                    "model call failed: " + e.getClass().getSimpleName()));
        }
    }

    /** The answer's orders as proposals in today's situation, topped up by the rules. */
    private List<Proposal> proposals(Answer answer, Situation situation) {
        String source = answer.provenance().label();
        List<DispatchCommand> commands = new ArrayList<>();
        int dropped = 0;
        for (ParseResult r : DispatchParser.parseAll(answer.text(), DispatchParser.KnownPlaces.wardsOf(pack))) {
            switch (r) {
                case ParseResult.Parsed p -> commands.add(p.command());
                case ParseResult.Rejected rej -> {
                    dropped++;
                    LOG.warn("Dropped a coordinator order that does not parse ({}): {}", source, rej.reason());
                }
            }
        }
        meter.answered(answer.provenance(), commands.size(), dropped);
        List<Proposal> out = new ArrayList<>();
        Set<String> taken = new HashSet<>(situation.reservedUnits());
        Map<String, Map<UnitType, Integer>> covered = new LinkedHashMap<>();
        for (DispatchCommand command : commands) {
            switch (command) {
                case DispatchCommand.Dispatch d -> {
                    Optional<IncidentNeed> need = resolve(d.place(), d.unitType(), situation);
                    if (need.isEmpty()) {
                        LOG.warn("Dropped a coordinator order for a place with no open incident: {}",
                                CitySimulation.describe(d));
                        continue;
                    }
                    String incidentId = need.get().incident().id();
                    int already = covered.getOrDefault(incidentId, Map.of()).getOrDefault(d.unitType(), 0);
                    int wanted = Math.min(d.count(), need.get().shortfall(d.unitType()) - already);
                    if (wanted <= 0) {
                        LOG.info("Dropped a coordinator order the incident does not need: {}",
                                CitySimulation.describe(d));
                        continue;
                    }
                    for (ClosestUnits.Candidate c : closest.rank(situation.units(), d.unitType(),
                            need.get().incident().position(), taken, wanted)) {
                        taken.add(c.unit().id());
                        covered.computeIfAbsent(incidentId, k -> new EnumMap<>(UnitType.class))
                                .merge(d.unitType(), 1, Integer::sum);
                        out.add(new Proposal(incidentId, new DispatchCommand.Dispatch(d.unitType(), 1, incidentId),
                                c.unit().id(), c.etaSeconds(), String.format(Locale.ROOT,
                                "Model: \"%s\" → %s, %.1f min by road", CitySimulation.describe(d), c.unit().id(),
                                c.etaSeconds() / 60), source));
                    }
                }
                case DispatchCommand.Evacuate e -> resolve(e.area(), null, situation).ifPresent(n -> out.add(
                        new Proposal(n.incident().id(), e, null, 0, "Model: evacuate " + e.area(), source)));
                case DispatchCommand.StandDown s -> situation.units().stream()
                        .filter(u -> u.id().equalsIgnoreCase(s.unitId()) && u.incidentId() != null)
                        .findFirst()
                        .ifPresent(u -> out.add(new Proposal(u.incidentId(), s, u.id(), 0,
                                "Model: stand down " + u.id(), source)));
            }
        }
        // Whatever the model left uncovered (or everything, when nothing parsed), the rules propose.
        String rulesSource = commands.isEmpty() ? "rules (model answer unusable)" : "rules";
        List<IncidentNeed> rest = new ArrayList<>();
        for (IncidentNeed need : situation.incidents()) {
            Map<UnitType, Integer> left = new EnumMap<>(UnitType.class);
            Map<UnitType, Integer> got = covered.getOrDefault(need.incident().id(), Map.of());
            need.shortfall().forEach((type, n) -> left.put(type, n - got.getOrDefault(type, 0)));
            rest.add(new IncidentNeed(need.incident(), need.kind(), left));
        }
        Situation remaining = new Situation(situation.tick(), situation.simMillis(), rest, situation.units(), taken,
                situation.critical(), situation.eventsThisTick(), situation.summary());
        out.addAll(rules.plan(remaining, rulesSource));
        return out;
    }

    /** The open incident a model's place names: an incident id, or the most urgent one in the named ward. */
    private Optional<IncidentNeed> resolve(String place, UnitType type, Situation situation) {
        String key = place.strip();
        for (IncidentNeed n : situation.incidents()) {
            if (n.incident().id().equalsIgnoreCase(key)) {
                return Optional.of(n);
            }
        }
        Optional<String> wardId = pack.ward(key).map(Ward::id);
        if (wardId.isEmpty()) {
            return Optional.empty();
        }
        List<IncidentNeed> inWard = situation.incidents().stream()
                .filter(n -> n.incident().wardId().equals(wardId.get())).toList();
        return inWard.stream().filter(n -> type != null && n.shortfall(type) > 0).findFirst()
                .or(() -> inWard.stream().findFirst());
    }

    /** Proposals as English orders, one per incident and unit type, as the dispatch grammar reads them. */
    static String orders(List<Proposal> proposals) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Proposal p : proposals) {
            if (p.command() instanceof DispatchCommand.Dispatch d) {
                counts.merge(spoken(d.unitType()) + " TO " + p.incidentId(), d.count(), Integer::sum);
            }
        }
        StringBuilder sb = new StringBuilder();
        counts.forEach((what, n) -> sb.append("DISPATCH ").append(n == 1 ? "" : n + " ").append(what).append('\n'));
        return sb.toString();
    }

    private static String spoken(UnitType type) {
        return switch (type) {
            case POLICE -> "POLICE";
            case SWAT -> "SWAT";
            case AMBULANCE -> "AMBULANCE";
            case FIRE -> "FIRE UNITS";
            case TRAFFIC -> "TRAFFIC CONTROL";
        };
    }

    private record Answer(String text, Provenance provenance) {
    }
}
