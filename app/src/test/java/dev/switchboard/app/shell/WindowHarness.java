package dev.switchboard.app.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.app.LaunchOptions;
import dev.switchboard.app.Workstation;
import dev.switchboard.store.DataDir;
import dev.switchboard.testkit.HeadlessFx;
import dev.switchboard.testkit.MutableClock;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import javafx.scene.Node;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextInputControl;
import javafx.stage.PopupWindow;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** Starts the real workstation window headless over a temporary data dir and drives it like a user. */
final class WindowHarness {

    /**
     * Every harness's stage in this JVM. A window an earlier test left showing (one whose close was refused, say)
     * must not answer this harness's lookups: its sign-in button once stood in for this window's own.
     */
    private static final Set<Window> STAGES = ConcurrentHashMap.newKeySet();

    final MutableClock clock = new MutableClock(Instant.now());
    final FxRobot robot = new FxRobot();
    final DataDir dataDir;
    Stage stage;
    WorkstationWindow window;

    WindowHarness(Path root) {
        this.dataDir = DataDir.of(root);
    }

    WindowHarness start(boolean demo) {
        return start(new LaunchOptions(dataDir.root(), demo, false, false));
    }

    /** Starts the window as {@code options} say, e.g. with a server from the command line. */
    WindowHarness start(LaunchOptions options) {
        var opening = GuiLauncher.openInBackground(dataDir, options, clock);
        HeadlessFx.runOnFx(() -> {
            stage = new Stage();
            STAGES.add(stage);
            window = new WorkstationWindow(stage, options, dataDir, clock);
            window.start(opening);
        });
        return this;
    }

    Workstation workstation() {
        waitUntil(() -> window.workstation() != null);
        return window.workstation();
    }

    void close() {
        HeadlessFx.runOnFx(() -> {
            if (stage != null) {
                stage.close();
            }
        });
        if (window != null && window.workstation() != null) {
            window.workstation().close(false);
        }
    }

    /** Waits until a node matching {@code query} is showing, then returns it. */
    <T extends Node> T await(String query) {
        waitUntil(() -> find(query).isPresent());
        return this.<T>find(query).orElseThrow();
    }

    @SuppressWarnings("unchecked")
    <T extends Node> Optional<T> find(String query) {
        return robot.lookup(query).queryAll().stream().filter(WindowHarness::showing).filter(this::inThisWindow)
                .findFirst().map(n -> (T) n);
    }

    /** Whether the node is in this harness's window or in a dialog or pop-up of it, not in another test's window. */
    private boolean inThisWindow(Node node) {
        Window window = node.getScene().getWindow();
        while (window != null) {
            Window owner = window instanceof Stage s ? s.getOwner()
                    : window instanceof PopupWindow p ? p.getOwnerWindow() : null;
            if (owner == null) {
                return window == stage || !STAGES.contains(window);
            }
            window = owner;
        }
        return false;
    }

    /** Whether the node and every parent is visible, i.e. a user could see it. */
    static boolean showing(Node node) {
        if (node.getScene() == null) {
            return false;
        }
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    /** Scrolls the enclosing scroll pane so {@code node} is in view, as a user would before clicking. */
    static void scrollTo(Node node) {
        HeadlessFx.runOnFx(() -> {
            for (Node n = node.getParent(); n != null; n = n.getParent()) {
                if (n instanceof ScrollPane scroll && scroll.getContent() != null) {
                    double contentHeight = scroll.getContent().getBoundsInLocal().getHeight();
                    double viewport = scroll.getViewportBounds().getHeight();
                    double y = scroll.getContent().sceneToLocal(node.localToScene(0, 0)).getY();
                    if (contentHeight > viewport) {
                        scroll.setVvalue(Math.min(1, Math.max(0, (y - 20) / (contentHeight - viewport))));
                    }
                    scroll.layout();
                    return;
                }
            }
        });
        HeadlessFx.waitForFx();
    }

    /** Types into a text field the way a user would: click it, select what is there, type. */
    void type(String query, String text) {
        TextInputControl field = await(query);
        scrollTo(field);
        robot.clickOn(field);
        HeadlessFx.runOnFx(field::clear);
        robot.write(text);
        waitUntil(() -> text.equals(HeadlessFx.callOnFx(field::getText)));
    }

    void click(String query) {
        Node node = await(query);
        scrollTo(node);
        robot.clickOn(node);
        HeadlessFx.waitForFx();
    }

    void signIn(String username, String password) {
        type("#username", username);
        type("#password", password);
        click("#signIn");
    }

    /**
     * Waits for something a user waits for. The budget is generous because a demo start records calls and
     * generates camera events behind the login screen, and on two busy cores sign-in took over 20 s once.
     */
    static void waitUntil(BooleanSupplier condition) {
        try {
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, condition::getAsBoolean);
        } catch (TimeoutException e) {
            assertThat(condition.getAsBoolean()).as("condition within 60 s").isTrue();
        }
    }
}
