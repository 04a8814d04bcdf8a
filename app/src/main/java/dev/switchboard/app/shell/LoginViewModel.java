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
    private final ReadOnlyStringWrapper waiting = new ReadOnlyStringWrapper("");
    private final java.util.function.Supplier<java.util.Optional<String>> background;
    private javafx.animation.PauseTransition slow;

    public LoginViewModel(AccountService accounts, TaskRunner tasks, Consumer<Account> onSignedIn) {
        this(accounts, tasks, onSignedIn, java.util.Optional::empty);
    }

    /**
     * @param background what the workstation is busy with in the background, named when sign-in has to wait
     */
    public LoginViewModel(AccountService accounts, TaskRunner tasks, Consumer<Account> onSignedIn,
                          java.util.function.Supplier<java.util.Optional<String>> background) {
        this.background = Objects.requireNonNull(background, "background");
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

    /** What sign-in is waiting for, once it has taken longer than a second; empty otherwise. */
    public ReadOnlyStringProperty waitingProperty() {
        return waiting.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canSignInProperty() {
        return canSignIn.getReadOnlyProperty();
    }

    // Commands

    /** After a second of checking, says what sign-in waits for (the hash, and any background work slowing it). */
    private void waitAWhile() {
        if (slow == null) {
            slow = new javafx.animation.PauseTransition(javafx.util.Duration.seconds(1));
            slow.setOnFinished(e -> {
                if (busy.get()) {
                    waiting.set(background.get().map(what -> java.text.MessageFormat.format(
                            Fxml.MESSAGES.getString("app.login.waitingFor"), what))
                            .orElse(Fxml.MESSAGES.getString("app.login.waiting")));
                }
            });
        }
        slow.playFromStart();
    }

    private void done() {
        busy.set(false);
        waiting.set("");
        if (slow != null) {
            slow.stop();
        }
    }

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
        if (javafx.application.Platform.isFxApplicationThread()) {
            waitAWhile();
        }
        BackgroundTask.wrap(() -> accounts.logon(name, secret))
                .onSuccess(result -> {
                    done();
                    if (result instanceof LogonResult.Accepted accepted) {
                        onSignedIn.accept(accepted.account());
                    } else if (result instanceof LogonResult.Refused refused) {
                        error.set(refused.reason());
                    }
                })
                .onFailure(failure -> {
                    done();
                    error.set(ShellText.failure(failure));
                })
                .executeWith(tasks);
    }
}
