package dev.switchboard.uikit;

/** Lets a workspace bring another one to the front without knowing its type. */
public interface Navigator {

    /**
     * Shows the workspace with {@code workspaceId}. Must be called on the FX thread; an id that is
     * unknown or not available to the current user is logged and ignored.
     */
    void show(String workspaceId);
}
