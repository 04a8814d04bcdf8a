package dev.switchboard.app.workspace;

import dev.switchboard.core.account.AuditAction;
import dev.switchboard.core.account.AuditRecord;
import dev.switchboard.uikit.Tables;
import dev.switchboard.uikit.WorkspaceView;
import java.util.function.Function;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2OutlinedMZ;

/** The audit log page: a filter bar over a table; binds to {@link AuditViewModel}. */
final class AuditView implements WorkspaceView {

    private final AuditViewModel model;
    private final BorderPane page = new BorderPane();

    AuditView(AuditViewModel model) {
        this.model = model;
        TextField actor = new TextField();
        actor.setPromptText(Ui.text("app.audit.user"));
        actor.setId("audit-actor");
        actor.textProperty().bindBidirectional(model.actorProperty());
        ComboBox<AuditAction> action = new ComboBox<>(FXCollections.observableArrayList(AuditAction.values()));
        action.getItems().add(0, null);
        action.setPromptText(Ui.text("app.audit.anyAction"));
        action.setConverter(named(a -> a == null ? Ui.text("app.audit.anyAction") : label(a.name())));
        action.setId("audit-action");
        action.valueProperty().bindBidirectional(model.actionProperty());
        ComboBox<AuditRecord.Outcome> outcome =
                new ComboBox<>(FXCollections.observableArrayList(AuditRecord.Outcome.values()));
        outcome.getItems().add(0, null);
        outcome.setPromptText(Ui.text("app.audit.anyOutcome"));
        outcome.setConverter(named(o -> o == null ? Ui.text("app.audit.anyOutcome") : label(o.name())));
        outcome.setId("audit-outcome");
        outcome.valueProperty().bindBidirectional(model.outcomeProperty());
        DatePicker from = new DatePicker();
        from.setPromptText(Ui.text("app.audit.from"));
        from.setPrefWidth(140);
        from.valueProperty().bindBidirectional(model.fromProperty());
        DatePicker to = new DatePicker();
        to.setPromptText(Ui.text("app.audit.to"));
        to.setPrefWidth(140);
        to.valueProperty().bindBidirectional(model.toProperty());
        TextField text = new TextField();
        text.setPromptText(Ui.text("app.audit.text"));
        text.textProperty().bindBidirectional(model.textProperty());
        Button search = new Button(Ui.text("app.audit.search"), new FontIcon(Material2OutlinedMZ.SEARCH));
        search.setDefaultButton(true);
        search.setId("audit-search");
        search.getStyleClass().add("accent");
        search.setOnAction(e -> model.search());
        actor.setOnAction(e -> model.search());
        text.setOnAction(e -> model.search());
        Button clear = new Button(Ui.text("app.audit.clear"));
        clear.setOnAction(e -> model.clearFilters());
        FlowPane filters = new FlowPane(8, 8, actor, action, outcome, from, to, text, search, clear);
        filters.setAlignment(Pos.CENTER_LEFT);

        TableView<AuditRecord> table = new TableView<>(model.records());
        table.setId("audit-table");
        table.getColumns().add(Tables.column(Ui.text("app.audit.col.time"), r -> Ui.WHEN_SECONDS.format(r.at()), 150));
        table.getColumns().add(Tables.column(Ui.text("app.audit.col.user"), AuditRecord::actor, 120));
        table.getColumns().add(Tables.column(Ui.text("app.audit.col.action"), r -> label(r.action().name()), 150));
        table.getColumns().add(Tables.column(Ui.text("app.audit.col.target"), model::target, 220));
        table.getColumns().add(Tables.column(Ui.text("app.audit.col.outcome"), r -> label(r.outcome().name()), 90));
        table.getColumns().add(Tables.column(Ui.text("app.audit.col.detail"), AuditRecord::detail, 280));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(Ui.muted(Ui.text("app.audit.empty")));
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(AuditRecord item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().removeAll("sb-row-failure");
                if (!empty && item != null && item.outcome() != AuditRecord.Outcome.SUCCESS) {
                    getStyleClass().add("sb-row-failure");
                }
            }
        });

        Label summary = Ui.muted("");
        summary.textProperty().bind(model.summaryProperty());
        summary.setId("audit-summary");
        Label chain = new Label();
        chain.textProperty().bind(model.chainProperty());
        chain.setId("audit-chain");
        Button verify = new Button(Ui.text("app.audit.verify"), new FontIcon(Material2OutlinedMZ.SECURITY));
        verify.setId("audit-verify");
        verify.setOnAction(e -> model.verifyChain());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox footer = new HBox(12, summary, spacer, chain, verify);
        footer.setAlignment(Pos.CENTER_LEFT);

        VBox top = new VBox(12, filters);
        top.setPadding(new Insets(20, 24, 12, 24));
        page.setTop(top);
        BorderPane.setMargin(table, new Insets(0, 24, 0, 24));
        page.setCenter(table);
        footer.setPadding(new Insets(10, 24, 16, 24));
        page.setBottom(footer);
    }

    @Override
    public Node node() {
        return page;
    }

    @Override
    public void activate() {
        model.search();
        model.verifyChain();
    }

    @Override
    public void deactivate() {
        // Queries are one-shot; nothing keeps running while hidden.
    }


    /** PASSWORD_CHANGE reads as "Password change". */
    static String label(String constant) {
        String words = constant.replace('_', ' ').toLowerCase(java.util.Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    private static <T> StringConverter<T> named(Function<T, String> name) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return name.apply(value);
            }

            @Override
            public T fromString(String string) {
                throw new UnsupportedOperationException("read-only choice");
            }
        };
    }
}
