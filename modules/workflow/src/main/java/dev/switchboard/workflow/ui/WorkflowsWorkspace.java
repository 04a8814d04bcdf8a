package dev.switchboard.workflow.ui;

import dev.switchboard.core.account.Role;
import dev.switchboard.uikit.Workspace;
import dev.switchboard.uikit.WorkspaceContext;
import dev.switchboard.uikit.WorkspaceView;
import dev.switchboard.workflow.engine.Workflows;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.material2.Material2OutlinedAL;

/** Workflows: instructors design and run exercise workflows; supervisors follow runs and decide at gates. */
public final class WorkflowsWorkspace implements Workspace {

    @Override
    public String id() {
        return "workflows";
    }

    @Override
    public String title() {
        return Text.get("workflow.title");
    }

    @Override
    public Ikon icon() {
        return Material2OutlinedAL.ACCOUNT_TREE;
    }

    @Override
    public int order() {
        return 400;
    }

    @Override
    public boolean availableTo(Role role) {
        return role.atLeast(Role.SUPERVISOR);
    }

    @Override
    public WorkspaceView create(WorkspaceContext ctx) {
        Workflows workflows = ctx.service(Workflows.class);
        return new WorkflowsView(new DesignerViewModel(workflows),
                new WorkflowsViewModel(workflows, ctx.user(), ctx.tasks(), ctx.dialogs(), ctx.bus()));
    }
}
