package dev.switchboard.app.workspace;

import dev.switchboard.core.account.Account;
import dev.switchboard.core.account.Role;
import dev.switchboard.uikit.WorkspaceContext;
import dev.switchboard.uikit.Tables;
import dev.switchboard.uikit.WorkspaceView;
import java.util.Optional;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceDialog;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2OutlinedAL;
import org.kordamp.ikonli.material2.Material2OutlinedMZ;

/** The accounts table with its actions; binds to {@link AccountsViewModel}. */
final class AccountsView implements WorkspaceView {

    private final AccountsViewModel model;
    private final WorkspaceContext ctx;
    private final BorderPane page = new BorderPane();
    private final TableView<Account> table;

    AccountsView(AccountsViewModel model, WorkspaceContext ctx) {
        this.model = model;
        this.ctx = ctx;
        table = new TableView<>(model.accounts());
        table.setId("accounts-table");
        table.getColumns().add(Tables.column(Ui.text("app.accounts.col.username"), Account::username, 140));
        table.getColumns().add(Tables.column(Ui.text("app.accounts.col.name"), Account::displayName, 200));
        table.getColumns().add(Tables.column(Ui.text("app.accounts.col.role"), a -> a.role().label(), 110));
        table.getColumns().add(Tables.column(Ui.text("app.accounts.col.state"), a -> !a.active()
                ? Ui.text("app.accounts.stateDisabled") : a.lockedUntil() != null
                && a.lockedUntil().isAfter(java.time.Instant.now()) ? Ui.text("app.accounts.stateLocked")
                : Ui.text("app.accounts.stateActive"), 100));
        table.getColumns().add(Tables.column(Ui.text("app.accounts.col.lastLogon"), a -> Ui.when(a.lastLogonAt()),
                150));
        table.getColumns().add(Tables.column(Ui.text("app.accounts.col.created"), a -> Ui.when(a.createdAt()), 150));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);

        Button add = new Button(Ui.text("app.accounts.add"), new FontIcon(Material2OutlinedMZ.PERSON_ADD));
        add.setId("accounts-add");
        add.getStyleClass().add("accent");
        add.setOnAction(e -> addAccount());
        Button role = new Button(Ui.text("app.accounts.changeRole"),
                new FontIcon(Material2OutlinedAL.ADMIN_PANEL_SETTINGS));
        role.setId("accounts-role");
        role.setOnAction(e -> selected().ifPresent(this::changeRole));
        Button toggle = new Button(Ui.text("app.accounts.toggleActive"), new FontIcon(Material2OutlinedAL.BLOCK));
        toggle.setId("accounts-toggle");
        toggle.setOnAction(e -> selected().ifPresent(a -> model.setActive(a, !a.active())));
        Button reset = new Button(Ui.text("app.accounts.resetPassword"), new FontIcon(Material2OutlinedMZ.VPN_KEY));
        reset.setId("accounts-reset");
        reset.setOnAction(e -> selected().ifPresent(this::resetPassword));
        for (Button b : new Button[] {role, toggle, reset}) {
            b.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        }
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, now) ->
                toggle.setText(Ui.text(now != null && !now.active() ? "app.accounts.enable" : "app.accounts.disable")));
        Label message = new Label();
        message.getStyleClass().add("sb-ok");
        message.textProperty().bind(model.messageProperty());
        message.setId("accounts-message");
        HBox actions = new HBox(8, add, role, toggle, reset, message);
        actions.setAlignment(Pos.CENTER_LEFT);

        VBox top = new VBox(12, Ui.muted(Ui.text("app.accounts.hint")), actions);
        top.setPadding(new Insets(20, 24, 12, 24));
        page.setTop(top);
        BorderPane.setMargin(table, new Insets(0, 24, 24, 24));
        page.setCenter(table);
    }

    @Override
    public Node node() {
        return page;
    }

    @Override
    public void activate() {
        model.refresh();
    }

    @Override
    public void deactivate() {
        // The list is read on each visit.
    }

    private Optional<Account> selected() {
        return Optional.ofNullable(table.getSelectionModel().getSelectedItem());
    }

    private void addAccount() {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(page.getScene().getWindow());
        dialog.setTitle(Ui.text("app.accounts.add"));
        dialog.setHeaderText(Ui.text("app.accounts.addHeader"));
        TextField username = new TextField();
        username.setId("new-username");
        TextField name = new TextField();
        name.setId("new-display-name");
        ComboBox<Role> role = new ComboBox<>(FXCollections.observableArrayList(Role.values()));
        role.setValue(Role.TRAINEE);
        role.setId("new-role");
        PasswordField password = new PasswordField();
        password.setId("new-password");
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        grid.addRow(0, new Label(Ui.text("app.accounts.col.username")), username);
        grid.addRow(1, new Label(Ui.text("app.accounts.col.name")), name);
        grid.addRow(2, new Label(Ui.text("app.accounts.col.role")), role);
        grid.addRow(3, new Label(Ui.text("app.accounts.initialPassword")), password);
        dialog.getDialogPane().setContent(grid);
        ButtonType create = new ButtonType(Ui.text("app.accounts.create"), ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(create, ButtonType.CANCEL);
        dialog.getDialogPane().lookupButton(create).setId("new-account-create");
        dialog.getDialogPane().lookupButton(create).disableProperty()
                .bind(username.textProperty().isEmpty().or(password.textProperty().isEmpty()));
        Label refused = new Label();
        refused.setId("new-account-error");
        refused.getStyleClass().add("sb-error");
        refused.setWrapText(true);
        refused.setMaxWidth(360);
        refused.visibleProperty().bind(refused.textProperty().isNotEmpty());
        refused.managedProperty().bind(refused.visibleProperty());
        grid.add(refused, 0, 4, 2, 1);
        // Create checks the input while the dialog stays open: a refusal is shown here and nothing typed is lost.
        dialog.getDialogPane().lookupButton(create).addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
            e.consume();
            refused.setText("");
            model.create(username.getText(), name.getText(), role.getValue(), password.getText().toCharArray(),
                    () -> {
                        password.clear();
                        dialog.setResult(create);
                        dialog.close();
                    }, refused::setText);
        });
        username.requestFocus();
        dialog.showAndWait();
    }

    private void changeRole(Account account) {
        ChoiceDialog<Role> dialog = new ChoiceDialog<>(account.role(), Role.values());
        dialog.initOwner(page.getScene().getWindow());
        dialog.setTitle(Ui.text("app.accounts.changeRole"));
        dialog.setHeaderText(Ui.text("app.accounts.changeRoleHeader", account.username()));
        dialog.showAndWait().ifPresent(r -> model.changeRole(account, r));
    }

    private void resetPassword(Account account) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(page.getScene().getWindow());
        dialog.setTitle(Ui.text("app.accounts.resetPassword"));
        dialog.setHeaderText(Ui.text("app.accounts.resetHeader", account.username()));
        PasswordField password = new PasswordField();
        dialog.getDialogPane().setContent(new VBox(8, new Label(Ui.text("app.accounts.newPassword")), password));
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        dialog.showAndWait().filter(b -> b == ButtonType.OK).ifPresent(b -> {
            char[] secret = password.getText().toCharArray();
            password.clear();
            model.resetPassword(account, secret);
        });
    }

}
