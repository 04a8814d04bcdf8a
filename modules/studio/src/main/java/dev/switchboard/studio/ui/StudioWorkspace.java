package dev.switchboard.studio.ui;

import dev.switchboard.core.account.Role;
import dev.switchboard.studio.ui.factory.FactoryPanel;
import dev.switchboard.studio.ui.fraud.FraudPanel;
import dev.switchboard.studio.ui.generation.GalleryPanel;
import dev.switchboard.studio.ui.generation.GenerationPanel;
import dev.switchboard.studio.ui.ops.OpsPanel;
import dev.switchboard.studio.ui.predict.PricesPanel;
import dev.switchboard.uikit.Workspace;
import dev.switchboard.uikit.WorkspaceContext;
import dev.switchboard.uikit.WorkspaceView;
import java.util.List;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.material2.Material2OutlinedAL;

/** The Studio, for instructors: generation, application factory, operations and the prediction panels. */
public final class StudioWorkspace implements Workspace {

    /** The panels in tab order; each issue's panels add themselves here. */
    private static final List<StudioPanel.Factory> PANELS = List.of(
            GenerationPanel::new, GalleryPanel::new, FactoryPanel::new, OpsPanel::new, PricesPanel::create,
            FraudPanel::create);

    @Override
    public String id() {
        return "studio";
    }

    @Override
    public String title() {
        return Text.get("studio.title");
    }

    @Override
    public Ikon icon() {
        return Material2OutlinedAL.BRUSH;
    }

    @Override
    public int order() {
        return 600;
    }

    @Override
    public boolean availableTo(Role role) {
        return role == Role.INSTRUCTOR;
    }

    @Override
    public WorkspaceView create(WorkspaceContext ctx) {
        return new StudioView(PANELS.stream().map(f -> f.create(ctx)).toList());
    }
}
