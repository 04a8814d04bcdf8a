package dev.switchboard.app.workspace;

import dev.switchboard.core.account.Role;
import dev.switchboard.uikit.Workspace;
import dev.switchboard.uikit.WorkspaceContext;
import dev.switchboard.uikit.WorkspaceView;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.material2.Material2OutlinedMZ;

/** Instructors configure AI providers, choose one per use, watch usage and manage GPU workers. */
public final class AiWorkspace implements Workspace {

    @Override
    public String id() {
        return "ai";
    }

    @Override
    public String title() {
        return Ui.text("app.ai.title");
    }

    @Override
    public Ikon icon() {
        return Material2OutlinedMZ.MEMORY;
    }

    @Override
    public int order() {
        return 950;
    }

    @Override
    public boolean availableTo(Role role) {
        return role == Role.INSTRUCTOR;
    }

    @Override
    public WorkspaceView create(WorkspaceContext ctx) {
        return new AiView(new AiViewModel(ctx));
    }
}
