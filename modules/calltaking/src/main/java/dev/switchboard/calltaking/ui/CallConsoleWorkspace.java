package dev.switchboard.calltaking.ui;

import dev.switchboard.core.account.Role;
import dev.switchboard.uikit.Workspace;
import dev.switchboard.uikit.WorkspaceContext;
import dev.switchboard.uikit.WorkspaceView;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.material2.Material2OutlinedAL;

/** The 911 call console: a simulated caller, the trainee's voice or keyboard, entities, CAD and dispatch. */
public final class CallConsoleWorkspace implements Workspace {

    @Override
    public String id() {
        return "call-console";
    }

    @Override
    public String title() {
        return Text.get("call.title");
    }

    @Override
    public Ikon icon() {
        return Material2OutlinedAL.HEADSET_MIC;
    }

    @Override
    public int order() {
        return 90;
    }

    @Override
    public boolean availableTo(Role role) {
        return true;
    }

    @Override
    public WorkspaceView create(WorkspaceContext ctx) {
        return new CallConsoleView(new CallConsoleViewModel(ctx), ctx);
    }
}
