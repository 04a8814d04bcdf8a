package dev.switchboard.workflow.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.core.account.Account;
import dev.switchboard.core.account.AuditRecord;
import dev.switchboard.core.account.Role;
import dev.switchboard.core.event.EventBus;
import dev.switchboard.core.id.UserId;
import dev.switchboard.store.DataDir;
import dev.switchboard.store.Database;
import dev.switchboard.testkit.HeadlessFx;
import dev.switchboard.uikit.DialogService;
import dev.switchboard.uikit.TaskRunner;
import dev.switchboard.workflow.engine.Inputs;
import dev.switchboard.workflow.engine.RunObserver;
import dev.switchboard.workflow.engine.Workflows;
import dev.switchboard.workflow.model.RunState;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The designer headless: build a two-task workflow on the canvas, see the YAML, edit the YAML, see the canvas,
 * run it, approve its gate in the inbox.
 */
@ExtendWith(HeadlessFx.class)
class DesignerSmokeTest {

    @TempDir
    Path temp;

    private final FxRobot robot = new FxRobot();
    private final List<AuditRecord> audit = new CopyOnWriteArrayList<>();
    private Database db;
    private EventBus bus;
    private Workflows workflows;
    private Stage stage;
    private WorkflowsView view;
    private DesignerViewModel designer;
    private WorkflowsViewModel model;

    @BeforeEach
    void open() {
        db = Database.open(DataDir.of(temp));
        bus = new EventBus();
        workflows = Workflows.open(db, new Workflows.Setup(bus, audit::add, List.of(temp.resolve("workflows")),
                Map.of(), new Inputs(() -> Map.of("shinjuku", "Shinjuku", "taito", "Taito"), Map::of), RunObserver.NONE,
                List.of(), null, null));
        Account ines = new Account(new UserId("u-ines"), "ines", "Ines Instructor", Role.INSTRUCTOR, true,
                Instant.now(), Instant.now(), 0, null, null);
        HeadlessFx.runOnFx(() -> {
            designer = new DesignerViewModel(workflows);
            model = new WorkflowsViewModel(workflows, ines, TaskRunner.direct(), new QuietDialogs(), bus);
            view = new WorkflowsView(designer, model);
            stage = new Stage();
            stage.setScene(new Scene((Parent) view.node(), 1280, 800));
            stage.show();
            view.activate();
        });
        HeadlessFx.waitForFx();
    }

    @AfterEach
    void close() {
        HeadlessFx.runOnFx(() -> {
            view.dispose();
            stage.close();
        });
        workflows.close();
        bus.close();
        db.close();
    }

    @Test
    void buildOnTheCanvasEditTheYamlRunAndApprove() throws Exception {
        robot.clickOn("#designer-new");
        assertThat(box("start")).isNotNull();
        robot.clickOn("#designer-canvas", javafx.scene.input.MouseButton.PRIMARY);
        HeadlessFx.runOnFx(() -> designer.selectedProperty().set(null));
        robot.doubleClickOn("#palette-approval");
        HeadlessFx.waitForFx();
        assertThat(box("approval1")).as("the palette added a gate").isNotNull();
        assertThat(yaml()).contains("type: approval").doesNotContain("dependsOn");

        robot.drag("#task-start").dropTo("#task-approval1");
        HeadlessFx.waitForFx();
        assertThat(yaml()).as("dragging start onto the gate connected them").contains("dependsOn:")
                .contains("- start");

        String edited = yaml().replace("type: approval", "type: approval\n  label: Aftershock gate")
                .replace("title: …", "title: Send the aftershock?");
        HeadlessFx.runOnFx(() -> robot.lookup("#designer-yaml").queryAs(TextArea.class).setText(edited));
        HeadlessFx.waitForFx();
        assertThat(box("approval1").getText()).as("the canvas follows the YAML").contains("Aftershock gate");

        HeadlessFx.runOnFx(() -> robot.lookup("#designer-yaml").queryAs(TextArea.class).setText(edited
                + "  - id: [broken\n"));
        HeadlessFx.waitForFx();
        assertThat(robot.lookup("#designer-problem").queryAs(Label.class).getText()).isNotEmpty();
        assertThat(box("approval1")).as("broken YAML keeps the last good canvas").isNotNull();
        robot.clickOn("#designer-undo");
        assertThat(robot.lookup("#designer-problem").queryAs(Label.class).getText()).isEmpty();
        assertThat(yaml()).contains("Aftershock gate");

        robot.clickOn("#designer-run");
        String run = waitFor(() -> workflows.store().recent(1).stream().findFirst().map(r -> r.id()).orElse(null));
        assertThat(workflows.engine().settled(run).get(10, TimeUnit.SECONDS)).isEqualTo(RunState.WAITING_FOR_APPROVAL);

        robot.clickOn("#tab-inbox");
        HeadlessFx.runOnFx(model::refresh);
        HeadlessFx.waitForFx();
        ListView<?> inbox = robot.lookup("#inbox-list").queryAs(ListView.class);
        assertThat(inbox.getItems()).hasSize(1);
        HeadlessFx.runOnFx(() -> inbox.getSelectionModel().select(0));
        robot.clickOn("#inbox-comment").write("go");
        robot.clickOn("#inbox-approve");
        assertThat(workflows.engine().ended(run).get(10, TimeUnit.SECONDS)).isEqualTo(RunState.SUCCEEDED);
        assertThat(audit).anyMatch(a -> a.actor().equals("ines") && a.detail().contains("approve"));
    }

    @Test
    void aRunAsksForItsTypedInputsWithTheWardsByName() throws Exception {
        robot.clickOn("#designer-new");
        String typed = """
                id: typed
                name: Typed
                inputs:
                  ward: {type: ward, label: Ward, default: taito}
                  loud: {type: boolean, default: false}
                  after: {type: duration, default: 2m}
                  who: {type: string, label: Trainee, required: true}
                tasks:
                  - {id: a, type: log, with: {message: "${inputs.ward} ${inputs.who} ${inputs.loud} ${inputs.after}"}}
                """;
        HeadlessFx.runOnFx(() -> robot.lookup("#designer-yaml").queryAs(TextArea.class).setText(typed));
        HeadlessFx.waitForFx();
        assertThat(box("a")).isNotNull();
        robot.clickOn("#designer-run");
        @SuppressWarnings("unchecked")
        ComboBox<String> ward = robot.lookup("#input-ward").queryAs(ComboBox.class);
        assertThat(HeadlessFx.callOnFx(() -> ward.getConverter().toString(ward.getValue()))).isEqualTo("Taito");
        assertThat(HeadlessFx.callOnFx(() -> ward.getItems())).containsExactly("shinjuku", "taito");
        assertThat(robot.lookup("#input-after").queryAs(TextField.class).getText()).isEqualTo("2m");
        HeadlessFx.runOnFx(() -> ward.setValue("shinjuku"));
        robot.clickOn("#input-loud");
        robot.clickOn("#input-who").write("tom");
        robot.clickOn("#start-run");
        String run = waitFor(() -> workflows.store().recent(1).stream().findFirst().map(r -> r.id()).orElse(null));
        assertThat(workflows.engine().ended(run).get(10, TimeUnit.SECONDS)).isEqualTo(RunState.SUCCEEDED);
        assertThat(workflows.engine().detail(run).orElseThrow().tasks().get(0).outputJson())
                .contains("shinjuku tom true 120000");
    }

    @Test
    void aWideWorkflowOpensWholeInTheWorkspacesRoomAtTheDefaultWindowAndNamesItsTaskTypes() throws Exception {
        // The workspace's room in a 1280x800 window (less the navigation rail, the header and the status bar).
        HeadlessFx.runOnFx(() -> {
            stage.setWidth(1204);
            stage.setHeight(714);
        });
        String shift = java.nio.file.Files.readString(java.nio.file.Path.of("../../resources/workflows/"
                + "earthquake-shift.yaml"));
        HeadlessFx.runOnFx(() -> designer.open(shift));
        HeadlessFx.waitForFx();
        HeadlessFx.waitForFx();

        javafx.scene.Node canvas = robot.lookup("#designer-canvas").query();
        javafx.geometry.Bounds room = HeadlessFx.callOnFx(() -> canvas.localToScene(canvas.getLayoutBounds()));
        List<Label> boxes = HeadlessFx.callOnFx(() -> robot.lookup(".workflow-task").queryAllAs(Label.class)
                .stream().toList());
        assertThat(boxes).hasSizeGreaterThan(5);
        for (Label b : boxes) {
            javafx.geometry.Bounds at = HeadlessFx.callOnFx(() -> b.localToScene(b.getLayoutBounds()));
            assertThat(room.contains(at)).as(b.getId() + " at " + at + " lies in the canvas " + room).isTrue();
        }
        assertThat(box("collapseCall").getText()).contains("Ring a call").doesNotContain("call.ring");
    }

    private Label box(String id) {
        return robot.lookup("#task-" + id).tryQueryAs(Label.class).orElse(null);
    }

    private String yaml() {
        return HeadlessFx.callOnFx(() -> designer.yamlProperty().get());
    }

    private static <T> T waitFor(java.util.function.Supplier<T> value) throws Exception {
        BooleanSupplier ready = () -> value.get() != null;
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, ready::getAsBoolean);
        return value.get();
    }

    /** Dialogs that answer yes and record nothing. */
    private static final class QuietDialogs implements DialogService {
        @Override
        public void showError(String title, Throwable error) {
            throw new AssertionError(title + ": " + error.getMessage(), error);
        }

        @Override
        public void showError(String title, String message) {
            throw new AssertionError(title + ": " + message);
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
    }
}
