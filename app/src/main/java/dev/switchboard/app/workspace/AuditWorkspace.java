package dev.switchboard.app.workspace;

import dev.switchboard.core.account.Role;
import dev.switchboard.uikit.Workspace;
import dev.switchboard.uikit.WorkspaceContext;
import dev.switchboard.uikit.WorkspaceView;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.material2.Material2OutlinedMZ;

/** Instructors browse and filter the audit trail kept in the hash-chained event log. */
public final class AuditWorkspace implements Workspace {

    @Override
    public String id() {
        return "audit";
    }

    @Override
    public String title() {
        return Ui.text("app.audit.title");
    }

    @Override
    public Ikon icon() {
        return Material2OutlinedMZ.POLICY;
    }

    @Override
    public int order() {
        return 910;
    }

    @Override
    public boolean availableTo(Role role) {
        return role == Role.INSTRUCTOR;
    }

    @Override
    public WorkspaceView create(WorkspaceContext ctx) {
        return new AuditView(new AuditViewModel(ctx));
    }
}
