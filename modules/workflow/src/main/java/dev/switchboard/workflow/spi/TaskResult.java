package dev.switchboard.workflow.spi;

import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;

/**
 * How one attempt of a task ended: its output, or a failure of a kind that a retry policy can name.
 *
 * @param output      what later tasks see as {@code tasks.<id>.output}; JSON-like values only
 * @param errorKind   null on success; {@code error}, {@code timeout}, {@code rejected} or a type's own word
 * @param storeEffect run inside the transaction that stores this result, for effects kept in the store;
 *                    null for none
 */
public record TaskResult(Map<String, Object> output, String errorKind, String error, Consumer<Handle> storeEffect) {

    public TaskResult {
        output = output == null ? Map.of() : output;
    }

    public static TaskResult success(Map<String, Object> output) {
        return new TaskResult(output, null, null, null);
    }

    public static TaskResult success() {
        return success(Map.of());
    }

    public static TaskResult failure(String kind, String message) {
        return new TaskResult(Map.of(), Objects.requireNonNull(kind, "kind"), message, null);
    }

    /** The same result with an effect committed atomically with it; see {@link TaskTypeInfo#transactional()}. */
    public TaskResult withStoreEffect(Consumer<Handle> effect) {
        return new TaskResult(output, errorKind, error, effect);
    }

    public boolean succeeded() {
        return errorKind == null;
    }
}
