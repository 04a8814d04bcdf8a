package dev.switchboard.app.shell;

import dev.switchboard.core.account.Account;
import dev.switchboard.core.error.SwitchboardException;
import dev.switchboard.core.event.EventBus;
import dev.switchboard.core.settings.Settings;
import dev.switchboard.core.time.SimClock;
import dev.switchboard.uikit.DialogService;
import dev.switchboard.uikit.Navigator;
import dev.switchboard.uikit.TaskRunner;
import dev.switchboard.uikit.WorkspaceContext;
import java.util.Map;
import java.util.Objects;

/**
 * What one signed-in user's workspaces receive: the shared services and the user. Built by the
 * composition root for each sign-in; {@link #service} looks only in the map it was given.
 */
record ShellContext(EventBus bus, SimClock clock, Settings settings, TaskRunner tasks, DialogService dialogs,
                    Account user, Navigator navigator, Map<Class<?>, Object> services) implements WorkspaceContext {

    ShellContext {
        Objects.requireNonNull(user, "user");
        services = Map.copyOf(services);
    }

    @Override
    public <T> T service(Class<T> type) {
        Object found = services.get(type);
        if (found == null) {
            throw new SwitchboardException("This workstation was built without " + type.getSimpleName() + ".",
                    "The workspace that asked for it cannot open; see the log for details.");
        }
        return type.cast(found);
    }
}
