package dev.switchboard.app.workspace;

import dev.switchboard.core.account.Account;
import dev.switchboard.core.account.AccountService;
import dev.switchboard.core.account.Role;
import dev.switchboard.uikit.BackgroundTask;
import dev.switchboard.uikit.DialogService;
import dev.switchboard.uikit.TaskRunner;
import dev.switchboard.uikit.WorkspaceContext;
import java.util.concurrent.Callable;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Account administration for instructors. Every change goes through {@link AccountService}, which
 * enforces the rules (last instructor, password policy) and audits it; failures are shown, not thrown.
 */
public final class AccountsViewModel {

    private final AccountService accounts;
    private final Account actor;
    private final TaskRunner tasks;
    private final DialogService dialogs;

    // Properties
    private final ObservableList<Account> list = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");

    public AccountsViewModel(WorkspaceContext ctx) {
        this.accounts = ctx.service(AccountService.class);
        this.actor = ctx.user();
        this.tasks = ctx.tasks();
        this.dialogs = ctx.dialogs();
    }

    public ObservableList<Account> accounts() {
        return list;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public Account actor() {
        return actor;
    }

    // Commands

    public void refresh() {
        BackgroundTask.wrap(() -> accounts.list(actor))
                .onSuccess(list::setAll)
                .onFailure(error -> dialogs.showError(Ui.text("app.accounts.title"), error))
                .executeWith(tasks);
    }

    /** Adds an account; the password array is cleared by the service. */
    public void create(String username, String displayName, Role role, char[] password) {
        change(() -> accounts.createAccount(actor, username, displayName, role, password),
                Ui.text("app.accounts.created", username));
    }

    /**
     * Creates an account for the Add dialog: {@code created} runs on success, {@code refused} with the reason when
     * the input is not accepted, so the dialog can stay open with what was typed.
     */
    public void create(String username, String displayName, Role role, char[] password, Runnable created,
                       java.util.function.Consumer<String> refused) {
        message.set("");
        BackgroundTask.wrap(() -> accounts.createAccount(actor, username, displayName, role, password))
                .onSuccess(account -> {
                    message.set(Ui.text("app.accounts.created", username));
                    refresh();
                    created.run();
                })
                .onFailure(error -> refused.accept(error.getMessage() == null ? error.toString() : error.getMessage()))
                .executeWith(tasks);
    }

    public void changeRole(Account target, Role role) {
        change(() -> {
            accounts.changeRole(actor, target.id(), role);
            return null;
        }, Ui.text("app.accounts.roleChanged", target.username(), role.label()));
    }

    public void setActive(Account target, boolean active) {
        change(() -> {
            accounts.setActive(actor, target.id(), active);
            return null;
        }, Ui.text(active ? "app.accounts.enabled" : "app.accounts.disabled", target.username()));
    }

    public void resetPassword(Account target, char[] password) {
        change(() -> {
            accounts.resetPassword(actor, target.id(), password);
            return null;
        }, Ui.text("app.accounts.passwordReset", target.username()));
    }

    private void change(Callable<?> work, String done) {
        message.set("");
        BackgroundTask.wrap(work)
                .onSuccess(ignored -> {
                    message.set(done);
                    refresh();
                })
                .onFailure(error -> dialogs.showError(Ui.text("app.accounts.failed"), error))
                .executeWith(tasks);
    }
}
