package dev.switchboard.studio.ui.generation;

import dev.switchboard.studio.engine.generation.GenerationService;
import dev.switchboard.studio.engine.generation.StyleCatalog;
import dev.switchboard.studio.model.generation.GalleryItem;
import dev.switchboard.studio.model.generation.GalleryUse;
import dev.switchboard.studio.model.generation.StylePreset;
import dev.switchboard.studio.ui.StudioPanel;
import dev.switchboard.studio.ui.Text;
import dev.switchboard.uikit.Tables;
import dev.switchboard.uikit.WorkspaceContext;
import java.io.File;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.util.StringConverter;

/**
 * The gallery: every result with its prompt, settings, seed, worker, model, time and SHA-256; search and filters;
 * two side by side with what differs; export; and "use as" for the other workspaces.
 */
public final class GalleryPanel implements StudioPanel {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT)
            .withZone(ZoneId.systemDefault());

    private final GalleryViewModel model;
    private final BorderPane root = new BorderPane();
    private final ImageView left = still();
    private final ImageView right = still();
    private final GridPane details = new GridPane();

    public GalleryPanel(WorkspaceContext ctx) {
        model = new GalleryViewModel(ctx.service(GenerationService.class), ctx.tasks(), ctx.user().username());
        root.setId("studio-gallery");
        root.setPadding(new Insets(12));
        root.setTop(filters());
        ListView<GalleryItem> list = new ListView<>(model.items());
        list.setId("gallery-list");
        list.setPlaceholder(new Label(Text.get("studio.gallery.empty")));
        list.setCellFactory(v -> new Thumb());
        list.setPrefWidth(330);
        list.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null) {
                model.selectedProperty().set(now);
            }
        });
        model.selectedProperty().addListener((obs, old, now) -> show(now, left, true));
        model.compareWithProperty().addListener((obs, old, now) -> show(now, right, false));
        SplitPane split = new SplitPane(list, view(ctx));
        split.setDividerPositions(0.3);
        BorderPane.setMargin(split, new Insets(10, 0, 0, 0));
        root.setCenter(split);
    }

    @Override
    public String title() {
        return Text.get("studio.gallery.title");
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public void activate() {
        model.activate();
    }

    @Override
    public void deactivate() {
        model.deactivate();
    }

    private Node filters() {
        TextField search = new TextField();
        search.setId("gallery-search");
        search.setPromptText(Text.get("studio.gallery.searchHint"));
        search.textProperty().bindBidirectional(model.textProperty());
        search.setOnAction(e -> model.search());
        HBox.setHgrow(search, Priority.ALWAYS);
        ComboBox<GalleryItem.Kind> kind = new ComboBox<>();
        kind.getItems().addAll(null, GalleryItem.Kind.IMAGE, GalleryItem.Kind.CLIP);
        kind.setConverter(new StringConverter<>() {
            @Override
            public String toString(GalleryItem.Kind k) {
                return k == null ? Text.get("studio.gallery.anyKind") : k == GalleryItem.Kind.CLIP
                        ? Text.get("studio.gen.kind.clip") : Text.get("studio.gen.kind.image");
            }

            @Override
            public GalleryItem.Kind fromString(String s) {
                return null;
            }
        });
        kind.valueProperty().bindBidirectional(model.kindProperty());
        ComboBox<String> style = new ComboBox<>();
        style.getItems().add(GalleryViewModel.ANY);
        style.getItems().addAll(StyleCatalog.all().stream().map(StylePreset::id).toList());
        style.setConverter(new StringConverter<>() {
            @Override
            public String toString(String id) {
                return id == null || id.isEmpty() ? Text.get("studio.gallery.anyStyle")
                        : StyleCatalog.find(id).map(StylePreset::name).orElse(id);
            }

            @Override
            public String fromString(String s) {
                return s;
            }
        });
        style.valueProperty().bindBidirectional(model.styleProperty());
        ComboBox<String> worker = new ComboBox<>();
        worker.setPromptText(Text.get("studio.gallery.anyWorker"));
        model.workers().addListener((javafx.collections.ListChangeListener<String>) c -> {
            String keep = worker.getValue();
            worker.getItems().setAll(GalleryViewModel.ANY);
            worker.getItems().addAll(model.workers());
            worker.setValue(keep);
        });
        worker.valueProperty().addListener((obs, old, now) -> model.workerProperty().set(now == null ? "" : now));
        Button go = new Button(Text.get("studio.gallery.search"));
        go.setId("gallery-search-button");
        go.setOnAction(e -> model.search());
        kind.valueProperty().addListener((obs, o, n) -> model.search());
        style.valueProperty().addListener((obs, o, n) -> model.search());
        worker.valueProperty().addListener((obs, o, n) -> model.search());
        Label status = new Label();
        status.getStyleClass().add("sb-muted");
        status.textProperty().bind(model.statusProperty());
        HBox bar = new HBox(8, search, kind, style, worker, go, status);
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    private Node view(WorkspaceContext ctx) {
        Button compare = new Button(Text.get("studio.gallery.compare"));
        compare.setId("gallery-compare");
        compare.disableProperty().bind(model.selectedProperty().isNull());
        compare.setOnAction(e -> model.compareWithProperty().set(model.selectedProperty().get()));
        Button clear = new Button(Text.get("studio.gallery.clearCompare"));
        clear.disableProperty().bind(model.compareWithProperty().isNull());
        clear.setOnAction(e -> model.compareWithProperty().set(null));
        Button export = new Button(Text.get("studio.gallery.export"));
        export.setId("gallery-export");
        export.disableProperty().bind(model.selectedProperty().isNull());
        export.setOnAction(e -> {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle(Text.get("studio.gallery.export"));
            File folder = chooser.showDialog(root.getScene().getWindow());
            if (folder != null) {
                model.export(folder.toPath());
            }
        });
        MenuButton use = new MenuButton(Text.get("studio.gallery.useAs"));
        use.setId("gallery-use-as");
        use.disableProperty().bind(model.selectedProperty().isNull());
        MenuItem scenario = new MenuItem(Text.get("studio.gallery.use.scenario"));
        scenario.setOnAction(e -> model.useAs(GalleryUse.SCENARIO_IMAGE, ""));
        MenuItem camera = new MenuItem(Text.get("studio.gallery.use.camera"));
        camera.setOnAction(e -> model.useAs(GalleryUse.CAMERA_STILL, ""));
        MenuItem incident = new MenuItem(Text.get("studio.gallery.use.incident"));
        incident.setOnAction(e -> ctx.dialogs().ask(Text.get("studio.gallery.use.incident"),
                Text.get("studio.gallery.incidentRef")).ifPresent(ref -> model.useAs(GalleryUse.INCIDENT_ATTACHMENT,
                ref)));
        use.getItems().addAll(List.of(scenario, camera, incident));
        HBox actions = new HBox(8, compare, clear, export, use);
        details.setHgap(10);
        details.setVgap(4);
        TableView<GenerationService.Difference> diff = new TableView<>(model.differences());
        diff.setPlaceholder(new Label(Text.get("studio.gallery.compareHint")));
        diff.getColumns().addAll(List.of(
                Tables.column(Text.get("studio.gallery.col.setting"), GenerationService.Difference::setting, 110),
                Tables.column(Text.get("studio.gallery.col.left"), GenerationService.Difference::left, 240),
                Tables.column(Text.get("studio.gallery.col.right"), GenerationService.Difference::right, 240)));
        diff.setPrefHeight(150);
        HBox pictures = new HBox(12, left, right);
        VBox box = new VBox(10, actions, pictures, details, diff);
        box.setPadding(new Insets(0, 0, 0, 10));
        ScrollPane scroll = new ScrollPane(box);
        scroll.setFitToWidth(true);
        return scroll;
    }

    private void show(GalleryItem item, ImageView view, boolean withDetails) {
        view.setImage(item == null || item.still() == null ? null : new Image(item.kind() == GalleryItem.Kind.CLIP
                && item.mediaType().equals("image/gif") ? item.file().toUri().toString() : item.still().toUri()
                .toString(), true));
        if (!withDetails) {
            return;
        }
        details.getChildren().clear();
        if (item == null) {
            return;
        }
        int row = 0;
        row = detail(row, "studio.gallery.prompt", item.prompt());
        row = detail(row, "studio.gallery.negative", item.negativePrompt());
        row = detail(row, "studio.gallery.style", item.style().isEmpty() ? Text.get("studio.gen.noStyle")
                : StyleCatalog.find(item.style()).map(StylePreset::name).orElse(item.style()));
        row = detail(row, "studio.gallery.settings", Text.get("studio.gallery.settingsValue", item.width(),
                item.height(), item.steps(), item.guidance() == 0 ? Text.get("studio.gallery.default")
                        : String.format(Locale.ROOT, "%.1f", item.guidance())));
        if (item.kind() == GalleryItem.Kind.CLIP) {
            row = detail(row, "studio.gallery.clip", Text.get("studio.gallery.clipValue", item.seconds(), item.fps(),
                    item.mediaType()));
        }
        row = detail(row, "studio.gallery.seed", item.seed() < 0 ? Text.get("studio.gallery.unknown")
                : Long.toString(item.seed()));
        row = detail(row, "studio.gallery.worker", item.worker() + " · " + item.model());
        row = detail(row, "studio.gallery.time", TIME.format(item.createdAt()) + " · " + item.latencyMs() + " ms · "
                + item.requestedBy());
        detail(row, "studio.gallery.sha", item.sha256());
    }

    private int detail(int row, String key, String value) {
        Label name = new Label(Text.get(key));
        name.getStyleClass().add("sb-muted");
        Label text = new Label(value);
        text.setWrapText(true);
        text.setMaxWidth(620);
        details.addRow(row, name, text);
        return row + 1;
    }

    private static ImageView still() {
        ImageView v = new ImageView();
        v.setFitWidth(360);
        v.setFitHeight(300);
        v.setPreserveRatio(true);
        return v;
    }

    /** A list cell with the picture's thumbnail and its prompt. */
    private static final class Thumb extends ListCell<GalleryItem> {
        private final ImageView image = new ImageView();
        private final Label text = new Label();

        Thumb() {
            image.setFitWidth(72);
            image.setFitHeight(72);
            image.setPreserveRatio(true);
            text.setWrapText(true);
            text.setMaxWidth(220);
        }

        @Override
        protected void updateItem(GalleryItem item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setGraphic(null);
                return;
            }
            image.setImage(item.still() == null ? null : new Image(item.still().toUri().toString(), 72, 72, true,
                    true, true));
            String kind = item.kind() == GalleryItem.Kind.CLIP ? Text.get("studio.gen.kind.clip") + " · " : "";
            text.setText(kind + item.prompt() + "\n" + TIME.format(item.createdAt()) + " · " + item.worker());
            setGraphic(new HBox(8, image, text));
        }
    }
}
