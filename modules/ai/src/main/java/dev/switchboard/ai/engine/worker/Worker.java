package dev.switchboard.ai.engine.worker;

import dev.switchboard.ai.WorkerCapability;
import dev.switchboard.core.error.InputException;
import java.net.URI;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
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
 * @param capabilities what the worker makes; empty means the flavour's defaults for the kind
 *                     ({@link ApiFlavour#defaultCapabilities}); never more than the flavour can do
 * @param standby whether an auto-scaling policy may switch the worker on and off
 * @param note the operator's words about the worker, at most 200 characters
 */
public record Worker(String name, URI baseUrl, WorkerKind kind, ApiFlavour flavour, String apiKeyRef, int capacity,
                     boolean enabled, Set<WorkerCapability> capabilities, boolean standby, String note) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,40}");
    private static final Pattern ENV_REF = Pattern.compile("env:[A-Za-z_][A-Za-z0-9_]*");
    private static final int MAX_NOTE = 200;

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
            throw InputException.field("flavour", "must be one of OPENAI_IMAGES, A1111_TXT2IMG, COMFYUI, OPENAI_CHAT");
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
        if (capabilities == null || capabilities.isEmpty()) {
            capabilities = flavour.defaultCapabilities(kind);
        } else {
            EnumSet<WorkerCapability> beyond = EnumSet.copyOf(capabilities);
            beyond.removeAll(flavour.possibleCapabilities());
            if (!beyond.isEmpty()) {
                throw InputException.field("capabilities", flavour.label() + " workers cannot make "
                        + WorkerCapability.join(beyond) + "; they can make "
                        + (flavour.possibleCapabilities().isEmpty() ? "nothing"
                        : WorkerCapability.join(flavour.possibleCapabilities())));
            }
            capabilities = Set.copyOf(capabilities);
        }
        note = note == null ? "" : note.strip();
        if (note.length() > MAX_NOTE) {
            throw InputException.field("note", "must be at most " + MAX_NOTE + " characters");
        }
    }

    /** A worker with the flavour's default capabilities, not on standby, without a note. */
    public Worker(String name, URI baseUrl, WorkerKind kind, ApiFlavour flavour, String apiKeyRef, int capacity,
                  boolean enabled) {
        this(name, baseUrl, kind, flavour, apiKeyRef, capacity, enabled, Set.of(), false, "");
    }

    /** An enabled image worker without a key that takes one job at a time. */
    public static Worker image(String name, URI baseUrl, ApiFlavour flavour) {
        return new Worker(name, baseUrl, WorkerKind.IMAGE, flavour, "", 1, true);
    }

    public Worker withEnabled(boolean on) {
        return new Worker(name, baseUrl, kind, flavour, apiKeyRef, capacity, on, capabilities, standby, note);
    }

    public Worker withCapacity(int jobs) {
        return new Worker(name, baseUrl, kind, flavour, apiKeyRef, jobs, enabled, capabilities, standby, note);
    }

    public Worker withApiKeyRef(String ref) {
        return new Worker(name, baseUrl, kind, flavour, ref, capacity, enabled, capabilities, standby, note);
    }

    public Worker withCapabilities(Set<WorkerCapability> can) {
        return new Worker(name, baseUrl, kind, flavour, apiKeyRef, capacity, enabled, can, standby, note);
    }

    public Worker withStandby(boolean onStandby) {
        return new Worker(name, baseUrl, kind, flavour, apiKeyRef, capacity, enabled, capabilities, onStandby, note);
    }

    public Worker withNote(String text) {
        return new Worker(name, baseUrl, kind, flavour, apiKeyRef, capacity, enabled, capabilities, standby, text);
    }

    public Worker withBaseUrl(URI url) {
        return new Worker(name, url, kind, flavour, apiKeyRef, capacity, enabled, capabilities, standby, note);
    }

    /** Whether the worker makes anything the queue sends (chat workers do not). */
    public boolean generates() {
        return kind != WorkerKind.CHAT && !capabilities.isEmpty();
    }

    /** Whether it has every capability in {@code needs}. */
    public boolean can(Set<WorkerCapability> needs) {
        return capabilities.containsAll(needs);
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
