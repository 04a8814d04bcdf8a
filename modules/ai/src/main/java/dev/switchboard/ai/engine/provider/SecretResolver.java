package dev.switchboard.ai.engine.provider;

import dev.switchboard.core.error.InputException;
import dev.switchboard.core.error.SwitchboardException;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Turns an {@code apiKeyRef} into the key, at the moment a provider is used: {@code env:VAR_NAME}
 * reads an environment variable, {@code keyring:ENTRY} the OS keyring, empty means no key. The key is
 * returned to the caller and kept nowhere here. Thread-safe.
 */
public final class SecretResolver {

    public static final String ENV_PREFIX = "env:";
    public static final String KEYRING_PREFIX = "keyring:";

    private final Function<String, String> env;
    private final KeyringAccess keyring;

    /**
     * @param env looks up an environment variable; {@code System::getenv} in production, a map in tests
     */
    public SecretResolver(Function<String, String> env, KeyringAccess keyring) {
        this.env = Objects.requireNonNull(env, "env");
        this.keyring = Objects.requireNonNull(keyring, "keyring");
    }

    /** The process environment and the OS keyring (probed on first use). */
    public static SecretResolver system() {
        return new SecretResolver(System::getenv, new OsKeyring());
    }

    public KeyringAccess keyring() {
        return keyring;
    }

    /**
     * The key {@code ref} points at; empty for an empty ref.
     *
     * @throws SwitchboardException saying which variable or entry is missing, or that no keyring exists
     * @throws InputException when {@code ref} is not a key reference
     */
    public Optional<String> resolve(String ref) {
        String r = ref == null ? "" : ref.strip();
        if (r.isEmpty()) {
            return Optional.empty();
        }
        if (r.startsWith(ENV_PREFIX)) {
            String name = r.substring(ENV_PREFIX.length());
            String value = env.apply(name);
            if (value == null || value.isBlank()) {
                throw new SwitchboardException("The API key environment variable " + name + " is not set.",
                        "Set " + name + " before starting Switchboard, or change the provider's key reference.");
            }
            return Optional.of(value.strip());
        }
        if (r.startsWith(KEYRING_PREFIX)) {
            String entry = r.substring(KEYRING_PREFIX.length());
            if (!keyring.available()) {
                throw new SwitchboardException(keyring.unavailableReason(),
                        "Use env:VAR_NAME as the provider's key reference.");
            }
            return Optional.of(keyring.read(entry).orElseThrow(() -> new SwitchboardException(
                    "The OS keyring has no entry " + entry + " for service " + OsKeyring.SERVICE + ".",
                    "Store the key again in Settings, or change the provider's key reference.")));
        }
        throw InputException.field("apiKeyRef", "must be empty, env:VARIABLE_NAME or keyring:ENTRY_NAME");
    }

    /** Where a key lives, for messages: "env var OPENAI_API_KEY", "keyring entry lab", "no API key". */
    public static String describe(String ref) {
        String r = ref == null ? "" : ref.strip();
        if (r.startsWith(ENV_PREFIX)) {
            return "env var " + r.substring(ENV_PREFIX.length());
        }
        if (r.startsWith(KEYRING_PREFIX)) {
            return "keyring entry " + r.substring(KEYRING_PREFIX.length());
        }
        return "no API key configured";
    }

    /** {@code text} with every occurrence of {@code secret} replaced by "***", for logs and notes. */
    public static String redact(String text, Optional<String> secret) {
        if (text == null || secret.isEmpty() || secret.get().length() < 4) {
            return text;
        }
        return text.replace(secret.get(), "***");
    }

    @Override
    public String toString() {
        return "SecretResolver[env, " + keyring.getClass().getSimpleName() + "]";
    }
}
