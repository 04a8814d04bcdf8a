package dev.switchboard.uikit;

import dev.switchboard.core.account.Account;
import dev.switchboard.core.error.SwitchboardException;
import dev.switchboard.core.event.EventBus;
import dev.switchboard.core.settings.Settings;
import dev.switchboard.core.time.SimClock;

/**
 * What a workspace receives from the composition root when it is created for a login. The app builds
 * one context per login from the services it constructed once at start-up; nothing here is static.
 */
public interface WorkspaceContext {

    EventBus bus();

    SimClock clock();

    Settings settings();

    /** Runs blocking work (database, speech, model calls) off the FX thread. */
    TaskRunner tasks();

    DialogService dialogs();

    /** The person logged in; the context is rebuilt on the next login. */
    Account user();

    Navigator navigator();

    /**
     * A service the composition root built for this login, such as a store repository or the AI gateway,
     * looked up by its exact type. This is a typed entry in the per-login record the app assembles, not a
     * global locator: a workspace sees only what the app chose to put in its context, and a test builds
     * a context with fakes. Keeps uikit free of store and capability types.
     *
     * @throws SwitchboardException naming {@code type} when the app provides no such service
     */
    <T> T service(Class<T> type);
}
