package dev.switchboard.app.shell;

import dev.switchboard.core.account.Account;
import dev.switchboard.core.account.AccountService;
import dev.switchboard.core.account.LogonResult;
import dev.switchboard.uikit.BackgroundTask;
import dev.switchboard.uikit.TaskRunner;
import java.util.Objects;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** The locked window: only the signed-in user's password opens it again; anyone may sign them out. */
public final class LockViewModel {

    private final AccountService accounts;
    private final TaskRunner tasks;
    private final Account user;
    private final Runnable onUnlocked;

    // Properties
    private final StringProperty password = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper canUnlock = new ReadOnlyBooleanWrapper();

    public LockViewModel(AccountService accounts, TaskRunner tasks, Account user, Runnable onUnlocked) {
        this.accounts = Objects.requireNonNull(accounts, "accounts");
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.user = Objects.requireNonNull(user, "user");
        this.onUnlocked = Objects.requireNonNull(onUnlocked, "onUnlocked");
        canUnlock.bind(Bindings.createBooleanBinding(() -> !busy.get() && !password.get().isEmpty(), busy, password));
    }

    public Account user() {
        return user;
    }

    public StringProperty passwordProperty() {
        return password;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canUnlockProperty() {
        return canUnlock.getReadOnlyProperty();
    }

    // Commands

    /** Checks the password; the window opens again only for the user who locked it. */
    public void unlock() {
        if (!canUnlock.get()) {
            return;
        }
        char[] secret = password.get().toCharArray();
        password.set("");
        error.set("");
        busy.set(true);
        BackgroundTask.wrap(() -> accounts.unlock(user, secret))
                .onSuccess(result -> {
                    busy.set(false);
                    if (result instanceof LogonResult.Accepted) {
                        onUnlocked.run();
                    } else if (result instanceof LogonResult.Refused refused) {
                        error.set(refused.reason());
                    }
                })
                .onFailure(failure -> {
                    busy.set(false);
                    error.set(ShellText.failure(failure));
                })
                .executeWith(tasks);
    }
}
