package dev.switchboard.app.shell;

import dev.switchboard.core.account.Account;
import dev.switchboard.uikit.Navigator;
import dev.switchboard.uikit.Workspace;
import dev.switchboard.uikit.WorkspaceContext;
import dev.switchboard.uikit.WorkspaceView;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javafx.geometry.Pos;
import javafx.geometry.Side;
import javafx.scene.Node;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2OutlinedAL;
import org.kordamp.ikonli.material2.Material2OutlinedMZ;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The signed-in window: a navigation rail with the workspaces the user's role may use, a header with
 * the current workspace and the user's menu, the workspace itself, and the status bar. Workspaces are
 * created on first visit and kept; only the visible one is active.
 */
final class ShellView extends BorderPane implements Navigator {

    private static final Logger LOG = LoggerFactory.getLogger(ShellView.class);

    private final Map<String, Workspace> workspaces = new LinkedHashMap<>();
    private final Map<String, WorkspaceView> views = new LinkedHashMap<>();
    private final Map<String, ToggleButton> buttons = new LinkedHashMap<>();
    private final StackPane host = new StackPane();
    private final Label title = new Label();
    private final ToggleGroup group = new ToggleGroup();
    private WorkspaceContext context;
    private String current;
    private boolean suspended;

    /**
     * @param contextFor builds the context for this shell, given the shell as navigator
     */
    ShellView(Account user, List<Workspace> available, Function<Navigator, WorkspaceContext> contextFor,
              StatusBar statusBar, ShellActions actions) {
        getStyleClass().add("sb-shell");
        available.forEach(w -> workspaces.put(w.id(), w));
        this.context = contextFor.apply(this);
        setLeft(rail(actions, user));
        host.getStyleClass().add("sb-workspace-host");
        BorderPane main = new BorderPane(host);
        main.setTop(header(user, actions));
        setCenter(main);
        setBottom(statusBar);
        workspaces.values().stream().filter(Workspace::createAtSignIn)
                .forEach(w -> views.put(w.id(), create(w)));
    }

    @Override
    public void show(String workspaceId) {
        Workspace workspace = workspaces.get(workspaceId);
        if (workspace == null) {
            LOG.warn("No workspace '{}' for this user; staying on {}", workspaceId, current);
            return;
        }
        if (workspaceId.equals(current)) {
            buttons.get(workspaceId).setSelected(true);
            return;
        }
        deactivateCurrent();
        WorkspaceView view = views.computeIfAbsent(workspaceId, id -> create(workspace));
        current = workspaceId;
        title.setText(workspace.title());
        host.getChildren().setAll(view.node());
        buttons.get(workspaceId).setSelected(true);
        if (!suspended) {
            activate(view);
        }
    }

    /** The id of the visible workspace. */
    String current() {
        return current;
    }

    /** Stops the visible workspace while the window is locked. */
    void suspend() {
        suspended = true;
        deactivateCurrent();
    }

    /** Restarts the visible workspace after unlock. */
    void resume() {
        suspended = false;
        if (current != null) {
            activate(views.get(current));
        }
    }

    /** Stops the visible workspace for good, on sign-out. */
    void dispose() {
        suspended = true;
        deactivateCurrent();
        current = null;
        views.forEach((id, view) -> {
            try {
                view.dispose();
            } catch (RuntimeException e) {
                LOG.error("Workspace {} failed to close", id, e);
            }
        });
        views.clear();
    }

    private void deactivateCurrent() {
        if (current != null && views.containsKey(current)) {
            try {
                views.get(current).deactivate();
            } catch (RuntimeException e) {
                LOG.error("Workspace {} failed to stop", current, e);
            }
        }
    }

    private void activate(WorkspaceView view) {
        try {
            view.activate();
        } catch (RuntimeException e) {
            LOG.error("Workspace {} failed to start", current, e);
            context.dialogs().showError(Fxml.MESSAGES.getString("app.shell.workspaceFailed"), e);
        }
    }

    private WorkspaceView create(Workspace workspace) {
        try {
            WorkspaceView view = workspace.create(context);
            showBadge(workspace.id(), view);
            return view;
        } catch (RuntimeException e) {
            LOG.error("Workspace {} could not be created", workspace.id(), e);
            Label failed = new Label(Fxml.MESSAGES.getString("app.shell.workspaceFailed") + "\n"
                    + ShellText.failure(e));
            failed.getStyleClass().add("sb-error");
            failed.setWrapText(true);
            StackPane pane = new StackPane(failed);
            return () -> pane;
        }
    }

    /** Puts the view's badge (a count, hidden at 0) on the corner of its rail button's icon. */
    private void showBadge(String workspaceId, WorkspaceView view) {
        ToggleButton button = buttons.get(workspaceId);
        var count = view.badgeProperty();
        if (button == null || count == null) {
            return;
        }
        Label badge = new Label();
        badge.getStyleClass().add("sb-nav-badge");
        badge.setId("nav-badge-" + workspaceId);
        badge.setMouseTransparent(true);
        badge.textProperty().bind(count.asString());
        badge.visibleProperty().bind(count.greaterThan(0));
        StackPane icon = new StackPane(button.getGraphic(), badge);
        StackPane.setAlignment(badge, Pos.TOP_RIGHT);
        StackPane.setMargin(badge, new javafx.geometry.Insets(-6, -10, 0, 0));
        button.setGraphic(icon);
        String title = workspaces.get(workspaceId).title();
        button.getTooltip().textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> count.get() > 0
                ? java.text.MessageFormat.format(Fxml.MESSAGES.getString("app.shell.badge"), title, count.get())
                : title, count));
    }

    private Node rail(ShellActions actions, Account user) {
        VBox rail = new VBox();
        rail.getStyleClass().add("sb-nav-rail");
        ImageView logo = new ImageView(AppIcon.image());
        logo.setFitWidth(36);
        logo.setFitHeight(36);
        StackPane logoBox = new StackPane(logo);
        logoBox.getStyleClass().add("sb-nav-logo");
        rail.getChildren().add(logoBox);
        for (Workspace w : workspaces.values()) {
            ToggleButton button = new ToggleButton(w.railTitle(), new FontIcon(w.icon()));
            button.setId("nav-" + w.id());
            button.getStyleClass().add("sb-nav-button");
            button.setToggleGroup(group);
            button.setTooltip(new Tooltip(w.title()));
            button.setMaxWidth(Double.MAX_VALUE);
            button.setOnAction(e -> show(w.id()));
            buttons.put(w.id(), button);
            rail.getChildren().add(button);
        }
        group.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null && old != null) {
                old.setSelected(true);
            }
        });
        Region spacer = new Region();
        VBox.setVgrow(spacer, Priority.ALWAYS);
        ToggleButton lock = new ToggleButton(Fxml.MESSAGES.getString("app.shell.lock"),
                new FontIcon(Material2OutlinedAL.LOCK));
        lock.setId("nav-lock");
        lock.getStyleClass().add("sb-nav-button");
        lock.setMaxWidth(Double.MAX_VALUE);
        lock.setOnAction(e -> {
            lock.setSelected(false);
            actions.lockNow();
        });
        rail.getChildren().addAll(spacer, lock);
        return rail;
    }

    private Node header(Account user, ShellActions actions) {
        title.getStyleClass().add("sb-header-title");
        title.setId("workspace-title");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);

        Label avatar = new Label(initials(user.displayName()));
        avatar.getStyleClass().add("sb-avatar");
        VBox who = new VBox(new Label(user.displayName()), new Label(user.role().label()));
        who.getChildren().get(1).getStyleClass().addAll("sb-muted", "sb-small");
        HBox userBox = new HBox(10, avatar, who, new FontIcon(Material2OutlinedAL.ARROW_DROP_DOWN));
        userBox.setAlignment(Pos.CENTER_LEFT);
        userBox.getStyleClass().add("sb-user-box");
        userBox.setId("user-menu");

        MenuItem changePassword = new MenuItem(Fxml.MESSAGES.getString("app.shell.changePassword"),
                new FontIcon(Material2OutlinedMZ.VPN_KEY));
        changePassword.setId("menu-change-password");
        changePassword.setOnAction(e -> actions.changePassword());
        MenuItem lock = new MenuItem(Fxml.MESSAGES.getString("app.shell.lock"), new FontIcon(Material2OutlinedAL.LOCK));
        lock.setOnAction(e -> actions.lockNow());
        MenuItem signOut = new MenuItem(Fxml.MESSAGES.getString("app.shell.signOut"),
                new FontIcon(Material2OutlinedAL.EXIT_TO_APP));
        signOut.setId("menu-sign-out");
        signOut.setOnAction(e -> actions.signOut());
        MenuItem quit = new MenuItem(Fxml.MESSAGES.getString("app.shell.quit"),
                new FontIcon(Material2OutlinedMZ.POWER_SETTINGS_NEW));
        quit.setId("menu-quit");
        quit.setAccelerator(new javafx.scene.input.KeyCodeCombination(javafx.scene.input.KeyCode.Q,
                javafx.scene.input.KeyCombination.SHORTCUT_DOWN));
        quit.setOnAction(e -> actions.quit());
        ContextMenu menu = new ContextMenu(changePassword, lock, new SeparatorMenuItem(), signOut, quit);
        userBox.setOnMouseClicked(e -> menu.show(userBox, Side.BOTTOM, 0, 4));

        HBox header = new HBox(12, title, spacer, userBox);
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add("sb-header");
        return header;
    }

    static String initials(String name) {
        StringBuilder out = new StringBuilder();
        for (String part : name.trim().split("\\s+")) {
            if (!part.isEmpty() && out.length() < 2) {
                out.appendCodePoint(Character.toUpperCase(part.codePointAt(0)));
            }
        }
        return out.isEmpty() ? "?" : out.toString();
    }

    /** What the shell's own controls ask of the window. */
    interface ShellActions {
        void lockNow();

        void signOut();

        void changePassword();

        /** Ends the program cleanly: sign-out, log flush, exit backup. */
        void quit();
    }
}
