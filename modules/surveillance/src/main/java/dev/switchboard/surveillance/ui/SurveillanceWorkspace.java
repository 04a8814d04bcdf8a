package dev.switchboard.surveillance.ui;

import dev.switchboard.core.account.Role;
import dev.switchboard.surveillance.engine.SurveillanceSource;
import dev.switchboard.uikit.Workspace;
import dev.switchboard.uikit.WorkspaceContext;
import dev.switchboard.uikit.WorkspaceView;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.material2.Material2OutlinedMZ;

/** Surveillance chat, for trainees and supervisors: ask the city's cameras, see cited events and their clips. */
public final class SurveillanceWorkspace implements Workspace {

    /** The control room's workspace id, whose map shows results on request. */
    private static final String CONTROL_ROOM = "control-room";

    @Override
    public String id() {
        return "surveillance";
    }

    @Override
    public String title() {
        return Text.get("surveillance.title");
    }

    @Override
    public String railTitle() {
        return Text.get("surveillance.railTitle");
    }

    @Override
    public Ikon icon() {
        return Material2OutlinedMZ.VIDEOCAM;
    }

    @Override
    public int order() {
        return 400;
    }

    @Override
    public boolean availableTo(Role role) {
        return role == Role.TRAINEE || role == Role.SUPERVISOR;
    }

    /** Built at sign-in, so the navigation badge counts new insights before the first visit. */
    @Override
    public boolean createAtSignIn() {
        return true;
    }

    @Override
    public WorkspaceView create(WorkspaceContext ctx) {
        SurveillanceView view = new SurveillanceView(new SurveillanceViewModel(ctx.service(SurveillanceSource.class),
                ctx.user(), ctx.tasks(), ctx.dialogs(), ctx.bus()::publish), () -> ctx.navigator().show(CONTROL_ROOM));
        view.watch();
        return view;
    }
}
