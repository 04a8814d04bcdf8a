package dev.switchboard.ai.engine.worker;

import dev.switchboard.core.error.InputException;
import java.net.URI;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A remote serving engine registered on this workstation. Invalid values are refused with an
 * {@link InputException} naming the field.
 *
 * @param name unique (ignoring case), 1..40 letters, digits, '.', '_' or '-'
 * @param baseUrl http(s) URL of the server, e.g. {@code http://10.0.0.5:7860}; for OpenAI flavours a
 *                trailing {@code /v1} may be given or left out
 * @param apiKeyRef where the API key is found: {@code env:NAME} (an environment variable) or empty for none.
 *                  Never the key itself, so no key reaches the database, logs or exports
 * @param capacity how many jobs the worker takes at once, 1..32 (an Automatic1111 server generates one
 *                 image at a time; more only queue on the server)
 */
public record Worker(String name, URI baseUrl, WorkerKind kind, ApiFlavour flavour, String apiKeyRef, int capacity,
                     boolean enabled) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,40}");
    private static final Pattern ENV_REF = Pattern.compile("env:[A-Za-z_][A-Za-z0-9_]*");

    public Worker {
        if (name == null || name.isBlank()) {
            throw InputException.field("name", "must not be empty");
        }
        name = name.strip();
        if (!NAME.matcher(name).matches()) {
            throw InputException.field("name", "must be 1 to 40 letters, digits, '.', '_' or '-', was '" + name + "'");
        }
        checkUrl(baseUrl);
        if (kind == null) {
            throw InputException.field("kind", "must be one of CHAT, IMAGE, VIDEO");
        }
        if (flavour == null) {
            throw InputException.field("flavour", "must be one of OPENAI_IMAGES, A1111_TXT2IMG, OPENAI_CHAT");
        }
        if (!flavour.serves(kind)) {
            throw InputException.field("flavour", flavour + " cannot serve a " + kind.name().toLowerCase(Locale.ROOT)
                    + " worker");
        }
        apiKeyRef = apiKeyRef == null ? "" : apiKeyRef.strip();
        if (!apiKeyRef.isEmpty() && !ENV_REF.matcher(apiKeyRef).matches()) {
            // Do not echo the value: it may be a pasted key.
            throw InputException.field("apiKeyRef", "must be empty or env:VARIABLE_NAME (the variable that holds "
                    + "the key), never the key itself");
        }
        if (capacity < 1 || capacity > 32) {
            throw InputException.field("capacity", "must be within 1..32, was " + capacity);
        }
    }

    /** An enabled image worker without a key that takes one job at a time. */
    public static Worker image(String name, URI baseUrl, ApiFlavour flavour) {
        return new Worker(name, baseUrl, WorkerKind.IMAGE, flavour, "", 1, true);
    }

    public Worker withEnabled(boolean on) {
        return new Worker(name, baseUrl, kind, flavour, apiKeyRef, capacity, on);
    }

    public Worker withCapacity(int jobs) {
        return new Worker(name, baseUrl, kind, flavour, apiKeyRef, jobs, enabled);
    }

    public Worker withApiKeyRef(String ref) {
        return new Worker(name, baseUrl, kind, flavour, ref, capacity, enabled);
    }

    /** The environment variable named by {@link #apiKeyRef()}, or empty. */
    public String apiKeyVariable() {
        return apiKeyRef.isEmpty() ? "" : apiKeyRef.substring("env:".length());
    }

    private static void checkUrl(URI url) {
        if (url == null) {
            throw InputException.field("baseUrl", "must not be empty");
        }
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw InputException.field("baseUrl", "must start with http:// or https://, was '" + url + "'");
        }
        if (url.getHost() == null || url.getHost().isEmpty()) {
            throw InputException.field("baseUrl", "must name a host, was '" + url + "'");
        }
        if (url.getRawQuery() != null || url.getRawFragment() != null) {
            throw InputException.field("baseUrl", "must not have a query or fragment, was '" + url + "'");
        }
        if (url.getRawUserInfo() != null) {
            throw InputException.field("baseUrl", "must not carry a user name or password; use apiKeyRef");
        }
    }
}
