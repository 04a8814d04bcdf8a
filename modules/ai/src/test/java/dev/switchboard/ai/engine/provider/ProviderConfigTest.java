package dev.switchboard.ai.engine.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.core.error.InputException;
import dev.switchboard.core.error.SwitchboardException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProviderConfigTest {

    private static ProviderConfig with(String name, String baseUrl, String model, String keyRef) {
        return new ProviderConfig(name, ProviderKind.OPENAI_COMPATIBLE, baseUrl, model, keyRef, 0.5, 1.5,
                Duration.ofSeconds(30), true);
    }

    @Test
    void acceptsAndTidiesAGoodConfig() {
        ProviderConfig c = with(" lab-vllm ", "http://10.0.0.5:8000/v1/", "llama-3.1-8b", "env:LAB_KEY");

        assertThat(c.name()).isEqualTo("lab-vllm");
        assertThat(c.baseUrl()).isEqualTo("http://10.0.0.5:8000/v1");
        assertThat(c.costUsd(1_000_000, 2_000_000)).isEqualTo(3.5);
        assertThat(with("x", "https://openrouter.ai/api/v1", "m", "keyring:openrouter").apiKeyRef())
                .isEqualTo("keyring:openrouter");
        assertThat(with("x", "http://localhost:11434", "m", "").apiKeyRef()).isEmpty();
    }

    @Test
    void namesTheFieldThatBreaksARule() {
        assertField(() -> with("", "http://h/v1", "m", ""), "name");
        assertField(() -> with("offline", "http://h/v1", "m", ""), "name");
        assertField(() -> with("x", "ftp://h/v1", "m", ""), "baseUrl");
        assertField(() -> with("x", "not a url", "m", ""), "baseUrl");
        assertField(() -> with("x", "http://h/v1?key=1", "m", ""), "baseUrl");
        assertField(() -> with("x", "http://h/v1", " ", ""), "model");
        assertField(() -> with("x", "http://h/v1", "m", "OPENAI_KEY"), "apiKeyRef");
        assertField(() -> new ProviderConfig("x", null, "http://h", "m", "", 0, 0, Duration.ofSeconds(1), true),
                "kind");
        assertField(() -> new ProviderConfig("x", ProviderKind.OLLAMA, "http://h", "m", "", -1, 0,
                Duration.ofSeconds(1), true), "inputUsdPerMillionTokens");
        assertField(() -> new ProviderConfig("x", ProviderKind.OLLAMA, "http://h", "m", "", 0, Double.NaN,
                Duration.ofSeconds(1), true), "outputUsdPerMillionTokens");
        assertField(() -> new ProviderConfig("x", ProviderKind.OLLAMA, "http://h", "m", "", 0, 0,
                Duration.ZERO, true), "timeout");
    }

    @Test
    void aPastedKeyIsRefusedWithoutBeingEchoed() {
        String pasted = "sk-proj-abcdefghijklmnopqrstuvwxyz";
        assertThatThrownBy(() -> with("x", "http://h/v1", "m", pasted))
                .isInstanceOf(InputException.class)
                .hasMessageNotContaining(pasted);
        assertThatThrownBy(() -> with("x", "https://user:" + pasted + "@h/v1", "m", ""))
                .isInstanceOf(InputException.class)
                .hasMessageNotContaining(pasted);
    }

    @Test
    void resolvesEnvironmentReferences() {
        SecretResolver secrets = new SecretResolver(Map.of("LAB_KEY", " sk-lab ")::get,
                KeyringAccess.unavailable("none here"));

        assertThat(secrets.resolve("env:LAB_KEY")).contains("sk-lab");
        assertThat(secrets.resolve("")).isEmpty();
        assertThatThrownBy(() -> secrets.resolve("env:MISSING"))
                .isInstanceOf(SwitchboardException.class)
                .hasMessage("The API key environment variable MISSING is not set.");
    }

    @Test
    void saysCleanlyWhenThereIsNoKeyring() {
        SecretResolver secrets = new SecretResolver(name -> null,
                KeyringAccess.unavailable("No OS keyring is available on this machine"));

        assertThatThrownBy(() -> secrets.resolve("keyring:lab"))
                .isInstanceOf(SwitchboardException.class)
                .hasMessage("No OS keyring is available on this machine");
    }

    @Test
    void theOsKeyringReportsItsAbsenceInsteadOfFailing() {
        OsKeyring keyring = new OsKeyring();
        // Either way it answers; on a machine without a Secret Service it explains why.
        if (!keyring.available()) {
            assertThat(keyring.unavailableReason()).contains("No OS keyring is available");
            assertThatThrownBy(() -> keyring.read("anything")).isInstanceOf(IllegalStateException.class);
        } else {
            assertThat(keyring.unavailableReason()).isEmpty();
        }
    }

    @Test
    void redactsTheKeyFromText() {
        assertThat(SecretResolver.redact("bad key sk-abc123 given", Optional.of("sk-abc123")))
                .isEqualTo("bad key *** given");
        assertThat(SecretResolver.describe("env:X")).isEqualTo("env var X");
        assertThat(SecretResolver.describe("keyring:lab")).isEqualTo("keyring entry lab");
    }

    private static void assertField(Runnable build, String field) {
        assertThatThrownBy(build::run).isInstanceOfSatisfying(InputException.class,
                e -> assertThat(e.field()).isEqualTo(field));
    }
}
