package dev.switchboard.uikit;

import dev.switchboard.core.account.Role;
import dev.switchboard.core.error.SwitchboardException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/** The workspaces installed in this build, in navigation order. Immutable and thread-safe. */
public final class WorkspaceRegistry {

    private static final Comparator<Workspace> NAVIGATION_ORDER =
            Comparator.comparingInt(Workspace::order).thenComparing(Workspace::id);

    private final List<Workspace> workspaces;

    /**
     * Finds every {@link Workspace} provider visible to {@code loader}.
     *
     * @throws SwitchboardException when a provider cannot be loaded or two share an id
     */
    public WorkspaceRegistry(ClassLoader loader) {
        this(load(loader));
    }

    /**
     * Uses {@code workspaces} as given, e.g. in tests.
     *
     * @throws SwitchboardException when two share an id, naming both classes
     */
    public WorkspaceRegistry(List<Workspace> workspaces) {
        List<Workspace> sorted = new ArrayList<>(workspaces);
        sorted.forEach(w -> Objects.requireNonNull(w, "workspace"));
        Map<String, Workspace> byId = new HashMap<>();
        for (Workspace workspace : sorted) {
            Workspace earlier = byId.putIfAbsent(workspace.id(), workspace);
            if (earlier != null) {
                throw new SwitchboardException("Two workspaces use the id '" + workspace.id() + "': "
                        + earlier.getClass().getName() + " and " + workspace.getClass().getName() + ".",
                        "Give each workspace its own id; this is a fault in the build, not in your data.");
            }
        }
        sorted.sort(NAVIGATION_ORDER);
        this.workspaces = List.copyOf(sorted);
    }

    /** Every workspace, ordered by {@link Workspace#order()} then {@link Workspace#id()}. */
    public List<Workspace> all() {
        return workspaces;
    }

    /** The workspaces a person with {@code role} may open, in navigation order. */
    public List<Workspace> availableTo(Role role) {
        Objects.requireNonNull(role, "role");
        return workspaces.stream().filter(w -> w.availableTo(role)).toList();
    }

    public Optional<Workspace> byId(String id) {
        return workspaces.stream().filter(w -> w.id().equals(id)).findFirst();
    }

    private static List<Workspace> load(ClassLoader loader) {
        List<Workspace> found = new ArrayList<>();
        try {
            for (Workspace workspace : ServiceLoader.load(Workspace.class, loader)) {
                found.add(workspace);
            }
        } catch (ServiceConfigurationError e) {
            throw new SwitchboardException("A workspace could not be loaded: " + e.getMessage(),
                    "This is a fault in the build; the log file has the details.", e);
        }
        return found;
    }
}
