package dev.switchboard.uikit;

import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.scene.Node;

/** The view of one workspace as the shell hosts it: a node plus the show/hide lifecycle. */
public interface WorkspaceView extends Activatable {

    /** The root node the shell places in its content area; the same node on every call. */
    Node node();

    /** Does nothing by default: a view without timers or subscriptions needs no lifecycle. */
    @Override
    default void activate() {
    }

    @Override
    default void deactivate() {
    }

    /**
     * A count the navigation rail shows on this workspace's button, such as insights waiting to be read; 0 shows
     * none. Changed on the FX thread only. The rail shows it once the view exists: a workspace whose badge should
     * show before its first visit is created at sign-in ({@link Workspace#createAtSignIn()}). None by default.
     */
    default ReadOnlyIntegerProperty badgeProperty() {
        return new ReadOnlyIntegerWrapper(0).getReadOnlyProperty();
    }

    /** Releases subscriptions and threads for good, at sign-out; nothing by default. */
    default void dispose() {
    }
}

