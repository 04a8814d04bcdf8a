package dev.switchboard.uikit;

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

    /** Releases subscriptions and threads for good, at sign-out; nothing by default. */
    default void dispose() {
    }
}
