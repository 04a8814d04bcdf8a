package dev.switchboard.city.ui;

import dev.switchboard.core.account.Role;
import dev.switchboard.uikit.Workspace;
import dev.switchboard.uikit.WorkspaceContext;
import dev.switchboard.uikit.WorkspaceView;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.material2.Material2OutlinedMZ;

/** The smart-city control room: the map of Tokyo, sensor streams, incidents, units and the coordinator. */
public final class ControlRoomWorkspace implements Workspace {

    @Override
    public String id() {
        return "control-room";
    }

    @Override
    public String title() {
        return Text.get("city.title");
    }

    @Override
    public Ikon icon() {
        return Material2OutlinedMZ.MY_LOCATION;
    }

    @Override
    public int order() {
        return 100;
    }

    @Override
    public boolean availableTo(Role role) {
        return true;
    }

    /** Built at sign-in so a call dispatched from the call console reaches the map while it is hidden. */
    @Override
    public boolean createAtSignIn() {
        return true;
    }

    @Override
    public WorkspaceView create(WorkspaceContext ctx) {
        return new ControlRoomView(new ControlRoomViewModel(ctx), new RequestedPins(ctx.bus()));
    }
}
