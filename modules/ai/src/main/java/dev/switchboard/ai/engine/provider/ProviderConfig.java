package dev.switchboard.ai.engine.provider;

import dev.switchboard.core.error.InputException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One configured model endpoint. Holds no secret: {@code apiKeyRef} says where the key is kept
 * ({@code env:VAR_NAME}, {@code keyring:ENTRY}, or empty for endpoints without a key), so this record
 * may be stored, logged and exported as it is.
 *
 * @param name unique, shown in the UI and stored as the per-use choice; not "offline"
 * @param baseUrl http(s) URL without credentials, query or fragment; a trailing slash is dropped
 * @param inputUsdPerMillionTokens price used to estimate cost; 0 for local models
 * @param timeout per attempt: connecting, waiting for an answer, or between streamed tokens
 * @throws InputException naming the field when a value breaks its rule
 */
public record ProviderConfig(String name, ProviderKind kind, String baseUrl, String model, String apiKeyRef,
                             double inputUsdPerMillionTokens, double outputUsdPerMillionTokens, Duration timeout,
                             boolean enabled) {

    /** The name reserved for the offline fallback. */
    public static final String OFFLINE = "offline";

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 ._-]{0,39}");
    private static final Pattern ENV_VAR = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,127}");
    private static final Pattern KEYRING_ENTRY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 ._@-]{0,99}");
    private static final Duration MIN_TIMEOUT = Duration.ofMillis(50);
    private static final Duration MAX_TIMEOUT = Duration.ofMinutes(10);
    private static final double MAX_PRICE = 10_000;

    public ProviderConfig {
        name = name == null ? "" : name.strip();
        if (!NAME.matcher(name).matches()) {
            throw InputException.field("name", "must be 1 to 40 letters, digits, spaces, '.', '_' or '-', "
                    + "starting with a letter or digit");
        }
        if (name.equalsIgnoreCase(OFFLINE)) {
            throw InputException.field("name", "'offline' is reserved for the offline fallback");
        }
        if (kind == null) {
            throw InputException.field("kind", "must be one of OPENAI_COMPATIBLE, OLLAMA, ANTHROPIC");
        }
        baseUrl = checkBaseUrl(baseUrl);
        model = model == null ? "" : model.strip();
        if (model.isEmpty() || model.length() > 200 || model.chars().anyMatch(Character::isISOControl)) {
            throw InputException.field("model", "must be a model name of 1 to 200 characters");
        }
        apiKeyRef = apiKeyRef == null ? "" : apiKeyRef.strip();
        checkKeyRef(apiKeyRef);
        checkPrice("inputUsdPerMillionTokens", inputUsdPerMillionTokens);
        checkPrice("outputUsdPerMillionTokens", outputUsdPerMillionTokens);
        if (timeout == null || timeout.compareTo(MIN_TIMEOUT) < 0 || timeout.compareTo(MAX_TIMEOUT) > 0) {
            throw InputException.field("timeout", "must be between 50 ms and 10 minutes");
        }
    }

    /** A provider with no prices, a 60 s timeout, enabled. */
    public static ProviderConfig of(String name, ProviderKind kind, String baseUrl, String model, String apiKeyRef) {
        return new ProviderConfig(name, kind, baseUrl, model, apiKeyRef, 0, 0, Duration.ofSeconds(60), true);
    }

    public ProviderConfig withEnabled(boolean on) {
        return new ProviderConfig(name, kind, baseUrl, model, apiKeyRef, inputUsdPerMillionTokens,
                outputUsdPerMillionTokens, timeout, on);
    }

    public ProviderConfig withTimeout(Duration perAttempt) {
        return new ProviderConfig(name, kind, baseUrl, model, apiKeyRef, inputUsdPerMillionTokens,
                outputUsdPerMillionTokens, perAttempt, enabled);
    }

    public ProviderConfig withPrices(double inputUsdPerMillion, double outputUsdPerMillion) {
        return new ProviderConfig(name, kind, baseUrl, model, apiKeyRef, inputUsdPerMillion, outputUsdPerMillion,
                timeout, enabled);
    }

    /** Estimated cost in US dollars of a call with these token counts. */
    public double costUsd(long tokensIn, long tokensOut) {
        return (tokensIn * inputUsdPerMillionTokens + tokensOut * outputUsdPerMillionTokens) / 1_000_000.0;
    }

    private static String checkBaseUrl(String url) {
        String text = url == null ? "" : url.strip();
        while (text.endsWith("/")) {
            text = text.substring(0, text.length() - 1);
        }
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw InputException.field("baseUrl", "is not a URL (" + e.getReason() + ")");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            throw InputException.field("baseUrl", "must be an http:// or https:// URL with a host, "
                    + "e.g. http://127.0.0.1:8000/v1");
        }
        if (uri.getRawUserInfo() != null) {
            // Never echo the URL here: the user part may be a key.
            throw InputException.field("baseUrl", "must not contain a user name or key; use apiKeyRef");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw InputException.field("baseUrl", "must not have a query (?...) or fragment (#...)");
        }
        return text;
    }

    private static void checkKeyRef(String ref) {
        if (ref.isEmpty()) {
            return;
        }
        if (ref.startsWith(SecretResolver.ENV_PREFIX)
                && ENV_VAR.matcher(ref.substring(SecretResolver.ENV_PREFIX.length())).matches()) {
            return;
        }
        if (ref.startsWith(SecretResolver.KEYRING_PREFIX)
                && KEYRING_ENTRY.matcher(ref.substring(SecretResolver.KEYRING_PREFIX.length())).matches()) {
            return;
        }
        // Never echo the value: a user may have pasted the key itself.
        throw InputException.field("apiKeyRef", "must be empty, env:VARIABLE_NAME or keyring:ENTRY_NAME; "
                + "the key itself is never stored");
    }

    private static void checkPrice(String field, double price) {
        if (!Double.isFinite(price) || price < 0 || price > MAX_PRICE) {
            throw InputException.field(field, "must be a price between 0 and 10000 US dollars per million tokens");
        }
    }
}
