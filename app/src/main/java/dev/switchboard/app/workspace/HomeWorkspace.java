package dev.switchboard.app.workspace;

import dev.switchboard.core.account.Role;
import dev.switchboard.uikit.Workspace;
import dev.switchboard.uikit.WorkspaceContext;
import dev.switchboard.uikit.WorkspaceView;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.material2.Material2OutlinedAL;

/** The first page after sign-in: recent sessions, system status and the way into every workspace. */
public final class HomeWorkspace implements Workspace {

    public static final String ID = "home";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return Ui.text("app.home.title");
    }

    @Override
    public Ikon icon() {
        return Material2OutlinedAL.HOME;
    }

    @Override
    public int order() {
        return 0;
    }

    @Override
    public boolean availableTo(Role role) {
        return true;
    }

    @Override
    public WorkspaceView create(WorkspaceContext ctx) {
        return new HomeView(new HomeViewModel(ctx), ctx);
    }
}
