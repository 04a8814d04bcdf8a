package dev.switchboard.app.workspace;

import dev.switchboard.core.account.Role;
import dev.switchboard.uikit.Workspace;
import dev.switchboard.uikit.WorkspaceContext;
import dev.switchboard.uikit.WorkspaceView;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.material2.Material2OutlinedMZ;

/** Instructors add accounts, change roles, disable accounts and reset passwords. */
public final class AccountsWorkspace implements Workspace {

    @Override
    public String id() {
        return "accounts";
    }

    @Override
    public String title() {
        return Ui.text("app.accounts.title");
    }

    @Override
    public Ikon icon() {
        return Material2OutlinedMZ.SUPERVISOR_ACCOUNT;
    }

    @Override
    public int order() {
        return 900;
    }

    @Override
    public boolean availableTo(Role role) {
        return role == Role.INSTRUCTOR;
    }

    @Override
    public WorkspaceView create(WorkspaceContext ctx) {
        return new AccountsView(new AccountsViewModel(ctx), ctx);
    }
}
