package dev.switchboard.app.shell;

import dev.switchboard.core.account.Account;
import dev.switchboard.core.account.AccountService;
import dev.switchboard.core.account.LogonResult;
import dev.switchboard.uikit.BackgroundTask;
import dev.switchboard.uikit.TaskRunner;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * Sign-in: checks the typed name and password off the FX thread and hands the signed-in account to
 * the shell. The password text is cleared as soon as it is taken.
 */
public final class LoginViewModel {

    private final AccountService accounts;
    private final TaskRunner tasks;
    private final Consumer<Account> onSignedIn;

    // Properties
    private final StringProperty username = new SimpleStringProperty("");
    private final StringProperty password = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper canSignIn = new ReadOnlyBooleanWrapper();

    public LoginViewModel(AccountService accounts, TaskRunner tasks, Consumer<Account> onSignedIn) {
        this.accounts = Objects.requireNonNull(accounts, "accounts");
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.onSignedIn = Objects.requireNonNull(onSignedIn, "onSignedIn");
        canSignIn.bind(Bindings.createBooleanBinding(
                () -> !busy.get() && !username.get().isBlank() && !password.get().isEmpty(), busy, username, password));
    }

    public StringProperty usernameProperty() {
        return username;
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

    public ReadOnlyBooleanProperty canSignInProperty() {
        return canSignIn.getReadOnlyProperty();
    }

    // Commands

    /** Checks the credentials; on success calls the shell, on refusal shows the reason. */
    public void signIn() {
        if (!canSignIn.get()) {
            return;
        }
        String name = username.get();
        char[] secret = password.get().toCharArray();
        password.set("");
        error.set("");
        busy.set(true);
        BackgroundTask.wrap(() -> accounts.logon(name, secret))
                .onSuccess(result -> {
                    busy.set(false);
                    if (result instanceof LogonResult.Accepted accepted) {
                        onSignedIn.accept(accepted.account());
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
