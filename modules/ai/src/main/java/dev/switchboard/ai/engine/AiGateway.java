package dev.switchboard.ai.engine;

import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;
import dev.switchboard.ai.AiUse;
import dev.switchboard.ai.ChatListener;
import dev.switchboard.ai.ChatReply;
import dev.switchboard.ai.ChatRequest;
import dev.switchboard.ai.ChatService;
import dev.switchboard.ai.OfflineResponder;
import dev.switchboard.ai.Provenance;
import dev.switchboard.ai.engine.chat.CacheKey;
import dev.switchboard.ai.engine.chat.GatewayPolicy;
import dev.switchboard.ai.engine.chat.ResponseCache;
import dev.switchboard.ai.engine.chat.TokenCount;
import dev.switchboard.ai.engine.chat.UsageLedger;
import dev.switchboard.ai.engine.provider.ConnectionTest;
import dev.switchboard.ai.engine.provider.Failures;
import dev.switchboard.ai.engine.provider.Langchain4jModels;
import dev.switchboard.ai.engine.provider.ModelFactory;
import dev.switchboard.ai.engine.provider.ProviderConfig;
import dev.switchboard.ai.engine.provider.ProviderRegistry;
import dev.switchboard.ai.engine.provider.SecretResolver;
import dev.switchboard.core.error.SwitchboardException;
import dev.switchboard.core.settings.Settings;
import dev.switchboard.store.Database;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link ChatService} every capability uses, built once by the composition root. For each call it
 * finds the provider chosen for the request's {@link AiUse} (Settings), serves a fresh cached answer
 * when there is one, and otherwise calls the provider through its circuit breaker, rate limiter, retry
 * with exponential backoff and jitter, and per-attempt timeout. Whatever goes wrong (no provider, key
 * missing, circuit open, timeout, HTTP error, malformed answer, connection dropped mid-stream) the
 * caller's {@link OfflineResponder} answers instead, and the reply's {@link Provenance} says why. Every
 * call is counted in the {@link UsageLedger}.
 *
 * <p>Owns three daemon threads (cache writer, usage writer, stream timer) and a virtual-thread executor
 * for attempts; {@link #close()} stops them and writes what is pending. Thread-safe.
 */
public final class AiGateway implements ChatService, AutoCloseable {

    /** The provenance model name of an answer made by the caller's offline responder. */
    public static final String FALLBACK_KIND = "fallback";
    /** The note of a call whose use has no usable provider. */
    public static final String NO_PROVIDER = "no provider configured";

    private static final Logger LOG = LoggerFactory.getLogger(AiGateway.class);

    private final Clock clock;
    private final SecretResolver secrets;
    private final GatewayPolicy policy;
    private final ModelFactory models;
    private final ProviderRegistry registry;
    private final ResponseCache cache;
    private final UsageLedger ledger;
    private final Map<String, ProviderChannel> channels = new ConcurrentHashMap<>();
    private final Map<AiUse, Provenance> lastCalls = new ConcurrentHashMap<>();
    private final Set<String> warned = ConcurrentHashMap.newKeySet();
    private final ExecutorService attempts = Executors.newVirtualThreadPerTaskExecutor();
    private final ScheduledExecutorService timer;

    /** A gateway with the process environment and OS keyring for keys and {@link GatewayPolicy#defaults()}. */
    public AiGateway(Database db, Settings settings, Clock clock) {
        this(db, settings, clock, SecretResolver.system(), GatewayPolicy.defaults());
    }

    /**
     * @param db holds providers, cache and usage (migration V2)
     * @param settings holds the provider chosen per use
     * @param clock dates the usage ledger (days in its zone) and ages the cache
     */
    public AiGateway(Database db, Settings settings, Clock clock, SecretResolver secrets, GatewayPolicy policy) {
        this(db, settings, clock, secrets, policy, new Langchain4jModels());
    }

    /** The seam for in-process model stubs (the gateway benchmark). */
    AiGateway(Database db, Settings settings, Clock clock, SecretResolver secrets, GatewayPolicy policy,
              ModelFactory models) {
        Objects.requireNonNull(db, "db");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.secrets = Objects.requireNonNull(secrets, "secrets");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.models = Objects.requireNonNull(models, "models");
        this.registry = new ProviderRegistry(db, settings, clock);
        this.cache = new ResponseCache(db, clock, policy.cacheTtl());
        this.ledger = new UsageLedger(db, clock, policy.ledgerFlush());
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "ai-gateway-timer");
            t.setDaemon(true);
            return t;
        });
        registry.addListener(() -> channels.keySet().removeIf(name -> registry.find(name).isEmpty()));
        timer.scheduleWithFixedDelay(cache::purgeExpired, 1, 60, TimeUnit.MINUTES);
    }

    /** The providers and the per-use choice; changes take effect on the next call. */
    public ProviderRegistry providers() {
        return registry;
    }

    public UsageLedger usage() {
        return ledger;
    }

    public ResponseCache cache() {
        return cache;
    }

    public GatewayPolicy policy() {
        return policy;
    }

    /** A connection test that resolves keys the way this gateway does. */
    public ConnectionTest connectionTest() {
        return new ConnectionTest(secrets, models);
    }

    /** What each use would do now: its provider, that provider's breaker, and its last call. */
    public AiStatus status() {
        List<AiStatus.UseStatus> uses = new ArrayList<>();
        for (AiUse use : AiUse.values()) {
            Optional<ProviderConfig> config = registry.providerFor(use);
            Optional<Provenance> last = Optional.ofNullable(lastCalls.get(use));
            if (config.isEmpty()) {
                uses.add(new AiStatus.UseStatus(use, registry.assignment(use).orElse(ProviderConfig.OFFLINE), false,
                        AiStatus.BreakerState.NONE, last));
                continue;
            }
            ProviderConfig c = config.get();
            AiStatus.BreakerState state = AiStatus.BreakerState.NONE;
            if (c.enabled() && !keyAvailable(c)) {
                // The call would answer offline ("API key unavailable"), so the use is not online.
                uses.add(new AiStatus.UseStatus(use, c.name(), false, state, last));
                continue;
            }
            if (c.enabled()) {
                ProviderChannel ch = channels.get(c.name());
                state = ch == null || !ch.config().equals(c) ? AiStatus.BreakerState.CLOSED
                        : AiStatus.BreakerState.of(ch.breaker().getState());
            }
            uses.add(new AiStatus.UseStatus(use, c.name(), c.enabled(), state, last));
        }
        return new AiStatus(clock.instant(), uses);
    }

    private boolean keyAvailable(ProviderConfig c) {
        try {
            secrets.resolve(c.apiKeyRef());
            return true;
        } catch (SwitchboardException e) {
            return false;
        }
    }

    @Override
    public ChatReply chat(ChatRequest request, OfflineResponder offline) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(offline, "offline");
        return chat(System.nanoTime(), route(request.use()), request, offline);
    }

    /**
     * Like {@link #chat} but through the named provider instead of the use's assignment, e.g. for
     * {@code switchboard ai ask --provider P}; falls back offline the same way.
     */
    public ChatReply chatVia(String provider, ChatRequest request, OfflineResponder offline) {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(offline, "offline");
        return chat(System.nanoTime(), routeTo(Optional.of(provider)), request, offline);
    }

    private ChatReply chat(long started, Route route, ChatRequest request, OfflineResponder offline) {
        if (route.channel == null) {
            return fallback(request, offline, started, route.provider, route.model, route.reason, 0);
        }
        ProviderChannel ch = route.channel;
        ProviderConfig c = ch.config();
        byte[] key = cacheable(request) ? CacheKey.of(c.name(), c.model(), request) : null;
        if (key != null) {
            Optional<ResponseCache.Entry> hit = cache.get(key);
            if (hit.isPresent()) {
                return cached(request, c, hit.get(), started);
            }
        }
        ProviderChannel.Answer answer;
        try {
            answer = ch.call(Langchain4jModels.request(request, c.kind()));
        } catch (ProviderChannel.CallFailed failed) {
            String reason = reason(ch, failed.getCause(), failed.tries());
            warn(request.use(), c, reason, failed.getCause());
            return fallback(request, offline, started, c.name(), c.model(), reason, failed.failedAttempts());
        }
        String text = answer.response().aiMessage().text();
        Tokens tokens = Tokens.of(answer.response(), request, text);
        double cost = c.costUsd(tokens.in, tokens.out);
        if (key != null) {
            cache.put(key, c.name(), c.model(), text, tokens.in, tokens.out);
        }
        ledger.record(request.use(), c.name(), c.model(),
                new UsageLedger.Call(false, tokens.in, tokens.out, cost, answer.failedAttempts(), false));
        Provenance p = new Provenance(Provenance.Source.ONLINE, c.name(), c.model(), since(started), tokens.in,
                tokens.out, cost, tokens.note());
        lastCalls.put(request.use(), p);
        return new ChatReply(text, p);
    }

    @Override
    public StreamHandle stream(ChatRequest request, OfflineResponder offline, ChatListener listener) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(offline, "offline");
        Objects.requireNonNull(listener, "listener");
        StreamRun run = new StreamRun(this, request, offline, listener);
        run.start();
        return run;
    }

    /**
     * Stops the threads and writes pending cache entries and usage counts. Calls in flight end with
     * their fallback.
     */
    @Override
    public void close() {
        timer.shutdownNow();
        attempts.shutdownNow();
        cache.close();
        ledger.close();
    }

    // The parts StreamRun shares.

    ScheduledExecutorService timer() {
        return timer;
    }

    /** Where a use's calls go now: a channel, or the offline fallback with the reason. */
    record Route(ProviderChannel channel, String provider, String model, String reason) {
    }

    Route route(AiUse use) {
        return routeTo(registry.assignment(use));
    }

    private Route routeTo(Optional<String> assigned) {
        if (assigned.isEmpty()) {
            return new Route(null, ProviderConfig.OFFLINE, FALLBACK_KIND, NO_PROVIDER);
        }
        Optional<ProviderConfig> config = registry.find(assigned.get());
        if (config.isEmpty()) {
            return new Route(null, ProviderConfig.OFFLINE, FALLBACK_KIND,
                    NO_PROVIDER + " (" + assigned.get() + " no longer exists)");
        }
        ProviderConfig c = config.get();
        if (!c.enabled()) {
            return new Route(null, ProviderConfig.OFFLINE, FALLBACK_KIND, NO_PROVIDER + " (" + c.name()
                    + " is disabled)");
        }
        ProviderChannel ch = channels.get(c.name());
        if (ch != null && ch.config().equals(c)) {
            return new Route(ch, c.name(), c.model(), "");
        }
        try {
            ProviderChannel fresh = channels.compute(c.name(), (name, old) -> old != null && old.config().equals(c)
                    ? old : new ProviderChannel(c, secrets.resolve(c.apiKeyRef()), models, policy, attempts));
            return new Route(fresh, c.name(), c.model(), "");
        } catch (SwitchboardException e) {
            String reason = "API key unavailable: " + e.getMessage();
            warnOnce(c.name() + reason, "AI provider {} cannot be used: {}; answering offline", c.name(), reason);
            return new Route(null, c.name(), c.model(), reason);
        } catch (RuntimeException e) {
            String reason = "provider unusable: " + e.getClass().getSimpleName();
            warnOnce(c.name() + reason, "AI provider {} cannot be built: {}; answering offline", c.name(), reason);
            return new Route(null, c.name(), c.model(), reason);
        }
    }

    boolean cacheable(ChatRequest request) {
        return cache.enabled() && request.temperature() <= ResponseCache.MAX_CACHED_TEMPERATURE;
    }

    UsageLedger ledger() {
        return ledger;
    }

    void recordLast(AiUse use, Provenance p) {
        lastCalls.put(use, p);
    }

    /** The provenance note for a failed call: "HTTP 500 after 3 tries", "unauthorised (HTTP 401): check …". */
    String reason(ProviderChannel ch, Throwable cause, int tries) {
        StringBuilder reason = new StringBuilder(Failures.describe(cause));
        if (tries > 1) {
            reason.append(" after ").append(tries).append(" tries");
        }
        if (Failures.isUnauthorised(cause)) {
            reason.append(": check the API key (").append(SecretResolver.describe(ch.config().apiKeyRef()))
                    .append(')');
        }
        return ch.redact(reason.toString());
    }

    /**
     * Logs a failure without its messages, which may carry a response body that echoes the key. An open
     * circuit or the rate limit is expected while it lasts, so those go to DEBUG; the breaker itself
     * logs when it opens and closes.
     */
    void warn(AiUse use, ProviderConfig c, String reason, Throwable cause) {
        if (reason.startsWith("circuit open") || reason.startsWith("rate limited")) {
            LOG.debug("AI call for {} via {}: {}; answering offline", use, c.name(), reason);
            return;
        }
        LOG.warn("AI call for {} via {} failed ({}); answering offline", use, c.name(), reason);
        if (LOG.isDebugEnabled() && cause instanceof Failures.ProviderFailure f) {
            LOG.debug("Cause chain of the {} failure: {}", c.name(), f.causeChain());
        }
    }

    /** A problem that repeats on every call (a missing key) is logged at WARN once, then at DEBUG. */
    private void warnOnce(String what, String format, Object... args) {
        if (warned.add(what)) {
            LOG.warn(format, args);
        } else {
            LOG.debug(format, args);
        }
    }

    private ChatReply fallback(ChatRequest request, OfflineResponder offline, long started, String provider,
                               String model, String reason, int failedAttempts) {
        String text = offline.respond(request);
        Provenance p = Provenance.offline(FALLBACK_KIND, since(started), reason);
        ledger.record(request.use(), provider, model, UsageLedger.Call.offline(failedAttempts));
        lastCalls.put(request.use(), p);
        return new ChatReply(text == null ? "" : text, p);
    }

    private ChatReply cached(ChatRequest request, ProviderConfig c, ResponseCache.Entry hit, long started) {
        Provenance p = new Provenance(Provenance.Source.CACHE, c.name(), c.model(), since(started), 0, 0, 0, "");
        ledger.record(request.use(), c.name(), c.model(), UsageLedger.Call.cached());
        lastCalls.put(request.use(), p);
        return new ChatReply(hit.answer(), p);
    }

    static Duration since(long startedNanos) {
        return Duration.ofNanos(System.nanoTime() - startedNanos);
    }

    /** Token counts of an answer: the provider's own, or estimated when it reported none. */
    record Tokens(int in, int out, boolean estimated) {

        static Tokens of(ChatResponse response, ChatRequest request, String text) {
            TokenUsage usage = response == null ? null : response.tokenUsage();
            if (usage != null && usage.inputTokenCount() != null && usage.outputTokenCount() != null) {
                return new Tokens(usage.inputTokenCount(), usage.outputTokenCount(), false);
            }
            return new Tokens(TokenCount.estimateInput(request), TokenCount.estimate(text), true);
        }

        String note() {
            return estimated ? TokenCount.ESTIMATED_NOTE : "";
        }
    }

    /** For tests: the channels built so far. */
    Collection<ProviderChannel> channelsForTest() {
        return List.copyOf(channels.values());
    }
}
