package dev.switchboard.studio.ui.fraud;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.core.event.EventBus;
import dev.switchboard.core.incident.IncidentCreated;
import dev.switchboard.store.DataDir;
import dev.switchboard.store.Database;
import dev.switchboard.studio.model.fraud.Alert;
import dev.switchboard.studio.model.fraud.AlertKind;
import dev.switchboard.studio.model.fraud.Reason;
import dev.switchboard.testkit.HeadlessFx;
import dev.switchboard.uikit.TaskRunner;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/** The Fraud panel headless: train, read the held-out metrics, escalate an alert into an incident. */
@ExtendWith(HeadlessFx.class)
class FraudPanelSmokeTest {

    @TempDir
    Path temp;

    private final FxRobot robot = new FxRobot();
    private Database db;
    private Stage stage;
    private FraudPanel panel;

    @AfterEach
    void close() {
        if (stage != null) {
            HeadlessFx.runOnFx(() -> {
                panel.deactivate();
                stage.close();
            });
        }
        if (db != null) {
            db.close();
        }
    }

    @Test
    void trainsShowsTheHeldOutMetricsAndEscalatesAnAlertIntoAnIncident() {
        db = Database.open(DataDir.of(temp.resolve("data")).ensureCreated());
        List<String> errors = new ArrayList<>();
        List<IncidentCreated> incidents = new CopyOnWriteArrayList<>();
        EventBus bus = new EventBus();
        bus.subscribe(IncidentCreated.class, incidents::add);
        FraudViewModel vm = new FraudViewModel(db, bus, Clock.systemUTC(), TaskRunner.direct(),
                new dev.switchboard.studio.ui.predict.RecordingDialogs(errors), "instructor");
        vm.transactionsProperty().set(20_000);
        panel = HeadlessFx.callOnFx(() -> {
            FraudPanel p = new FraudPanel(vm);
            stage = new Stage();
            stage.setScene(new Scene((Parent) p.node(), 1280, 800));
            stage.show();
            p.activate();
            return p;
        });
        HeadlessFx.runOnFx(() -> ((Button) robot.lookup("#studio-fraud-train").query()).fire());
        HeadlessFx.waitForFx();
        assertThat(errors).isEmpty();
        Label metrics = robot.lookup("#studio-fraud-metrics").query();
        assertThat(metrics.getText()).contains("ROC-AUC").contains("Logistic regression");

        vm.desk().raise(new Alert("T77", AlertKind.TRANSACTION, 0, "C000077", "Transfer of 5,000.00 to C000078",
                0.95, List.of(new Reason("new_device", 1, 0, 0.5)), "ACCOUNT_TAKEOVER", null));
        HeadlessFx.runOnFx(vm::poll);
        TableView<Alert> queue = robot.lookup("#studio-fraud-queue").query();
        assertThat(queue.getItems()).extracting(Alert::id).contains("T77");
        HeadlessFx.runOnFx(() -> {
            queue.getSelectionModel().select(queue.getItems().stream().filter(a -> a.id().equals("T77")).findFirst()
                    .orElseThrow());
            ((Button) robot.lookup("#studio-fraud-escalate").query()).fire();
        });
        HeadlessFx.waitForFx();
        assertThat(incidents).singleElement().satisfies(i -> assertThat(i.reference()).isEqualTo("FRAUD-T77"));
        assertThat(queue.getItems()).extracting(Alert::id).doesNotContain("T77");
        assertThat(FraudPanel.reasons(new Alert("x", AlertKind.TRANSACTION, 0, "w", "w", 1,
                List.of(new Reason("new_device", 1, 0, 0.5)), "NONE", null))).startsWith("New device 1");
        bus.close();
    }
}
