package dev.switchboard.studio.ui.fraud;

import dev.switchboard.store.Database;
import dev.switchboard.studio.engine.fraud.FraudStream;
import dev.switchboard.studio.model.fraud.Alert;
import dev.switchboard.studio.model.fraud.AlertDecision;
import dev.switchboard.studio.model.fraud.AlertKind;
import dev.switchboard.studio.model.fraud.FeatureWeight;
import dev.switchboard.studio.model.fraud.FraudMetrics;
import dev.switchboard.studio.model.fraud.ModelKind;
import dev.switchboard.studio.model.fraud.ModelProvenance;
import dev.switchboard.studio.model.fraud.Reason;
import dev.switchboard.studio.ui.StudioPanel;
import dev.switchboard.studio.ui.predict.PanelText;
import dev.switchboard.uikit.WorkspaceContext;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.ToolBar;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * The Fraud panel: train a model on simulated transactions and read how it did on the held-out newest slice
 * beside the logistic baseline; then stream live, with alerts (who, what, score, reasons) to accept, dismiss or
 * escalate. Network anomalies from the connection logs join the same queue.
 */
public final class FraudPanel implements StudioPanel {

    private static final Map<String, String> FEATURES = Map.ofEntries(
            Map.entry("type_transfer", "studio.fraud.feature.typeTransfer"),
            Map.entry("type_cash_out", "studio.fraud.feature.typeCashOut"),
            Map.entry("type_payment", "studio.fraud.feature.typePayment"),
            Map.entry("type_crypto_buy", "studio.fraud.feature.typeCryptoBuy"),
            Map.entry("type_crypto_sell", "studio.fraud.feature.typeCryptoSell"),
            Map.entry("log_amount", "studio.fraud.feature.amount"),
            Map.entry("share_of_balance", "studio.fraud.feature.shareOfBalance"),
            Map.entry("amount_vs_usual", "studio.fraud.feature.amountVsUsual"),
            Map.entry("log_seconds_since_last", "studio.fraud.feature.sinceLast"),
            Map.entry("velocity_10min", "studio.fraud.feature.velocity"),
            Map.entry("small_payments_10min", "studio.fraud.feature.smallPayments"),
            Map.entry("new_device", "studio.fraud.feature.newDevice"),
            Map.entry("new_counterparty", "studio.fraud.feature.newCounterparty"),
            Map.entry("pass_through", "studio.fraud.feature.passThrough"),
            Map.entry("log_seconds_since_incoming", "studio.fraud.feature.sinceIncoming"),
            Map.entry("destination_empty", "studio.fraud.feature.destinationEmpty"),
            Map.entry("hour_sin", "studio.fraud.feature.hour"),
            Map.entry("hour_cos", "studio.fraud.feature.hourCos"),
            Map.entry("reciprocal_trade", "studio.fraud.feature.reciprocal"),
            Map.entry("token_buy_burst", "studio.fraud.feature.tokenBurst"),
            Map.entry("log_history", "studio.fraud.feature.history"),
            Map.entry("connections", "studio.fraud.feature.connections"),
            Map.entry("failed_logins", "studio.fraud.feature.failedLogins"),
            Map.entry("distinct_ports", "studio.fraud.feature.ports"),
            Map.entry("distinct_hosts", "studio.fraud.feature.hosts"),
            Map.entry("unusual_ports", "studio.fraud.feature.unusualPorts"),
            Map.entry("bytes_out", "studio.fraud.feature.bytesOut"),
            Map.entry("bytes_in", "studio.fraud.feature.bytesIn"),
            Map.entry("hour", "studio.fraud.feature.hour"));
    private static final Map<String, String> PATTERNS = Map.ofEntries(
            Map.entry("NONE", "studio.fraud.pattern.none"),
            Map.entry("ACCOUNT_TAKEOVER", "studio.fraud.pattern.accountTakeover"),
            Map.entry("CARD_TESTING", "studio.fraud.pattern.cardTesting"),
            Map.entry("MULE_CHAIN", "studio.fraud.pattern.muleChain"),
            Map.entry("WASH_TRADING", "studio.fraud.pattern.washTrading"),
            Map.entry("PUMP_AND_DUMP", "studio.fraud.pattern.pumpAndDump"),
            Map.entry("BRUTE_FORCE", "studio.fraud.pattern.bruteForce"),
            Map.entry("PORT_SCAN", "studio.fraud.pattern.portScan"),
            Map.entry("EXFILTRATION", "studio.fraud.pattern.exfiltration"));

    private final FraudViewModel model;
    private final BorderPane root = new BorderPane();
    private final Label metrics = new Label(PanelText.get("studio.fraud.notTrained"));
    private final Label importance = new Label();
    private final Label provenance = new Label();
    private final Label live = new Label();
    private final TableView<Alert> queue = new TableView<>();
    private final Timeline poll = new Timeline(new KeyFrame(Duration.millis(400), e -> refresh()));

    /** The panel the Studio shows, over the store and bus of {@code ctx}. */
    public static FraudPanel create(WorkspaceContext ctx) {
        return new FraudPanel(new FraudViewModel(ctx.service(Database.class), ctx.bus(), Clock.systemUTC(),
                ctx.tasks(), ctx.dialogs(), ctx.user().username()));
    }

    public FraudPanel(FraudViewModel model) {
        this.model = model;
        root.setId("studio-fraud");
        poll.setCycleCount(Timeline.INDEFINITE);
        Label banner = new Label(PanelText.get("studio.fraud.banner"));
        banner.setWrapText(true);
        banner.setMaxWidth(Double.MAX_VALUE);
        banner.setStyle("-fx-font-weight: bold; -fx-padding: 6 10; -fx-background-color: -color-warning-subtle;");

        ComboBox<ModelKind> kinds = new ComboBox<>();
        kinds.setId("studio-fraud-model");
        kinds.getItems().setAll(ModelKind.values());
        kinds.valueProperty().bindBidirectional(model.kindProperty());
        kinds.setCellFactory(l -> new KindCell());
        kinds.setButtonCell(new KindCell());
        ComboBox<Integer> sizes = new ComboBox<>();
        sizes.getItems().setAll(20_000, 50_000, 100_000, 200_000, 1_000_000);
        sizes.setValue(model.transactionsProperty().get());
        sizes.valueProperty().addListener((obs, old, now) -> model.transactionsProperty().set(now));
        Button train = new Button(PanelText.get("studio.fraud.train"));
        train.setId("studio-fraud-train");
        train.disableProperty().bind(model.busyProperty());
        train.setOnAction(e -> model.train());
        Button start = new Button(PanelText.get("studio.fraud.start"));
        start.setId("studio-fraud-start");
        start.disableProperty().bind(model.recordProperty().isNull().or(model.streamingProperty())
                .or(model.busyProperty()));
        start.setOnAction(e -> model.start());
        Button stop = new Button(PanelText.get("studio.fraud.stop"));
        stop.setId("studio-fraud-stop");
        stop.disableProperty().bind(model.streamingProperty().not());
        stop.setOnAction(e -> model.stop());
        Label status = new Label();
        status.textProperty().bind(model.statusProperty());
        ToolBar bar = new ToolBar(new Label(PanelText.get("studio.fraud.model")), kinds,
                new Label(PanelText.get("studio.fraud.transactions")), sizes, train, start, stop, status);
        root.setTop(new VBox(banner, bar));

        for (Label l : new Label[] {metrics, importance, provenance, live}) {
            l.setWrapText(true);
        }
        metrics.setId("studio-fraud-metrics");
        live.setId("studio-fraud-live");
        VBox side = new VBox(8, heading("studio.fraud.heldOut"), metrics, heading("studio.fraud.importance"),
                importance, heading("studio.fraud.provenance"), provenance);
        side.setPadding(new Insets(8));
        ScrollPane scroll = new ScrollPane(side);
        scroll.setFitToWidth(true);
        scroll.setPrefWidth(390);
        root.setLeft(scroll);

        queue.setId("studio-fraud-queue");
        queue.setItems(model.alerts());
        queue.setPlaceholder(new Label(PanelText.get("studio.fraud.queue.empty")));
        queue.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        queue.getColumns().add(column("studio.fraud.col.kind", a -> PanelText.get(a.kind() == AlertKind.NETWORK
                ? "studio.fraud.kind.network" : "studio.fraud.kind.transaction"), 104));
        queue.getColumns().add(column("studio.fraud.col.who", Alert::who, 100));
        queue.getColumns().add(column("studio.fraud.col.score", a -> String.format(Locale.ROOT, "%.3f", a.score()),
                64));
        queue.getColumns().add(column("studio.fraud.col.what", Alert::what, 260));
        queue.getColumns().add(column("studio.fraud.col.reasons", FraudPanel::reasons, 300));
        Button accept = new Button(PanelText.get("studio.fraud.accept"));
        accept.setId("studio-fraud-accept");
        Button dismiss = new Button(PanelText.get("studio.fraud.dismiss"));
        dismiss.setId("studio-fraud-dismiss");
        Button escalate = new Button(PanelText.get("studio.fraud.escalate"));
        escalate.setId("studio-fraud-escalate");
        for (Button b : new Button[] {accept, dismiss, escalate}) {
            b.disableProperty().bind(queue.getSelectionModel().selectedItemProperty().isNull());
        }
        accept.setOnAction(e -> model.decide(queue.getSelectionModel().getSelectedItem(), AlertDecision.ACCEPT));
        dismiss.setOnAction(e -> model.decide(queue.getSelectionModel().getSelectedItem(), AlertDecision.DISMISS));
        escalate.setOnAction(e -> model.decide(queue.getSelectionModel().getSelectedItem(), AlertDecision.ESCALATE));
        HBox actions = new HBox(8, accept, dismiss, escalate, new Label(PanelText.get("studio.fraud.escalateHint")));
        VBox center = new VBox(6, heading("studio.fraud.queue"), live, queue, actions);
        VBox.setVgrow(queue, Priority.ALWAYS);
        center.setPadding(new Insets(8));
        root.setCenter(center);
        model.recordProperty().addListener((obs, old, now) -> showRecord(now));
        model.statsProperty().addListener((obs, old, now) -> showStats(now));
    }

    @Override
    public String title() {
        return PanelText.get("studio.fraud.title");
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public void activate() {
        poll.play();
    }

    @Override
    public void deactivate() {
        poll.stop();
        model.stop();
    }

    @Override
    public void dispose() {
        deactivate();
    }

    private void refresh() {
        model.poll();
    }

    private void showRecord(ModelProvenance p) {
        if (p == null) {
            return;
        }
        StringBuilder m = new StringBuilder(PanelText.get("studio.fraud.dataLine", p.spec().transactions(),
                p.spec().simulatorSeed(), p.metrics().rows(), p.metrics().positives()));
        for (FraudMetrics x : List.of(p.metrics(), p.baseline())) {
            m.append('\n').append(PanelText.get("studio.fraud.metricsLine", kindName(x.model()), fmt(x.rocAuc()),
                    fmt(x.prAuc()), fmt(x.threshold()), fmt(x.precision()), fmt(x.recall()),
                    String.format(Locale.ROOT, "%.1f", x.alertsPerThousand())));
        }
        List<String> byPattern = new ArrayList<>();
        p.metrics().recallByPattern().forEach((k, v) -> byPattern.add(patternName(k) + " "
                + String.format(Locale.ROOT, "%.0f %%", v * 100)));
        m.append('\n').append(PanelText.get("studio.fraud.byPattern", String.join(", ", byPattern)));
        metrics.setText(m.toString());
        StringBuilder imp = new StringBuilder();
        for (FeatureWeight w : p.importance()) {
            imp.append(featureName(w.feature())).append(String.format(Locale.ROOT, " (%,.0f)", w.importance()))
                    .append('\n');
        }
        importance.setText(imp.toString().strip());
        provenance.setText(PanelText.get("studio.fraud.provenanceLine", p.library(), p.spec().seed(),
                p.spec().negativesPerPositive(), p.spec().targetPrecision(), p.scoresSha256().substring(0, 16),
                String.format(Locale.ROOT, "%.1f", p.trainingSeconds())));
    }

    private void showStats(FraudStream.Stats s) {
        if (s == null) {
            return;
        }
        live.setText(PanelText.get("studio.fraud.liveLine", s.transactions(), s.windows(),
                String.format(Locale.ROOT, "%.0f", s.perSecond()), String.format(Locale.ROOT, "%.0f", s.p99Micros()),
                s.alerts(), Double.isNaN(s.precision()) ? "—" : String.format(Locale.ROOT, "%.0f %%",
                        s.precision() * 100)));
    }

    static String reasons(Alert a) {
        List<String> out = new ArrayList<>();
        for (Reason r : a.reasons()) {
            // Transaction features named log_… hold log(1 + x): a person reads x.
            boolean log = a.kind() == AlertKind.TRANSACTION && r.feature().startsWith("log_");
            double value = log ? Math.expm1(r.value()) : r.value();
            double usual = log ? Math.expm1(r.usual()) : r.usual();
            out.add(featureName(r.feature()) + " " + number(value) + " ("
                    + PanelText.get("studio.fraud.usual", number(usual)) + ")");
        }
        return String.join("; ", out);
    }

    private static String number(double v) {
        return Math.abs(v) >= 1000 ? String.format(Locale.ROOT, "%,.0f", v) : String.format(Locale.ROOT, "%.3g", v);
    }

    static String featureName(String feature) {
        String key = FEATURES.get(feature);
        return key == null ? feature : PanelText.get(key);
    }

    static String patternName(String pattern) {
        String key = PATTERNS.get(pattern);
        return key == null ? pattern : PanelText.get(key);
    }

    private static String kindName(String code) {
        return PanelText.get(switch (code) {
            case "rf" -> "studio.fraud.kind.rf";
            case "lr" -> "studio.fraud.kind.lr";
            default -> "studio.fraud.kind.gbt";
        });
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }

    private static Label heading(String key) {
        Label l = new Label(PanelText.get(key));
        l.setStyle("-fx-font-weight: bold; -fx-font-size: 1.1em;");
        return l;
    }

    private static TableColumn<Alert, String> column(String key, Function<Alert, String> value, double width) {
        TableColumn<Alert, String> c = new TableColumn<>(PanelText.get(key));
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        c.setPrefWidth(width);
        c.setMinWidth(Math.min(width, 104));
        c.setSortable(false);
        return c;
    }

    /** A model kind in words. */
    private static final class KindCell extends ListCell<ModelKind> {
        @Override
        protected void updateItem(ModelKind item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : kindName(item.code()));
        }
    }
}
