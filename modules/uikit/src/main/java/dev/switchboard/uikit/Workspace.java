package dev.switchboard.uikit;

import dev.switchboard.core.account.Role;
import org.kordamp.ikonli.Ikon;

/**
 * A workspace the shell can show in its navigation rail, found with {@link java.util.ServiceLoader} through
 * {@code META-INF/services/dev.switchboard.uikit.Workspace}. Implementations need a public no-argument
 * constructor and should be cheap to build: the real work starts in {@link #create(WorkspaceContext)}.
 */
public interface Workspace {

    /** Stable identifier used for navigation and saved layouts, e.g. {@code calltaking}. */
    String id();

    /** Title shown in the navigation rail and window title, already localised. */
    String title();

    /** The navigation rail's label, when the title is too long for the rail's width; the title by default. */
    default String railTitle() {
        return title();
    }

    /** Icon of the navigation rail button. */
    Ikon icon();

    /** Position in the navigation rail; lower comes first, ties are broken by {@link #id()}. */
    int order();

    /** Whether a person with {@code role} may open this workspace. */
    boolean availableTo(Role role);

    /**
     * Builds the view for the logged-in user. Called on the FX thread, at most once per login; the shell
     * keeps the view until logout.
     */
    WorkspaceView create(WorkspaceContext ctx);

    /**
     * Whether the shell builds this workspace's view at sign-in rather than on first visit: for a workspace
     * that must hear events from the others while hidden (the control room hears the call console's
     * dispatches). False by default.
     */
    default boolean createAtSignIn() {
        return false;
    }
}
