package dev.switchboard.studio.ui.predict;

import dev.switchboard.store.Database;
import dev.switchboard.studio.engine.predict.BacktestStore;
import dev.switchboard.studio.engine.predict.MarketStore;
import dev.switchboard.studio.model.predict.ModelScore;
import dev.switchboard.studio.model.predict.RiskParityWeight;
import dev.switchboard.studio.model.predict.RiskReport;
import dev.switchboard.studio.model.predict.SeriesInfo;
import dev.switchboard.studio.model.predict.StrategyResult;
import dev.switchboard.studio.ui.StudioPanel;
import dev.switchboard.uikit.WorkspaceContext;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.ToolBar;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javax.imageio.ImageIO;

/**
 * The Prices panel: a market series as candles with indicators and the forecast fan, the walk-forward scores of
 * every model against the random walk (said plainly when a model does not beat it), the strategy backtest, risk
 * and headline sentiment. A training and demonstration tool, never advice; the banner says so.
 */
public final class PricesPanel implements StudioPanel {

    private final PricesViewModel model;
    private final BorderPane root = new BorderPane();
    private final PriceChart prices = new PriceChart();
    private final IndicatorChart indicators = new IndicatorChart();
    private final EquityChart equity = new EquityChart();
    private final VBox charts = new VBox(4, prices, indicators, equity);
    private final TableView<ModelScore> scores = new TableView<>();
    private final Label verdict = new Label();
    private final Label strategy = new Label();
    private final Label risk = new Label();
    private final Label sentiment = new Label();
    private final Label forecastLine = new Label();
    private boolean started;

    /** The panel the Studio shows, over the store of {@code ctx}. */
    public static PricesPanel create(WorkspaceContext ctx) {
        Database db = ctx.service(Database.class);
        return new PricesPanel(new PricesViewModel(new MarketStore(db, Clock.systemUTC()),
                new BacktestStore(db, Clock.systemUTC()), ctx.tasks(), ctx.dialogs(), ctx.user().username()));
    }

    public PricesPanel(PricesViewModel model) {
        this.model = model;
        root.setId("studio-predict");
        Label banner = new Label(PanelText.get("studio.predict.banner"));
        banner.setId("studio-predict-banner");
        banner.setWrapText(true);
        banner.setStyle("-fx-font-weight: bold; -fx-padding: 6 10; -fx-background-color: -color-warning-subtle;");
        banner.setMaxWidth(Double.MAX_VALUE);

        ComboBox<SeriesInfo> series = new ComboBox<>(model.seriesList());
        series.setId("studio-predict-series");
        series.valueProperty().bindBidirectional(model.selectedProperty());
        series.setCellFactory(list -> new SeriesCell());
        series.setButtonCell(new SeriesCell());
        series.setPrefWidth(215);
        ComboBox<String> models = new ComboBox<>();
        models.setId("studio-predict-model");
        models.getItems().setAll(PricesViewModel.MODELS);
        models.valueProperty().bindBidirectional(model.modelProperty());
        models.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(String code) {
                return code == null ? "" : modelName(code);
            }

            @Override
            public String fromString(String text) {
                return PricesViewModel.MODELS.stream().filter(m -> modelName(m).equals(text)).findFirst()
                        .orElse(text);
            }
        });
        Spinner<Integer> horizon = new Spinner<>(1, 200, model.horizonProperty().get());
        horizon.setPrefWidth(80);
        horizon.valueProperty().addListener((obs, old, now) -> model.horizonProperty().set(now));
        Button run = new Button(PanelText.get("studio.predict.run"));
        run.setId("studio-predict-run");
        run.disableProperty().bind(model.busyProperty());
        run.setOnAction(e -> model.compute());
        Button importCsv = new Button(PanelText.get("studio.predict.import"));
        importCsv.setOnAction(e -> importCsv());
        Button headlines = new Button(PanelText.get("studio.predict.headlines"));
        headlines.setOnAction(e -> importHeadlines());
        Button png = new Button(PanelText.get("studio.predict.exportPng"));
        png.setId("studio-predict-png");
        png.setOnAction(e -> exportPng());
        Button csv = new Button(PanelText.get("studio.predict.exportCsv"));
        csv.setOnAction(e -> exportCsv());
        ToolBar bar = new ToolBar(new Label(PanelText.get("studio.predict.series")), series,
                new Label(PanelText.get("studio.predict.model")), models,
                new Label(PanelText.get("studio.predict.horizon")), horizon, run, new Separator(), importCsv,
                headlines, png, csv);
        root.setTop(new VBox(banner, bar));

        VBox.setVgrow(prices, Priority.ALWAYS);
        prices.setPrefHeight(340);
        indicators.setPrefHeight(200);
        equity.setPrefHeight(120);
        charts.setPadding(new Insets(6));
        root.setCenter(charts);

        scores.setId("studio-predict-scores");
        scores.setPrefHeight(130);
        scores.getColumns().add(column("studio.predict.col.model", sc -> modelName(sc.model()), 150));
        scores.getColumns().add(column("studio.predict.col.mae", s -> fmt("%.3f", s.maeRatio()), 86));
        scores.getColumns().add(column("studio.predict.col.direction", s -> Double.isNaN(s.directionAccuracy())
                ? "—" : fmt("%.1f %%", s.directionAccuracy() * 100), 82));
        scores.getColumns().add(column("studio.predict.col.coverage80", s -> fmt("%.1f %%", s.coverage80() * 100),
                74));
        scores.getColumns().add(column("studio.predict.col.coverage95", s -> fmt("%.1f %%", s.coverage95() * 100),
                74));
        for (Label l : new Label[] {verdict, strategy, risk, sentiment, forecastLine}) {
            l.setWrapText(true);
        }
        verdict.setId("studio-predict-verdict");
        verdict.setStyle("-fx-font-weight: bold;");
        Label status = new Label();
        status.textProperty().bind(model.statusProperty());
        status.setWrapText(true);
        VBox side = new VBox(8, heading("studio.predict.walkForward"), scores, verdict, forecastLine,
                heading("studio.predict.strategy"), strategy, heading("studio.predict.risk"), risk,
                heading("studio.predict.sentiment"), sentiment, status);
        side.setPadding(new Insets(8));
        side.setPrefWidth(446);
        ScrollPane scroll = new ScrollPane(side);
        scroll.setFitToWidth(true);
        scroll.setPrefWidth(466);
        root.setRight(scroll);
        model.resultProperty().addListener((obs, old, now) -> show(now));
    }

    @Override
    public String title() {
        return PanelText.get("studio.predict.title");
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public void activate() {
        if (!started) {
            started = true;
            model.refresh();
        }
    }

    private void show(PricesResult r) {
        if (r == null) {
            return;
        }
        prices.show(r);
        indicators.show(r);
        equity.show(r.strategy());
        scores.getItems().setAll(r.report().scores());
        StringBuilder v = new StringBuilder();
        for (ModelScore s : r.report().scores()) {
            String key = switch (s.verdict()) {
                case BASELINE -> null;
                case BEATS -> "studio.predict.verdict.beats";
                case NOT_SIGNIFICANT -> "studio.predict.verdict.notSignificant";
                case DOES_NOT_BEAT -> "studio.predict.verdict.doesNotBeat";
            };
            if (key != null) {
                v.append(PanelText.get(key, modelName(s.model()), fmt("%.3f", s.maeRatio()))).append('\n');
            }
        }
        v.append(PanelText.get("studio.predict.verdict.how", r.report().horizon(), r.report().warmUp(),
                r.report().retrainEvery(), r.series().source()));
        verdict.setText(v.toString());
        var last = r.forecast().steps().get(r.forecast().steps().size() - 1);
        forecastLine.setText(PanelText.get("studio.predict.forecastLine", modelName(r.forecast().model()),
                r.forecast().steps().size(), fmt("%.2f", last.central()), fmt("%.2f", last.lo80()),
                fmt("%.2f", last.hi80()), fmt("%.2f", last.lo95()), fmt("%.2f", last.hi95())));
        StrategyResult s = r.strategy();
        strategy.setText(PanelText.get("studio.predict.strategyLine", s.rule(), fmt("%.2f", s.feeRate() * 100),
                fmt("%+.2f", s.strategyReturn() * 100), fmt("%+.2f", s.buyAndHoldReturn() * 100), s.trades(),
                s.winningTrades(), fmt("%.2f", s.maxDrawdown() * 100),
                PanelText.get(s.beatsBuyAndHold() ? "studio.predict.strategy.beats" : "studio.predict.strategy.not")));
        StringBuilder rk = new StringBuilder();
        for (RiskReport x : r.risks()) {
            rk.append(PanelText.get("studio.predict.riskLine", x.symbol(), x.bar(),
                    fmt("%.2f", x.volatilityPerDay() * 100), fmt("%.2f", x.valueAtRisk95() * 100),
                    fmt("%.2f", x.valueAtRisk99() * 100), fmt("%.2f", x.maxDrawdown() * 100))).append('\n');
        }
        StringBuilder weights = new StringBuilder();
        for (RiskParityWeight w : r.parity()) {
            weights.append(weights.isEmpty() ? "" : ", ").append(w.symbol()).append(' ')
                    .append(fmt("%.0f %%", w.weight() * 100));
        }
        rk.append(PanelText.get("studio.predict.parity", weights));
        risk.setText(rk.toString());
        if (r.sentiment() == null) {
            sentiment.setText(PanelText.get("studio.predict.sentiment.none", r.series().symbol()));
        } else {
            ModelScore with = r.report().score("gbm+sentiment");
            ModelScore without = r.report().score("gbm");
            String effect = with != null && without != null
                    ? fmt("%+.2f", (with.mae() / without.mae() - 1) * 100) : "—";
            sentiment.setText(PanelText.get("studio.predict.sentiment.effect", r.headlines(), effect));
        }
    }

    /**
     * A model as people call it: the stored code ("gbm", "naive", "gbm+sentiment") stays in the study store and the
     * CSV, the window names it.
     */
    static String modelName(String code) {
        return switch (code) {
            case "gbm" -> PanelText.get("studio.predict.modelName.gbm");
            case "gbm+sentiment" -> PanelText.get("studio.predict.modelName.gbmSentiment");
            case "naive" -> PanelText.get("studio.predict.modelName.naive");
            default -> code;
        };
    }

    private void importCsv() {
        FileChooser chooser = new FileChooser();
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV", "*.csv", "*.txt"));
        File file = chooser.showOpenDialog(root.getScene().getWindow());
        if (file == null) {
            return;
        }
        TextInputDialog ask = new TextInputDialog(file.getName().replaceFirst("\\.[^.]*$", "")
                .toUpperCase(Locale.ROOT));
        ask.setHeaderText(PanelText.get("studio.predict.symbolPrompt"));
        ask.showAndWait().filter(s -> !s.isBlank()).ifPresent(symbol -> model.importCsv(file.toPath(), symbol));
    }

    private void importHeadlines() {
        FileChooser chooser = new FileChooser();
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV", "*.csv"));
        File file = chooser.showOpenDialog(root.getScene().getWindow());
        if (file != null) {
            model.importHeadlines(file.toPath());
        }
    }

    private void exportCsv() {
        FileChooser chooser = new FileChooser();
        chooser.setInitialFileName("prices.csv");
        File file = chooser.showSaveDialog(root.getScene().getWindow());
        if (file != null) {
            model.exportCsv(file.toPath());
        }
    }

    private void exportPng() {
        FileChooser chooser = new FileChooser();
        chooser.setInitialFileName("prices.png");
        File file = chooser.showSaveDialog(root.getScene().getWindow());
        if (file != null) {
            writePng(file.toPath());
        }
    }

    /** Writes the three charts, as shown, to a PNG file. */
    public void writePng(Path file) {
        WritableImage image = charts.snapshot(null, null);
        try {
            ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", file.toFile());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("Could not write " + file, e);
        }
    }

    private static Label heading(String key) {
        Label l = new Label(PanelText.get(key));
        l.setWrapText(true);
        l.setStyle("-fx-font-weight: bold; -fx-font-size: 1.1em;");
        return l;
    }

    private static TableColumn<ModelScore, String> column(String key,
                                                          java.util.function.Function<ModelScore, String> value,
                                                          double width) {
        TableColumn<ModelScore, String> c = new TableColumn<>(PanelText.get(key));
        c.setPrefWidth(width);
        c.setCellValueFactory(cell -> new javafx.beans.property.ReadOnlyStringWrapper(value.apply(cell.getValue())));
        c.setSortable(false);
        return c;
    }

    static String fmt(String format, double v) {
        return String.format(Locale.ROOT, format, v);
    }

    /** A series as a person reads it: symbol, bar and where it comes from. */
    private static final class SeriesCell extends ListCell<SeriesInfo> {
        @Override
        protected void updateItem(SeriesInfo item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : PanelText.get(item.bundled() ? "studio.predict.series.bundled"
                    : "studio.predict.series.imported", item.symbol(), item.bar(), item.bars()));
        }
    }
}
