package dev.switchboard.uikit;

import dev.switchboard.core.error.SwitchboardException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An immutable map from a service type to the one instance the composition root built, behind
 * {@link WorkspaceContext#service(Class)}. Lookup is by exact type: register a service under the type
 * workspaces ask for.
 */
public final class Services {

    private final Map<Class<?>, Object> byType;

    private Services(Map<Class<?>, Object> byType) {
        this.byType = Map.copyOf(byType);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The service registered for {@code type}, or empty. */
    public <T> Optional<T> find(Class<T> type) {
        return Optional.ofNullable(byType.get(type)).map(type::cast);
    }

    /**
     * The service registered for {@code type}.
     *
     * @throws SwitchboardException naming the type when none is registered
     */
    public <T> T get(Class<T> type) {
        return find(type).orElseThrow(() -> new SwitchboardException(
                "The workstation provides no " + type.getName() + " to this workspace.",
                "This is a fault in how the program was put together; report it with the log file."));
    }

    /** Collects services; a type may be registered once. Not thread-safe. */
    public static final class Builder {
        private final Map<Class<?>, Object> byType = new LinkedHashMap<>();

        private Builder() {
        }

        /** Registers {@code service} under {@code type}; throws if the type already has one. */
        public <T> Builder add(Class<T> type, T service) {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(service, "service");
            if (byType.putIfAbsent(type, type.cast(service)) != null) {
                throw new IllegalArgumentException("A service of type " + type.getName() + " is already registered");
            }
            return this;
        }

        public Services build() {
            return new Services(byType);
        }
    }
}
