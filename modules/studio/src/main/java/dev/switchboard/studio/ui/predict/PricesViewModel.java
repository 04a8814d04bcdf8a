package dev.switchboard.studio.ui.predict;

import dev.switchboard.studio.engine.predict.BacktestStore;
import dev.switchboard.studio.engine.predict.BoostedReturnModel;
import dev.switchboard.studio.engine.predict.BundledMarketData;
import dev.switchboard.studio.engine.predict.HeadlineCsv;
import dev.switchboard.studio.engine.predict.Indicators;
import dev.switchboard.studio.engine.predict.MarketCsv;
import dev.switchboard.studio.engine.predict.MarketStore;
import dev.switchboard.studio.engine.predict.PricePredictor;
import dev.switchboard.studio.engine.predict.ReturnModel;
import dev.switchboard.studio.engine.predict.RiskAnalysis;
import dev.switchboard.studio.engine.predict.Sentiment;
import dev.switchboard.studio.engine.predict.StrategyBacktest;
import dev.switchboard.studio.engine.predict.WalkForward;
import dev.switchboard.studio.model.predict.EvaluatedForecast;
import dev.switchboard.studio.model.predict.Forecast;
import dev.switchboard.studio.model.predict.Headline;
import dev.switchboard.studio.model.predict.PriceSeries;
import dev.switchboard.studio.model.predict.RiskReport;
import dev.switchboard.studio.model.predict.SeriesInfo;
import dev.switchboard.studio.model.predict.WalkForwardReport;
import dev.switchboard.uikit.BackgroundTask;
import dev.switchboard.uikit.DialogService;
import dev.switchboard.uikit.TaskRunner;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Prices panel's state and commands: which series and model, and the computed result (indicators, forecast,
 * walk-forward scores, strategy backtest, risk, sentiment). All work runs through the task runner.
 */
public final class PricesViewModel {

    /** The series the panel opens on: the bundled Bitstamp BTC/USD trades in 5-minute bars. */
    public static final String DEFAULT_SERIES = BacktestStore.DEFAULT_SERIES;
    /** The models the panel offers, as the CLI names them. */
    public static final List<String> MODELS = List.of("gbm", "naive", "gbm+sentiment");

    private final MarketStore store;
    private final BacktestStore studies;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final String user;

    // Properties
    private final ObservableList<SeriesInfo> seriesList = FXCollections.observableArrayList();
    private final ObjectProperty<SeriesInfo> selected = new SimpleObjectProperty<>();
    private final ObjectProperty<String> model = new SimpleObjectProperty<>("gbm");
    private final IntegerProperty horizon = new SimpleIntegerProperty(12);
    private final ReadOnlyObjectWrapper<PricesResult> result = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");

    public PricesViewModel(MarketStore store, BacktestStore studies, TaskRunner tasks, DialogService dialogs,
                           String user) {
        this.store = store;
        this.studies = studies;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.user = user;
    }

    public ObservableList<SeriesInfo> seriesList() {
        return seriesList;
    }

    public ObjectProperty<SeriesInfo> selectedProperty() {
        return selected;
    }

    public ObjectProperty<String> modelProperty() {
        return model;
    }

    public IntegerProperty horizonProperty() {
        return horizon;
    }

    public ReadOnlyObjectProperty<PricesResult> resultProperty() {
        return result.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    // Commands

    /** Lists the series and, the first time, selects the default one and computes it. */
    public void refresh() {
        BackgroundTask.wrap(store::list).onSuccess(list -> {
            String keep = selected.get() == null ? DEFAULT_SERIES : selected.get().id();
            seriesList.setAll(list);
            SeriesInfo again = list.stream().filter(s -> s.id().equals(keep)).findFirst().orElse(list.get(0));
            boolean first = result.get() == null;
            selected.set(again);
            if (first) {
                compute(true);
            }
        }).onFailure(e -> dialogs.showError(PanelText.get("studio.predict.title"), e)).executeWith(tasks);
    }

    /** Computes everything for the selected series and model. */
    public void compute() {
        compute(false);
    }

    /** @param reuse show a stored walk-forward and forecast of the same study instead of computing them again */
    private void compute(boolean reuse) {
        SeriesInfo info = selected.get();
        if (info == null || busy.get()) {
            return;
        }
        String chosen = model.get();
        int steps = Math.max(1, Math.min(200, horizon.get()));
        busy.set(true);
        status.set(PanelText.get("studio.predict.status.running", info.symbol(), info.bar()));
        BackgroundTask.wrap(() -> computeNow(info.id(), chosen, steps, reuse)).onSuccess(r -> {
            result.set(r);
            status.set(PanelText.get("studio.predict.status.done", r.series().symbol(), r.series().barLabel(),
                    r.report().forecasts().size() / Math.max(1, r.report().scores().size()), r.report().seconds()));
        }).onFailure(e -> {
            status.set("");
            dialogs.showError(PanelText.get("studio.predict.title"), e);
        }).onFinished(() -> busy.set(false)).executeWith(tasks);
    }

    /** The computation behind {@link #compute}, on the calling thread. */
    PricesResult computeNow(String seriesId, String modelName, int steps, boolean reuse) {
        PriceSeries series = store.load(seriesId);
        List<Headline> headlines = store.headlines(series.symbol());
        double[] sentiment = headlines.isEmpty() ? null
                : Sentiment.perBar(series.times(), series.barSeconds(), headlines, 12);
        ReturnModel chosen = switch (modelName) {
            case "naive" -> ReturnModel.NAIVE;
            case "gbm+sentiment" -> sentiment == null ? BoostedReturnModel.standard(false)
                    : BoostedReturnModel.standard(true);
            default -> BoostedReturnModel.standard(false);
        };
        List<ReturnModel> models = new ArrayList<>();
        models.add(chosen);
        if (sentiment != null && !chosen.usesSentiment()) {
            models.add(BoostedReturnModel.standard(true));
        }
        Optional<BacktestStore.Saved> stored = reuse && sentiment == null ? studies.find(seriesId, modelName, steps)
                : Optional.empty();
        WalkForwardReport report;
        Forecast forecast;
        if (stored.isPresent()) {
            report = stored.get().report();
            forecast = stored.get().forecast();
        } else {
            report = WalkForward.run(series, sentiment, models, WalkForward.Settings.defaults(series, 1));
            forecast = PricePredictor.forecast(series, sentiment, chosen, steps, 42);
            studies.save(seriesId, modelName, steps, report, forecast);
        }
        List<RiskReport> risks = new ArrayList<>();
        Map<String, PriceSeries> assets = new LinkedHashMap<>();
        assets.put(series.symbol(), series);
        for (SeriesInfo other : store.list()) {
            if (!assets.containsKey(other.symbol())) {
                PriceSeries s = other.bundled() ? BundledMarketData.byId(other.id()) : store.load(other.id());
                if (s != null && s.size() > 2) {
                    assets.put(other.symbol(), s);
                }
            }
        }
        assets.values().forEach(s -> risks.add(RiskAnalysis.of(s)));
        return new PricesResult(series, Indicators.compute(series), forecast, report,
                StrategyBacktest.run(series, StrategyBacktest.DEFAULT_FEE), risks, RiskAnalysis.riskParity(risks),
                sentiment, headlines.size());
    }

    /** Imports a market CSV as {@code symbol}, then selects it. */
    public void importCsv(Path file, String symbol) {
        busy.set(true);
        BackgroundTask.wrap(() -> {
            PriceSeries s = new MarketCsv().read(file, symbol.toUpperCase(Locale.ROOT), 0, MarketCsv.Gaps.REFUSE);
            return store.save(s, file, user);
        }).onSuccess(id -> {
            status.set(PanelText.get("studio.predict.status.imported", file.getFileName()));
            busy.set(false);
            selected.set(null);
            BackgroundTask.wrap(store::list).onSuccess(list -> {
                seriesList.setAll(list);
                list.stream().filter(s -> s.id().equals(id)).findFirst().ifPresent(selected::set);
                compute();
            }).executeWith(tasks);
        }).onFailure(e -> {
            busy.set(false);
            dialogs.showError(PanelText.get("studio.predict.import"), e);
        }).executeWith(tasks);
    }

    /** Imports headlines about the selected series' symbol, then recomputes. */
    public void importHeadlines(Path file) {
        SeriesInfo info = selected.get();
        if (info == null) {
            return;
        }
        BackgroundTask.wrap(() -> store.saveHeadlines(info.symbol(), HeadlineCsv.read(file), file)).onSuccess(n -> {
            status.set(PanelText.get("studio.predict.status.headlines", n, info.symbol()));
            compute();
        }).onFailure(e -> dialogs.showError(PanelText.get("studio.predict.headlines"), e)).executeWith(tasks);
    }

    /**
     * Writes the numbers: the bars with every indicator (and sentiment) to {@code file}, and every scored
     * walk-forward forecast beside it ({@code …-walkforward.csv}).
     */
    public void exportCsv(Path file) {
        PricesResult r = result.get();
        if (r == null) {
            return;
        }
        BackgroundTask.wrap(() -> {
            writeCsv(r, file);
            return file;
        }).onSuccess(f -> status.set(PanelText.get("studio.predict.status.exported", f.getFileName())))
                .onFailure(e -> dialogs.showError(PanelText.get("studio.predict.exportCsv"), e)).executeWith(tasks);
    }

    static void writeCsv(PricesResult r, Path file) {
        PriceSeries s = r.series();
        Path walk = file.resolveSibling(file.getFileName().toString().replaceFirst("(\\.csv)?$", "-walkforward.csv"));
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             BufferedWriter f = Files.newBufferedWriter(walk, StandardCharsets.UTF_8)) {
            w.write("time,open,high,low,close,volume," + String.join(",", Indicators.COLUMNS)
                    + (r.sentiment() != null ? ",sentiment" : ""));
            w.newLine();
            for (int i = 0; i < s.size(); i++) {
                StringBuilder line = new StringBuilder(Instant.ofEpochSecond(s.times()[i]).toString());
                line.append(',').append(s.open()[i]).append(',').append(s.high()[i]).append(',').append(s.low()[i])
                        .append(',').append(s.close()[i]).append(',').append(s.volume()[i]);
                for (double v : r.indicators().toRow(i)) {
                    line.append(',').append(v);
                }
                if (r.sentiment() != null) {
                    line.append(',').append(r.sentiment()[i]);
                }
                w.write(line.toString());
                w.newLine();
            }
            f.write("model,origin,target,last_close,actual,central,lo80,hi80,lo95,hi95");
            f.newLine();
            for (EvaluatedForecast e : r.report().forecasts()) {
                f.write(String.join(",", e.model(), Instant.ofEpochSecond(e.originTime()).toString(),
                        Instant.ofEpochSecond(e.targetTime()).toString(), String.valueOf(e.lastClose()),
                        String.valueOf(e.actual()), String.valueOf(e.central()), String.valueOf(e.lo80()),
                        String.valueOf(e.hi80()), String.valueOf(e.lo95()), String.valueOf(e.hi95())));
                f.newLine();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + file, e);
        }
    }
}
