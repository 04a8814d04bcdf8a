package dev.switchboard.ai.engine;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.FinishReason;
import dev.langchain4j.model.output.TokenUsage;
import dev.switchboard.ai.AiUse;
import dev.switchboard.ai.ChatReply;
import dev.switchboard.ai.OfflineResponder;
import dev.switchboard.ai.engine.chat.GatewayPolicy;
import dev.switchboard.ai.engine.provider.KeyringAccess;
import dev.switchboard.ai.engine.provider.Langchain4jModels;
import dev.switchboard.ai.engine.provider.ModelFactory;
import dev.switchboard.ai.engine.provider.ProviderConfig;
import dev.switchboard.ai.engine.provider.ProviderKind;
import dev.switchboard.ai.engine.provider.SecretResolver;
import dev.switchboard.core.error.SwitchboardException;
import dev.switchboard.core.settings.Settings;
import dev.switchboard.store.DataDir;
import dev.switchboard.store.Database;
import dev.switchboard.store.SqliteSettingsStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.LoggerFactory;

/**
 * Measures what the gateway itself adds to a chat call, without the network: the same requests go
 * once straight to an in-process stub model and once through {@link AiGateway} (settings lookup,
 * canonical hash, cache read and write in SQLite, breaker, rate limiter, retry, attempt on a virtual
 * thread, usage ledger) to that stub. Every request is new, so each gateway call misses the cache and
 * writes it, the dearer path. Behind {@code switchboard bench gateway}. Works in a temporary data dir,
 * removed afterwards. The target is at most 1 ms per call.
 */
public final class GatewayBenchmark {

    /** The overhead target per call, in microseconds. */
    public static final double TARGET_MICROS = 1000;

    private static final String ANSWER = "Unit P-101 is en route to Shibuya crossing, ETA four minutes.";
    private static final TokenUsage USAGE = new TokenUsage(48, 14);

    private GatewayBenchmark() {
    }

    /**
     * What one run measured; overheads are gateway time minus the stub's median time, per call.
     *
     * @param directMedianMicros a call straight to the stub
     */
    public record Result(int calls, double p50Micros, double p99Micros, double meanMicros, double maxMicros,
                         double directMedianMicros) {

        public boolean withinTarget() {
            return p50Micros <= TARGET_MICROS && meanMicros <= TARGET_MICROS;
        }

        /** One line per figure, for the command line. */
        public String summary() {
            return String.format(Locale.ROOT, """
                    calls            %,d (cache miss + write, ledger, breaker, limiter, retry per call)
                    overhead p50     %,.1f µs
                    overhead p99     %,.1f µs
                    overhead mean    %,.1f µs
                    overhead max     %,.1f µs
                    stub direct p50  %,.2f µs
                    target           <= %,.0f µs per call: %s""",
                    calls, p50Micros, p99Micros, meanMicros, maxMicros, directMedianMicros, TARGET_MICROS,
                    withinTarget() ? "met" : "MISSED");
        }
    }

    /** Runs {@code calls} measured calls after a warm-up of the same size (at most 2,000). */
    public static Result run(int calls) {
        if (calls < 1) {
            throw new IllegalArgumentException("calls must be positive");
        }
        Path folder;
        try {
            folder = Files.createTempDirectory("switchboard-gateway-bench-");
        } catch (IOException e) {
            throw new SwitchboardException("Cannot create a benchmark folder: " + e.getMessage(),
                    "Check that the temporary folder is writable.", e);
        }
        try {
            return measure(DataDir.of(folder), calls);
        } finally {
            delete(folder);
        }
    }

    private static Result measure(DataDir dir, int calls) {
        ChatModel stub = new StubModel();
        ModelFactory factory = new ModelFactory() {
            @Override
            public ChatModel chatModel(ProviderConfig config, Optional<String> apiKey) {
                return stub;
            }

            @Override
            public StreamingChatModel streamingModel(ProviderConfig config, Optional<String> apiKey) {
                throw new UnsupportedOperationException("the benchmark does not stream");
            }
        };
        // The default limit of 10 requests per second would measure the limiter's waiting, not its cost.
        GatewayPolicy policy = GatewayPolicy.defaults()
                .withRateLimit(new GatewayPolicy.RateLimit(1_000_000, Duration.ofSeconds(1), Duration.ZERO));
        SecretResolver noSecrets = new SecretResolver(name -> null, KeyringAccess.unavailable("benchmark"));
        OfflineResponder offline = request -> "offline";
        try (Database db = Database.open(dir);
             AiGateway gateway = new AiGateway(db, new Settings(new SqliteSettingsStore(db)), Clock.systemUTC(),
                     noSecrets, policy, factory)) {
            ProviderConfig bench = ProviderConfig.of("bench", ProviderKind.OPENAI_COMPATIBLE, "http://127.0.0.1:9/v1",
                    "stub-model", "");
            gateway.providers().add(bench);
            gateway.providers().assign(AiUse.GENERAL, bench.name());

            int warmup = Math.min(calls, 2000);
            for (int i = 0; i < warmup; i++) {
                once(gateway, stub, offline, "warm-up " + i, bench);
            }
            long[] direct = new long[calls];
            long[] viaGateway = new long[calls];
            for (int i = 0; i < calls; i++) {
                long[] pair = once(gateway, stub, offline, "measured " + i, bench);
                direct[i] = pair[0];
                viaGateway[i] = pair[1];
            }
            Arrays.sort(direct);
            long directMedian = direct[calls / 2];
            double[] overhead = new double[calls];
            double sum = 0;
            for (int i = 0; i < calls; i++) {
                overhead[i] = Math.max(0, viaGateway[i] - directMedian) / 1000.0;
                sum += overhead[i];
            }
            Arrays.sort(overhead);
            return new Result(calls, percentile(overhead, 0.50), percentile(overhead, 0.99), sum / calls,
                    overhead[calls - 1], directMedian / 1000.0);
        }
    }

    /** Nanoseconds of one direct stub call and one gateway call with the same question. */
    private static long[] once(AiGateway gateway, ChatModel stub, OfflineResponder offline, String question,
                               ProviderConfig bench) {
        dev.switchboard.ai.ChatRequest request = dev.switchboard.ai.ChatRequest.ask(AiUse.GENERAL,
                "You are the dispatch coordinator. Answer in one sentence.", "Where is unit P-101? (" + question + ")");
        ChatRequest lcRequest = Langchain4jModels.request(request, bench.kind());
        long t0 = System.nanoTime();
        stub.chat(lcRequest);
        long t1 = System.nanoTime();
        ChatReply reply = gateway.chat(request, offline);
        long t2 = System.nanoTime();
        if (reply.provenance().isOffline()) {
            throw new IllegalStateException("benchmark call fell back: " + reply.provenance().note());
        }
        return new long[] {t1 - t0, t2 - t1};
    }

    private static double percentile(double[] sorted, double p) {
        int index = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static void delete(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            LoggerFactory.getLogger(GatewayBenchmark.class).warn("Could not remove {}: {}", folder, e.getMessage());
        }
    }

    /** Answers at once with a fixed reply and token usage, like a provider with zero latency. */
    private static final class StubModel implements ChatModel {
        @Override
        public ChatResponse doChat(ChatRequest request) {
            return ChatResponse.builder()
                    .aiMessage(AiMessage.from(ANSWER))
                    .tokenUsage(USAGE)
                    .finishReason(FinishReason.STOP)
                    .build();
        }
    }
}
