package dev.switchboard.app.cli;

import dev.switchboard.ai.AiUse;
import dev.switchboard.ai.ChatReply;
import dev.switchboard.ai.ChatRequest;
import dev.switchboard.ai.EmbeddingService;
import dev.switchboard.ai.OfflineResponder;
import dev.switchboard.ai.engine.AiGateway;
import dev.switchboard.ai.engine.chat.UsageRow;
import dev.switchboard.ai.engine.provider.ConnectionTest;
import dev.switchboard.ai.engine.provider.ProviderConfig;
import dev.switchboard.ai.engine.provider.ProviderKind;
import dev.switchboard.ai.engine.provider.SecretResolver;
import dev.switchboard.app.Workstation;
import dev.switchboard.core.error.InputException;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code switchboard ai ...}: the AI gateway's state, a question, an embedding, providers and uses. */
@Command(name = "ai", description = "AI gateway: status, ask, embed, providers and which provider each use takes.",
        mixinStandardHelpOptions = true, subcommands = AiCommand.Providers.class)
public final class AiCommand extends DataDirCommand {

    /** What the CLI answers when no model does: honest, and says how to get one. */
    static final OfflineResponder CLI_OFFLINE = request -> "(offline) No AI provider answered; the line below "
            + "says why. Providers: switchboard ai providers list; assign one: switchboard ai use USE NAME.";

    /** Online or offline, per use; providers; embeddings; image workers; today's usage. */
    @Command(name = "status", description = "Online/offline per use, providers, embeddings, image workers, usage.")
    int status() {
        PrintWriter out = spec.commandLine().getOut();
        try (Workstation ws = openWorkstation()) {
            AiGateway ai = ws.ai();
            out.print(ai.status().summary());
            out.println();
            List<ProviderConfig> providers = ai.providers().list();
            out.println("Providers: " + (providers.isEmpty() ? "none configured" : providers.size()));
            providers.forEach(p -> out.println("  " + describe(p)));
            out.println("Embeddings: in-process " + ws.embeddings().dimension() + "-dim bge-small-en-v1.5-q "
                    + "(shipped in the program, no endpoint needed)");
            long healthy = ws.workers().list().stream().filter(w -> ws.workers().health(w.name()).isHealthy()).count();
            out.println("GPU workers: " + (ws.workers().list().isEmpty() ? "none configured"
                    : ws.workers().list().size() + " registered, " + healthy + " healthy at last check")
                    + " (switchboard workers list)");
            LocalDate today = LocalDate.now(ws.wallClock());
            long calls = 0;
            long fallbacks = 0;
            double cost = 0;
            for (UsageRow row : ai.usage().query(today, today)) {
                calls += row.calls();
                fallbacks += row.fallbacks();
                cost += row.costUsd();
            }
            out.printf(Locale.ROOT, "Usage today: %d calls, %d answered offline, est. $%.4f%n", calls, fallbacks,
                    cost);
            return 0;
        }
    }

    /** Sends one question through the gateway and prints the answer and where it came from. */
    @Command(name = "ask", description = "Ask a question; prints the answer and where it came from.")
    int ask(@Parameters(paramLabel = "QUESTION") String question,
            @Option(names = "--provider", paramLabel = "NAME", description = "Use this provider instead of the "
                    + "assignment of --use.") String provider,
            @Option(names = "--use", defaultValue = "GENERAL", description = "Which use's provider: ${COMPLETION-"
                    + "CANDIDATES}. Default: ${DEFAULT-VALUE}.") AiUse use,
            @Option(names = "--system", defaultValue = "", description = "System prompt.") String system,
            @Option(names = "--max-tokens", defaultValue = "512") int maxTokens) {
        PrintWriter out = spec.commandLine().getOut();
        try (Workstation ws = openWorkstation()) {
            ChatRequest request = new ChatRequest(use, system, List.of(dev.switchboard.ai.ChatMessage.user(question)),
                    0.2, maxTokens, false);
            ChatReply reply = provider == null ? ws.ai().chat(request, CLI_OFFLINE)
                    : ws.ai().chatVia(provider, request, CLI_OFFLINE);
            out.println(reply.text());
            out.println("-- " + reply.provenance().label());
            return 0;
        }
    }

    /** Embeds text in-process and prints the vector's length, norm, head and timing. */
    @Command(name = "embed", description = "Embed text in-process; prints dimension, timing and the first values. "
            + "With two texts, also their cosine similarity.")
    int embed(@Parameters(paramLabel = "TEXT", arity = "1..2") List<String> texts,
              @Option(names = "--full", description = "Print every value.") boolean full) {
        PrintWriter out = spec.commandLine().getOut();
        try (Workstation ws = openWorkstation()) {
            EmbeddingService.Embeddings result = ws.embeddings().embed(texts);
            for (int i = 0; i < texts.size(); i++) {
                float[] v = result.vectors().get(i);
                StringBuilder head = new StringBuilder();
                for (int j = 0; j < (full ? v.length : Math.min(8, v.length)); j++) {
                    head.append(j == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.4f", v[j]));
                }
                out.printf(Locale.ROOT, "\"%s\": %d dims [%s%s]%n", texts.get(i), v.length, head,
                        full ? "" : ", …");
            }
            if (texts.size() == 2) {
                out.printf(Locale.ROOT, "cosine similarity: %.4f%n",
                        EmbeddingService.cosine(result.vectors().get(0), result.vectors().get(1)));
            }
            out.println("-- " + result.provenance().label() + " (model load " + ws.embeddings().loadTime().toMillis()
                    + " ms)");
            return 0;
        }
    }

    /** Points a use at a provider, or back to offline. */
    @Command(name = "use", description = "Choose the provider for a use (COORDINATOR, CALLER, CHAT, STUDIO, "
            + "GENERAL), or 'offline'.")
    int use(@Parameters(paramLabel = "USE") AiUse use, @Parameters(paramLabel = "PROVIDER|offline") String provider) {
        try (Workstation ws = openWorkstation()) {
            ws.ai().providers().assign(use, provider);
            spec.commandLine().getOut().println(use.label() + " now uses " + provider + ".");
            return 0;
        }
    }

    static String describe(ProviderConfig p) {
        return String.format(Locale.ROOT, "%-14s %-17s %-34s model %-22s key %s%s", p.name(), p.kind(), p.baseUrl(),
                p.model(), SecretResolver.describe(p.apiKeyRef()), p.enabled() ? "" : "  (disabled)");
    }

    /** {@code switchboard ai providers list|add|remove|test}. */
    @Command(name = "providers", description = "List, add, remove and test AI providers.",
            mixinStandardHelpOptions = true)
    static final class Providers {

        @ParentCommand
        AiCommand ai;

        @Spec
        CommandSpec spec;

        @Command(name = "list", description = "List the providers.")
        int list() {
            try (Workstation ws = ai.openWorkstation()) {
                List<ProviderConfig> all = ws.ai().providers().list();
                if (all.isEmpty()) {
                    spec.commandLine().getOut().println("No providers configured: every use answers offline.");
                }
                all.forEach(p -> spec.commandLine().getOut().println(describe(p)));
                return 0;
            }
        }

        @Command(name = "add", description = "Add a provider. The API key is never stored: give the name of an "
                + "environment variable (--key-env) or an OS keyring entry (--key-keyring).")
        int add(@Parameters(paramLabel = "NAME") String name,
                @Option(names = "--kind", required = true, description = "${COMPLETION-CANDIDATES}") ProviderKind kind,
                @Option(names = "--url", description = "Base URL; default per kind.") String url,
                @Option(names = "--model", required = true) String model,
                @Option(names = "--key-env", paramLabel = "VAR") String keyEnv,
                @Option(names = "--key-keyring", paramLabel = "ENTRY") String keyKeyring,
                @Option(names = "--price-in", defaultValue = "0", description = "USD per million input tokens.")
                double priceIn,
                @Option(names = "--price-out", defaultValue = "0", description = "USD per million output tokens.")
                double priceOut,
                @Option(names = "--timeout-seconds", defaultValue = "30") int timeoutSeconds) {
            if (keyEnv != null && keyKeyring != null) {
                throw InputException.field("--key-env/--key-keyring", "give one of them, not both.");
            }
            String ref = keyEnv != null ? "env:" + keyEnv : keyKeyring != null ? "keyring:" + keyKeyring : "";
            try (Workstation ws = ai.openWorkstation()) {
                ProviderConfig config = ProviderConfig.of(name, kind, url == null ? kind.defaultBaseUrl() : url,
                        model, ref).withPrices(priceIn, priceOut).withTimeout(Duration.ofSeconds(timeoutSeconds));
                ws.ai().providers().add(config);
                spec.commandLine().getOut().println("Added " + describe(config));
                spec.commandLine().getOut().println("Assign it with: switchboard ai use CALLER " + name);
                return 0;
            }
        }

        @Command(name = "remove", description = "Remove a provider; uses assigned to it answer offline.")
        int remove(@Parameters(paramLabel = "NAME") String name) {
            try (Workstation ws = ai.openWorkstation()) {
                if (!ws.ai().providers().remove(name)) {
                    throw InputException.field("NAME", "no provider named '" + name + "'.");
                }
                spec.commandLine().getOut().println("Removed " + name + ".");
                return 0;
            }
        }

        @Command(name = "test", description = "Test a provider: models offered, latency, a sample answer.")
        int test(@Parameters(paramLabel = "NAME") String name) {
            PrintWriter out = spec.commandLine().getOut();
            try (Workstation ws = ai.openWorkstation()) {
                ProviderConfig config = ws.ai().providers().find(name)
                        .orElseThrow(() -> InputException.field("NAME", "no provider named '" + name + "'."));
                ConnectionTest.TestResult r = ws.ai().connectionTest().test(config);
                out.println((r.ok() ? "OK" : "FAILED") + " in " + r.latency().toMillis() + " ms: " + r.message());
                if (!r.models().isEmpty()) {
                    out.println("Models: " + String.join(", ", r.models()));
                }
                if (!r.sampleAnswer().isBlank()) {
                    out.println("Sample answer: " + r.sampleAnswer());
                }
                return r.ok() ? 0 : 1;
            }
        }
    }
}
