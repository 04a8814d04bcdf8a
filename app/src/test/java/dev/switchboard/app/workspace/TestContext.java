package dev.switchboard.app.workspace;

import dev.switchboard.app.Workstation;
import dev.switchboard.core.account.Account;
import dev.switchboard.core.error.SwitchboardException;
import dev.switchboard.core.event.EventBus;
import dev.switchboard.core.settings.Settings;
import dev.switchboard.core.time.SimClock;
import dev.switchboard.uikit.DialogService;
import dev.switchboard.uikit.Navigator;
import dev.switchboard.uikit.TaskRunner;
import dev.switchboard.uikit.WorkspaceContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A workspace context over a real workstation, with work on the calling thread and recorded dialogs. */
final class TestContext implements WorkspaceContext {

    final Workstation ws;
    final Account user;
    final List<String> errors = new ArrayList<>();
    boolean confirmAnswer = true;

    TestContext(Workstation ws, Account user) {
        this.ws = ws;
        this.user = user;
    }

    @Override
    public EventBus bus() {
        return ws.bus();
    }

    @Override
    public SimClock clock() {
        return ws.simClock();
    }

    @Override
    public Settings settings() {
        return ws.settings();
    }

    @Override
    public TaskRunner tasks() {
        return TaskRunner.direct();
    }

    @Override
    public DialogService dialogs() {
        return new DialogService() {
            @Override
            public void showError(String title, Throwable error) {
                errors.add(title + ": " + error.getMessage());
            }

            @Override
            public void showError(String title, String message) {
                errors.add(title + ": " + message);
            }

            @Override
            public void showInfo(String title, String message) {
                // Information needs no answer in a test.
            }

            @Override
            public boolean confirm(String title, String message) {
                return confirmAnswer;
            }

            @Override
            public Optional<String> ask(String title, String prompt) {
                return Optional.empty();
            }
        };
    }

    @Override
    public Account user() {
        return user;
    }

    @Override
    public Navigator navigator() {
        return id -> { };
    }

    @Override
    public <T> T service(Class<T> type) {
        if (type == Workstation.class) {
            return type.cast(ws);
        }
        if (type == dev.switchboard.store.audit.AuditLog.class) {
            return type.cast(ws.auditLog());
        }
        if (type == dev.switchboard.store.eventlog.EventLog.class) {
            return type.cast(ws.eventLog());
        }
        if (type == dev.switchboard.store.session.SessionCatalog.class) {
            return type.cast(ws.sessions());
        }
        if (type == dev.switchboard.workflow.engine.Workflows.class) {
            return type.cast(ws.workflows());
        }
        if (type == dev.switchboard.app.shell.WorkstationWindow.StatusRefresher.class) {
            return type.cast((dev.switchboard.app.shell.WorkstationWindow.StatusRefresher) status -> { });
        }
        throw new SwitchboardException("No " + type.getSimpleName() + " in this test", "");
    }
}
