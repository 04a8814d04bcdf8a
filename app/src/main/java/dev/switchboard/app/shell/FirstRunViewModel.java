package dev.switchboard.app.shell;

import dev.switchboard.core.account.Account;
import dev.switchboard.core.account.AccountService;
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

/** First start: creates the instructor account that manages every other account. */
public final class FirstRunViewModel {

    private final AccountService accounts;
    private final TaskRunner tasks;
    private final Consumer<Account> onCreated;

    // Properties
    private final StringProperty username = new SimpleStringProperty("");
    private final StringProperty displayName = new SimpleStringProperty("");
    private final StringProperty password = new SimpleStringProperty("");
    private final StringProperty confirmation = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper canCreate = new ReadOnlyBooleanWrapper();

    public FirstRunViewModel(AccountService accounts, TaskRunner tasks, Consumer<Account> onCreated) {
        this.accounts = Objects.requireNonNull(accounts, "accounts");
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.onCreated = Objects.requireNonNull(onCreated, "onCreated");
        canCreate.bind(Bindings.createBooleanBinding(
                () -> !busy.get() && !username.get().isBlank() && !password.get().isEmpty()
                        && !confirmation.get().isEmpty(),
                busy, username, password, confirmation));
    }

    public StringProperty usernameProperty() {
        return username;
    }

    public StringProperty displayNameProperty() {
        return displayName;
    }

    public StringProperty passwordProperty() {
        return password;
    }

    public StringProperty confirmationProperty() {
        return confirmation;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canCreateProperty() {
        return canCreate.getReadOnlyProperty();
    }

    // Commands

    /** Creates the instructor; the two password entries must match. */
    public void create() {
        if (!canCreate.get()) {
            return;
        }
        if (!password.get().equals(confirmation.get())) {
            error.set("The two passwords do not match.");
            confirmation.set("");
            return;
        }
        String name = username.get();
        String display = displayName.get();
        char[] secret = password.get().toCharArray();
        password.set("");
        confirmation.set("");
        error.set("");
        busy.set(true);
        BackgroundTask.wrap(() -> accounts.createFirstInstructor(name, display, secret))
                .onSuccess(account -> {
                    busy.set(false);
                    onCreated.accept(account);
                })
                .onFailure(failure -> {
                    busy.set(false);
                    error.set(ShellText.failure(failure));
                })
                .executeWith(tasks);
    }
}
