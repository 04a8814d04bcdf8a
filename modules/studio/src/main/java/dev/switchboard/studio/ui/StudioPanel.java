package dev.switchboard.studio.ui;

import dev.switchboard.uikit.WorkspaceContext;
import dev.switchboard.uikit.WorkspaceView;

/**
 * One tab of the Studio (generation, application factory, operations, prices, fraud). Each panel is its own
 * view with the shown/hidden lifecycle: the Studio activates only the tab that is selected.
 */
public interface StudioPanel extends WorkspaceView {

    /** The tab's title, already localised. */
    String title();

    /** Builds a panel for the signed-in user of {@code ctx}. */
    @FunctionalInterface
    interface Factory {
        StudioPanel create(WorkspaceContext ctx);
    }
}
