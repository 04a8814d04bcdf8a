package dev.switchboard.app.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.switchboard.ai.AiUse;
import dev.switchboard.ai.ChatReply;
import dev.switchboard.ai.ChatRequest;
import dev.switchboard.ai.Provenance;
import dev.switchboard.ai.engine.provider.ConnectionTest;
import dev.switchboard.ai.engine.provider.ProviderConfig;
import dev.switchboard.ai.engine.provider.ProviderKind;
import dev.switchboard.ai.engine.worker.ApiFlavour;
import dev.switchboard.ai.engine.worker.Worker;
import dev.switchboard.ai.engine.worker.WorkerKind;
import dev.switchboard.app.Workstation;
import dev.switchboard.core.account.Account;
import dev.switchboard.core.account.LogonResult;
import dev.switchboard.core.account.Role;
import dev.switchboard.store.DataDir;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The AI page's model over a real workstation and a loopback OpenAI-compatible server. */
class AiViewModelTest {

    @TempDir
    Path temp;

    private Workstation ws;
    private HttpServer server;
    private final AtomicInteger chatCalls = new AtomicInteger();
    private Account instructor;

    @BeforeEach
    void start() throws IOException {
        ws = Workstation.open(DataDir.of(temp), Clock.systemUTC());
        instructor = ws.accounts().createFirstInstructor("sato", "Sato", "first-day-pw".toCharArray());
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v1/models", ex -> reply(ex, "{\"object\":\"list\",\"data\":[{\"id\":\"tiny-llm\","
                + "\"object\":\"model\"}]}"));
        server.createContext("/v1/chat/completions", ex -> {
            chatCalls.incrementAndGet();
            reply(ex, "{\"id\":\"c1\",\"object\":\"chat.completion\",\"created\":1,\"model\":\"tiny-llm\","
                    + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"Ward office is "
                    + "north.\"},\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":12,\"completion_tokens\":5,"
                    + "\"total_tokens\":17}}");
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
        ws.close(false);
    }

    private static void reply(HttpExchange ex, String json) throws IOException {
        ex.getRequestBody().readAllBytes();
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(200, body.length);
        ex.getResponseBody().write(body);
        ex.close();
    }

    private String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    @Test
    void aProviderAddedTestedAndAssignedAnswersThatUseOnlineAndIsCounted() {
        TestContext ctx = new TestContext(ws, instructor);
        AiViewModel model = new AiViewModel(ctx);
        model.refresh();
        assertThat(model.providers()).isEmpty();
        assertThat(model.statusProperty().get().online()).isFalse();

        model.addProvider(ProviderConfig.of("lab", ProviderKind.OPENAI_COMPATIBLE, url(), "tiny-llm", "")
                .withPrices(1.0, 2.0));
        assertThat(model.providers()).extracting(ProviderConfig::name).containsExactly("lab");
        assertThat(model.choicesFor()).containsExactly("offline", "lab");

        AtomicReference<ConnectionTest.TestResult> tested = new AtomicReference<>();
        model.test(model.providers().get(0), tested::set);
        assertThat(tested.get().ok()).as(tested.get().message()).isTrue();
        assertThat(tested.get().models()).contains("tiny-llm");

        model.assign(AiUse.CALLER, "lab");
        assertThat(model.assignment(AiUse.CALLER)).isEqualTo("lab");
        assertThat(model.statusProperty().get().of(AiUse.CALLER).usable()).isTrue();

        ChatReply reply = ws.ai().chat(ChatRequest.ask(AiUse.CALLER, "", "Where is the ward office?"),
                request -> "offline answer");
        assertThat(reply.text()).isEqualTo("Ward office is north.");
        assertThat(reply.provenance().source()).isEqualTo(Provenance.Source.ONLINE);
        assertThat(reply.provenance().tokensIn()).isEqualTo(12);

        ws.ai().usage().flush();
        model.refresh();
        assertThat(model.usage()).anySatisfy(row -> {
            assertThat(row.provider()).isEqualTo("lab");
            assertThat(row.calls()).isEqualTo(1);
        });
        assertThat(model.usageTotalsProperty().get()).contains("1 calls");
        assertThat(ctx.errors).isEmpty();
    }

    @Test
    void aKeyTypedInsteadOfNamedIsRefusedAndNothingIsStored() {
        TestContext ctx = new TestContext(ws, instructor);
        AiViewModel model = new AiViewModel(ctx);
        assertThatThrownBy(() -> ProviderConfig.of("leak", ProviderKind.OPENAI_COMPATIBLE, url(), "m",
                "sk-live-1234567890abcdef")).hasMessageContaining("apiKeyRef").hasMessageNotContaining("sk-live");
        model.refresh();
        assertThat(model.providers()).isEmpty();
    }

    @Test
    void aWorkerThatDoesNotAnswerIsListedAsUnhealthy() {
        TestContext ctx = new TestContext(ws, instructor);
        AiViewModel model = new AiViewModel(ctx);
        model.addWorker(new Worker("gpu-1", URI.create("http://127.0.0.1:9"), WorkerKind.IMAGE,
                ApiFlavour.A1111_TXT2IMG, "", 1, true));
        assertThat(model.workers()).hasSize(1);
        assertThat(model.workers().get(0).healthText()).containsIgnoringCase("unhealthy");
        assertThat(model.imageAvailabilityProperty().get()).contains("0 of 1");
    }

    @Test
    void onlyInstructorsGetThePage() {
        Account trainee = ws.accounts().createAccount(instructor, "tanaka", "Tanaka", Role.TRAINEE,
                "trainee-pw1".toCharArray());
        assertThat(ws.accounts().logon("tanaka", "trainee-pw1".toCharArray())).isInstanceOf(LogonResult.Accepted.class);
        assertThatThrownBy(() -> new AiViewModel(new TestContext(ws, trainee))).hasMessageContaining("instructors");
    }
}
