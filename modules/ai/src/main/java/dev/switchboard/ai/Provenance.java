package dev.switchboard.ai;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * Where an answer came from, returned beside every result so the UI can always say which one
 * answered: an online provider and model, the response cache, or the caller's offline fallback.
 *
 * @param provider the configured provider's name; "offline" for the fallback
 * @param model the model name; for the fallback, what kind of fallback (e.g. "rule-based")
 * @param latency wall time of the whole call as the caller saw it
 * @param estimatedCostUsd from the provider's configured per-token prices; 0 offline
 * @param note why the fallback was used (no provider, circuit open, error …); empty when online
 */
public record Provenance(Source source, String provider, String model, Duration latency, int tokensIn,
                         int tokensOut, double estimatedCostUsd, String note) {

    public Provenance {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(latency, "latency");
        note = note == null ? "" : note;
    }

    /** An answer made on this machine without any model endpoint. */
    public static Provenance offline(String kind, Duration latency, String why) {
        return new Provenance(Source.OFFLINE, "offline", kind, latency, 0, 0, 0, why);
    }

    public boolean isOffline() {
        return source == Source.OFFLINE;
    }

    /** One line for the UI, e.g. "online · lab-vllm · llama-3.1-8b · 840 ms" or "offline · rule-based". */
    public String label() {
        String base = switch (source) {
            case ONLINE -> "online · " + provider + " · " + model;
            case CACHE -> "cached · " + provider + " · " + model;
            case OFFLINE -> "offline · " + model;
        };
        return base + String.format(Locale.ROOT, " · %d ms", latency.toMillis())
                + (note.isEmpty() ? "" : " (" + note + ")");
    }

    /** Where an answer came from. */
    public enum Source {
        ONLINE, CACHE, OFFLINE
    }
}
