package dev.switchboard.studio.ui.predict;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.store.DataDir;
import dev.switchboard.store.Database;
import dev.switchboard.studio.engine.predict.BacktestStore;
import dev.switchboard.studio.engine.predict.MarketStore;
import dev.switchboard.studio.model.predict.ModelScore;
import dev.switchboard.testkit.HeadlessFx;
import dev.switchboard.uikit.TaskRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/** The Prices panel headless: opens on the bundled BTC bars with the backtest computed, says how models did. */
@ExtendWith(HeadlessFx.class)
class PricesPanelSmokeTest {

    @TempDir
    Path temp;

    private final FxRobot robot = new FxRobot();
    private Database db;
    private Stage stage;

    @AfterEach
    void close() {
        if (stage != null) {
            HeadlessFx.runOnFx(stage::close);
        }
        if (db != null) {
            db.close();
        }
    }

    @Test
    void opensOnTheBundledBitcoinBarsWithTheBacktestDoneAndExportsThePng() throws Exception {
        db = Database.open(DataDir.of(temp.resolve("data")).ensureCreated());
        List<String> errors = new ArrayList<>();
        // As --demo does behind the login screen: the default study is computed before the panel opens.
        BacktestStore studies = new BacktestStore(db, Clock.systemUTC());
        studies.ensureDefault();
        long computedAt = studies.find(BacktestStore.DEFAULT_SERIES, "gbm", 12).orElseThrow().computedAt();
        PricesViewModel vm = new PricesViewModel(new MarketStore(db, Clock.systemUTC()), studies, TaskRunner.direct(),
                new RecordingDialogs(errors), "instructor");
        PricesPanel panel = HeadlessFx.callOnFx(() -> {
            PricesPanel p = new PricesPanel(vm);
            stage = new Stage();
            stage.setScene(new Scene((Parent) p.node(), 1280, 800));
            stage.show();
            p.activate();
            return p;
        });
        HeadlessFx.waitForFx();
        assertThat(errors).isEmpty();
        assertThat(vm.resultProperty().get()).isNotNull();
        assertThat(vm.resultProperty().get().series().symbol()).isEqualTo("BTC-USD");
        assertThat(vm.resultProperty().get().report()).isEqualTo(studies.find(BacktestStore.DEFAULT_SERIES, "gbm", 12)
                .orElseThrow().report());
        assertThat(studies.find(BacktestStore.DEFAULT_SERIES, "gbm", 12).orElseThrow().computedAt())
                .as("opened on the stored study, not computed again").isEqualTo(computedAt);
        TableView<ModelScore> scores = robot.lookup("#studio-predict-scores").query();
        assertThat(scores.getItems()).extracting(ModelScore::model).containsExactly("naive", "gbm");
        Label banner = robot.lookup("#studio-predict-banner").query();
        assertThat(banner.getText()).contains("not financial advice");
        Label verdict = robot.lookup("#studio-predict-verdict").query();
        assertThat(verdict.getText()).contains("random walk").contains("“Boosted trees”").doesNotContain("gbm");
        assertThat(scores.getItems()).extracting(sc -> PricesPanel.modelName(sc.model()))
                .containsExactly("Random walk", "Boosted trees");
        javafx.scene.control.ComboBox<String> models = robot.lookup("#studio-predict-model").query();
        assertThat(HeadlessFx.callOnFx(() -> models.getConverter().toString(models.getValue())))
                .isEqualTo("Boosted trees");
        Path png = temp.resolve("charts.png");
        HeadlessFx.runOnFx(() -> panel.writePng(png));
        assertThat(Files.size(png)).isGreaterThan(5_000);
        Path csv = temp.resolve("prices.csv");
        PricesViewModel.writeCsv(vm.resultProperty().get(), csv);
        assertThat(Files.readAllLines(csv).get(0)).startsWith("time,open,high,low,close,volume,rsi14,macd");
        assertThat(Files.readAllLines(temp.resolve("prices-walkforward.csv"))).hasSizeGreaterThan(1000);
    }
}
