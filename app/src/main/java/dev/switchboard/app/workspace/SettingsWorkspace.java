package dev.switchboard.app.workspace;

import dev.switchboard.core.account.Role;
import dev.switchboard.uikit.Workspace;
import dev.switchboard.uikit.WorkspaceContext;
import dev.switchboard.uikit.WorkspaceView;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.material2.Material2OutlinedMZ;

/** Theme, idle lock, password, the data folder and backups. */
public final class SettingsWorkspace implements Workspace {

    @Override
    public String id() {
        return "settings";
    }

    @Override
    public String title() {
        return Ui.text("app.settings.title");
    }

    @Override
    public Ikon icon() {
        return Material2OutlinedMZ.SETTINGS;
    }

    @Override
    public int order() {
        return 1000;
    }

    @Override
    public boolean availableTo(Role role) {
        return true;
    }

    @Override
    public WorkspaceView create(WorkspaceContext ctx) {
        return new SettingsView(new SettingsViewModel(ctx), ctx);
    }
}
