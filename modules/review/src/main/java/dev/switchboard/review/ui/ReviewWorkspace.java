package dev.switchboard.review.ui;

import dev.switchboard.core.account.Role;
import dev.switchboard.review.engine.ReviewService;
import dev.switchboard.review.engine.ReviewSettings;
import dev.switchboard.store.DataDir;
import dev.switchboard.store.audit.AuditLog;
import dev.switchboard.store.eventlog.EventLog;
import dev.switchboard.uikit.Workspace;
import dev.switchboard.uikit.WorkspaceContext;
import dev.switchboard.uikit.WorkspaceView;
import java.time.Clock;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.material2.Material2OutlinedAL;

/**
 * Review of recorded sessions. Open to every role: the {@link ReviewService} built for the signed-in person
 * shows trainees only their own sessions and lets only supervisors and instructors write.
 */
public final class ReviewWorkspace implements Workspace {

    @Override
    public String id() {
        return "review";
    }

    @Override
    public String title() {
        return Text.get("review.title");
    }

    @Override
    public Ikon icon() {
        return Material2OutlinedAL.ASSESSMENT;
    }

    @Override
    public int order() {
        return 300;
    }

    @Override
    public boolean availableTo(Role role) {
        return true;
    }

    @Override
    public WorkspaceView create(WorkspaceContext ctx) {
        EventLog log = ctx.service(EventLog.class);
        ReviewService service = new ReviewService(log, ctx.service(AuditLog.class),
                ctx.service(DataDir.class).recordings(), Clock.systemUTC(), ctx.user());
        ReviewViewModel list = new ReviewViewModel(service, ctx.tasks(), ctx.dialogs());
        ReviewView view = new ReviewView(list,
                new ProgressViewModel(service, ReviewSettings.targets(ctx.settings()), ctx.tasks(), ctx.dialogs()));
        view.closeOnDispose(list.follow(ctx.bus()));
        return view;
    }
}
