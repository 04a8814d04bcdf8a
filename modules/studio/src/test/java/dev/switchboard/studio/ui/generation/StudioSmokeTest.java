package dev.switchboard.studio.ui.generation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.ai.GpuFleet;
import dev.switchboard.ai.engine.worker.ApiFlavour;
import dev.switchboard.ai.engine.worker.DemoWorker;
import dev.switchboard.ai.engine.worker.Worker;
import dev.switchboard.ai.engine.worker.WorkerConfig;
import dev.switchboard.ai.engine.worker.WorkerPool;
import dev.switchboard.ai.engine.worker.WorkerRegistry;
import dev.switchboard.core.account.Account;
import dev.switchboard.core.account.Role;
import dev.switchboard.core.event.EventBus;
import dev.switchboard.core.id.UserId;
import dev.switchboard.core.settings.Settings;
import dev.switchboard.core.time.SimClock;
import dev.switchboard.store.DataDir;
import dev.switchboard.store.Database;
import dev.switchboard.store.SqliteSettingsStore;
import dev.switchboard.studio.engine.factory.ApplicationFactory;
import dev.switchboard.studio.engine.factory.FactoryRuns;
import dev.switchboard.studio.engine.factory.IntentReader;
import dev.switchboard.studio.engine.generation.Gallery;
import dev.switchboard.studio.engine.generation.GenerationService;
import dev.switchboard.studio.engine.ops.AutoScaler;
import dev.switchboard.studio.engine.ops.OpsMonitor;
import dev.switchboard.studio.engine.ops.PolicyStore;
import dev.switchboard.studio.engine.ops.ScalingAction;
import dev.switchboard.studio.engine.ops.ScalingLog;
import dev.switchboard.studio.model.generation.GalleryItem;
import dev.switchboard.studio.ui.StudioWorkspace;
import dev.switchboard.testkit.HeadlessFx;
import dev.switchboard.uikit.DialogService;
import dev.switchboard.uikit.FxTaskRunner;
import dev.switchboard.uikit.Navigator;
import dev.switchboard.uikit.TaskRunner;
import dev.switchboard.uikit.WorkspaceContext;
import dev.switchboard.uikit.WorkspaceView;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.image.ImageView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/**
 * The Studio headless against the demo worker on loopback: queue a picture, watch its progress and preview, find
 * it in the gallery with what made it.
 */
@ExtendWith(HeadlessFx.class)
class StudioSmokeTest {

    @TempDir
    Path dir;

    private final FxRobot robot = new FxRobot();
    private final List<String> errors = new CopyOnWriteArrayList<>();
    private DemoWorker gpu;
    private Database db;
    private WorkerRegistry registry;
    private WorkerPool pool;
    private EventBus bus;
    private GenerationService generation;
    private OpsMonitor ops;
    private FxTaskRunner tasks;
    private Stage stage;
    private WorkspaceView view;

    @BeforeEach
    void open() {
        gpu = DemoWorker.start(Duration.ofMillis(80));
        db = Database.open(DataDir.of(dir));
        registry = new WorkerRegistry(db, WorkerConfig.defaults().withHealthInterval(Duration.ofMillis(100)));
        pool = new WorkerPool(db, registry, dir.resolve("images"));
        registry.add(Worker.image("demo-images", gpu.url(), ApiFlavour.A1111_TXT2IMG).withNote(DemoWorker.NOTE));
        bus = new EventBus();
        generation = new GenerationService(pool, new Gallery(db.jdbi()), bus, Clock.systemUTC());
        generation.start();
        Settings settings = new Settings(new SqliteSettingsStore(db));
        PolicyStore policies = new PolicyStore(settings);
        ScalingLog log = new ScalingLog(db.jdbi());
        ops = new OpsMonitor(pool, pool, null, null, bus, settings, new AutoScaler(policies::get,
                ScalingAction.Factory.standard(pool), log, Clock.systemUTC()), Clock.systemUTC(), Duration.ofHours(1));
        ApplicationFactory factory = new ApplicationFactory(new IntentReader(null), new FactoryRuns(db.jdbi()),
                dir.resolve("factory"), Clock.systemUTC());
        tasks = new FxTaskRunner();
        Context ctx = new Context(settings, Map.of(GenerationService.class, generation, GpuFleet.class, pool,
                ApplicationFactory.class, factory, OpsMonitor.class, ops, PolicyStore.class, policies,
                ScalingLog.class, log, Database.class, db));
        HeadlessFx.runOnFx(() -> {
            view = new StudioWorkspace().create(ctx);
            stage = new Stage();
            // The room a workspace has in a 1280x800 window, less the navigation rail, the header and the status bar.
            stage.setScene(new Scene((Parent) view.node(), 1204, 714));
            stage.show();
            view.activate();
        });
        HeadlessFx.waitForFx();
    }

    @AfterEach
    void close() {
        if (stage != null) {
            HeadlessFx.runOnFx(() -> {
                view.dispose();
                stage.close();
            });
        }
        tasks.shutdown();
        ops.close();
        generation.close();
        pool.close();
        registry.close();
        bus.close();
        db.close();
        gpu.close();
    }

    @Test
    void queueAPictureSeeItsProgressAndPreviewAndOpenItInTheGallery() {
        waitUntil("the worker is healthy", () -> registry.health("demo-images").isHealthy());
        Label availability = find("#gen-availability");
        waitUntil("the panel says the worker is there", () -> availability.getText().contains("1 of 1"));
        assertThat(((Label) find("#gen-demo-note")).getText()).contains("demo-images").contains("no GPU");

        TextArea prompt = find("#gen-prompt");
        HeadlessFx.runOnFx(() -> prompt.setText("a stalled bus in a flooded underpass"));
        robot.clickOn((Button) find("#gen-generate"));
        HeadlessFx.waitForFx();

        TableView<JobRow> queue = find("#gen-queue");
        waitUntil("the job is listed", () -> !queue.getItems().isEmpty());
        HeadlessFx.runOnFx(() -> queue.getSelectionModel().select(0));
        waitUntil("progress is shown while it runs", () -> queue.getItems().stream().anyMatch(r -> r.running()
                && r.progress() > 0));
        ImageView preview = find("#gen-preview");
        waitUntil("a preview picture", () -> preview.getImage() != null);
        waitUntil("the job is done", () -> queue.getItems().stream().anyMatch(r -> r.progress() == 1));
        // What a user reads in the queue: the row's cells show the kind, the prompt, the user and the worker, and
        // the columns fit the table without scrolling sideways.
        waitUntil("the row shows its kind, prompt, user and worker", () -> {
            StringBuilder shown = new StringBuilder();
            javafx.geometry.Bounds inSight = queue.localToScene(queue.getLayoutBounds());
            queue.lookupAll(".table-row-cell").forEach(r -> texts(r, inSight, shown));
            String all = shown.toString();
            return all.contains("Picture") && all.contains("a stalled bus in a flooded underpass")
                    && all.contains("aiko") && all.contains("demo-images");
        });
        assertThat(HeadlessFx.callOnFx(() -> queue.getColumns().stream().mapToDouble(c -> c.getWidth()).sum()
                <= queue.getWidth())).as("the queue's columns fit its width").isTrue();

        TabPane tabs = find("#studio-tabs");
        HeadlessFx.runOnFx(() -> tabs.getSelectionModel().select(1));
        ListView<GalleryItem> gallery = find("#gallery-list");
        waitUntil("the result is in the gallery", () -> gallery.getItems().size() == 1);
        HeadlessFx.runOnFx(() -> gallery.getSelectionModel().select(0));
        HeadlessFx.waitForFx();
        GalleryItem item = gallery.getItems().get(0);
        assertThat(item.prompt()).isEqualTo("a stalled bus in a flooded underpass");
        assertThat(item.worker()).isEqualTo("demo-images");
        assertThat(robot.lookup(".label").queryAll()).anyMatch(n -> n instanceof Label l
                && item.sha256().equals(l.getText()));
        assertThat(errors).isEmpty();
    }

    /** Every text drawn under {@code node} that is visible and lies in {@code inSight}, joined by "|". */
    private static void texts(javafx.scene.Node node, javafx.geometry.Bounds inSight, StringBuilder into) {
        if (!node.isVisible()) {
            return;
        }
        if (node instanceof javafx.scene.text.Text t && inSight.contains(t.localToScene(t.getLayoutBounds()))) {
            into.append(t.getText()).append('|');
        }
        if (node instanceof javafx.scene.Parent p) {
            p.getChildrenUnmodifiable().forEach(c -> texts(c, inSight, into));
        }
    }

    private <T extends javafx.scene.Node> T find(String query) {
        return robot.lookup(query).query();
    }

    private static void waitUntil(String what, BooleanSupplier condition) {
        long deadline = System.currentTimeMillis() + 30_000;
        while (!HeadlessFx.callOnFx(condition::getAsBoolean)) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("gave up waiting until " + what);
            }
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** A context with the studio's services, real background tasks and recorded dialogs. */
    private final class Context implements WorkspaceContext {
        private final Settings settings;
        private final Map<Class<?>, Object> services;
        private final Account user = new Account(UserId.random(), "aiko", "Aiko Instructor", Role.INSTRUCTOR, true,
                Instant.now(), Instant.now(), 0, null, null);

        Context(Settings settings, Map<Class<?>, Object> services) {
            this.settings = settings;
            this.services = services;
        }

        @Override
        public EventBus bus() {
            return bus;
        }

        @Override
        public SimClock clock() {
            return new SimClock(Clock.systemUTC());
        }

        @Override
        public Settings settings() {
            return settings;
        }

        @Override
        public TaskRunner tasks() {
            return tasks;
        }

        @Override
        public DialogService dialogs() {
            return new DialogService() {
                @Override
                public void showError(String title, Throwable error) {
                    errors.add(title + ": " + error);
                }

                @Override
                public void showError(String title, String message) {
                    errors.add(title + ": " + message);
                }

                @Override
                public void showInfo(String title, String message) {
                }

                @Override
                public boolean confirm(String title, String message) {
                    return true;
                }

                @Override
                public Optional<String> ask(String title, String prompt) {
                    return Optional.empty();
                }
            };
        }

        @Override
        public Account user() {
            return user;
        }

        @Override
        public Navigator navigator() {
            return id -> { };
        }

        @Override
        public <T> T service(Class<T> type) {
            return type.cast(services.get(type));
        }
    }
}
