package dev.switchboard.studio.ui.generation;

import dev.switchboard.ai.GpuFleet;
import dev.switchboard.ai.QueueView;
import dev.switchboard.studio.engine.generation.GalleryQuery;
import dev.switchboard.studio.engine.generation.GenerationService;
import dev.switchboard.studio.model.generation.GalleryItem;
import dev.switchboard.studio.model.generation.StylePreset;
import dev.switchboard.studio.ui.StudioPanel;
import dev.switchboard.studio.ui.Text;
import dev.switchboard.uikit.BackgroundTask;
import dev.switchboard.uikit.Card;
import dev.switchboard.uikit.StatusPill;
import dev.switchboard.uikit.Tables;
import dev.switchboard.uikit.WorkspaceContext;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceDialog;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.Duration;
import javafx.util.StringConverter;

/** The generation panel: the request form on the left, the queue with progress, preview and shares on the right. */
public final class GenerationPanel implements StudioPanel {

    private final GenerationViewModel model;
    private final GenerationService generation;
    private final WorkspaceContext ctx;
    private final BorderPane root = new BorderPane();
    private final Timeline ticker;

    public GenerationPanel(WorkspaceContext ctx) {
        this.ctx = ctx;
        this.generation = ctx.service(GenerationService.class);
        this.model = new GenerationViewModel(generation, ctx.service(GpuFleet.class), ctx.tasks(),
                ctx.user().username());
        root.setId("studio-generation");
        root.setPadding(new Insets(12));
        root.setTop(banner());
        SplitPane split = new SplitPane(form(), queue());
        split.setDividerPositions(0.42);
        BorderPane.setMargin(split, new Insets(10, 0, 0, 0));
        root.setCenter(split);
        ticker = new Timeline(new KeyFrame(Duration.seconds(1), e -> model.refresh()));
        ticker.setCycleCount(Timeline.INDEFINITE);
    }

    @Override
    public String title() {
        return Text.get("studio.gen.title");
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public void activate() {
        model.activate();
        ticker.play();
    }

    @Override
    public void deactivate() {
        ticker.stop();
        model.deactivate();
    }

    GenerationViewModel model() {
        return model;
    }

    private Node banner() {
        StatusPill workers = new StatusPill("", StatusPill.Status.NEUTRAL);
        workers.setId("gen-availability");
        workers.textProperty().bind(model.availabilityProperty());
        model.canGenerateProperty().addListener((obs, old, ok) -> workers.setStatus(ok ? StatusPill.Status.OK
                : StatusPill.Status.WARN));
        Label demo = new Label();
        demo.setId("gen-demo-note");
        demo.getStyleClass().add("sb-warn");
        demo.textProperty().bind(model.demoNoteProperty());
        demo.visibleProperty().bind(model.demoNoteProperty().isNotEmpty());
        demo.managedProperty().bind(demo.visibleProperty());
        Label howTo = new Label(Text.get("studio.gen.howToAdd"));
        howTo.setId("gen-how-to-add");
        howTo.setWrapText(true);
        howTo.getStyleClass().add("sb-muted");
        howTo.visibleProperty().bind(model.noWorkersProperty());
        howTo.managedProperty().bind(howTo.visibleProperty());
        Label status = new Label();
        status.setId("gen-status");
        status.textProperty().bind(model.statusProperty());
        HBox top = new HBox(12, workers, demo, status);
        return new VBox(6, top, howTo);
    }

    private Node form() {
        TextArea prompt = new TextArea();
        prompt.setId("gen-prompt");
        prompt.setPromptText(Text.get("studio.gen.promptHint"));
        prompt.setWrapText(true);
        prompt.setPrefRowCount(4);
        prompt.textProperty().bindBidirectional(model.promptProperty());
        TextField negative = new TextField();
        negative.setId("gen-negative");
        negative.setPromptText(Text.get("studio.gen.negativeHint"));
        negative.textProperty().bindBidirectional(model.negativeProperty());
        ComboBox<StylePreset> style = new ComboBox<>();
        style.setId("gen-style");
        style.getItems().add(null);
        style.getItems().addAll(model.styles());
        style.setConverter(new StringConverter<>() {
            @Override
            public String toString(StylePreset p) {
                return p == null ? Text.get("studio.gen.noStyle") : p.name();
            }

            @Override
            public StylePreset fromString(String s) {
                return null;
            }
        });
        style.valueProperty().bindBidirectional(model.styleProperty());
        Spinner<Integer> width = intSpinner(64, 2048, 8, model.widthProperty().get());
        width.getValueFactory().valueProperty().bindBidirectional(model.widthProperty().asObject());
        Spinner<Integer> height = intSpinner(64, 2048, 8, model.heightProperty().get());
        height.getValueFactory().valueProperty().bindBidirectional(model.heightProperty().asObject());
        Spinner<Integer> steps = intSpinner(1, 150, 1, model.stepsProperty().get());
        steps.getValueFactory().valueProperty().bindBidirectional(model.stepsProperty().asObject());
        Spinner<Double> guidance = new Spinner<>(1.0, 30.0, model.guidanceProperty().get(), 0.5);
        guidance.setEditable(true);
        guidance.setPrefWidth(84);
        guidance.setMinWidth(Region.USE_PREF_SIZE);
        live(guidance);
        guidance.getValueFactory().valueProperty().bindBidirectional(model.guidanceProperty().asObject());
        TextField seed = new TextField("-1");
        seed.setId("gen-seed");
        seed.setPromptText(Text.get("studio.gen.seedHint"));
        seed.textProperty().addListener((obs, old, now) -> {
            try {
                model.seedProperty().set(now.isBlank() ? -1 : Long.parseLong(now.strip()));
            } catch (NumberFormatException e) {
                model.seedProperty().set(-1);
            }
        });
        Spinner<Integer> batch = intSpinner(1, 8, 1, 1);
        batch.setId("gen-batch");
        batch.getValueFactory().valueProperty().bindBidirectional(model.batchProperty().asObject());
        Spinner<Integer> priority = intSpinner(0, 9, 1, 5);
        priority.getValueFactory().valueProperty().bindBidirectional(model.priorityProperty().asObject());
        CheckBox clip = new CheckBox(Text.get("studio.gen.clip"));
        clip.setId("gen-clip");
        clip.selectedProperty().bindBidirectional(model.clipProperty());
        Spinner<Double> seconds = new Spinner<>(0.5, 60.0, model.secondsProperty().get(), 0.5);
        seconds.setEditable(true);
        seconds.setPrefWidth(84);
        seconds.setMinWidth(Region.USE_PREF_SIZE);
        live(seconds);
        seconds.getValueFactory().valueProperty().bindBidirectional(model.secondsProperty().asObject());
        seconds.disableProperty().bind(clip.selectedProperty().not());
        Spinner<Integer> fps = intSpinner(1, 60, 1, model.fpsProperty().get());
        fps.getValueFactory().valueProperty().bindBidirectional(model.fpsProperty().asObject());
        fps.disableProperty().bind(clip.selectedProperty().not());
        Label start = new Label();
        start.textProperty().bind(Bindings.when(model.startImageNameProperty().isEmpty())
                .then(Text.get("studio.gen.noStart")).otherwise(model.startImageNameProperty()));
        Button fromFile = new Button(Text.get("studio.gen.startFromFile"));
        fromFile.setOnAction(e -> chooseFile());
        Button fromGallery = new Button(Text.get("studio.gen.startFromGallery"));
        fromGallery.setId("gen-start-from-gallery");
        fromGallery.setOnAction(e -> chooseFromGallery());
        Button clear = new Button(Text.get("studio.gen.clearStart"));
        clear.setOnAction(e -> model.clearStartImage());
        clear.disableProperty().bind(model.startImageNameProperty().isEmpty());
        Button generate = new Button(Text.get("studio.gen.generate"));
        generate.setId("gen-generate");
        generate.setDefaultButton(true);
        generate.getStyleClass().add("accent");
        generate.disableProperty().bind(model.promptProperty().isEmpty());
        generate.setOnAction(e -> model.generate());

        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        grid.getColumnConstraints().add(new javafx.scene.layout.ColumnConstraints(javafx.scene.layout.Region
                .USE_PREF_SIZE, javafx.scene.layout.Region.USE_COMPUTED_SIZE, Double.MAX_VALUE));
        int row = 0;
        grid.add(new Label(Text.get("studio.gen.prompt")), 0, row);
        grid.add(prompt, 1, row++, 3, 1);
        grid.add(new Label(Text.get("studio.gen.negative")), 0, row);
        grid.add(negative, 1, row++, 3, 1);
        grid.add(new Label(Text.get("studio.gen.style")), 0, row);
        grid.add(style, 1, row++, 3, 1);
        grid.addRow(row++, new Label(Text.get("studio.gen.size")), width, new Label("×"), height);
        grid.addRow(row++, new Label(Text.get("studio.gen.steps")), steps, new Label(Text.get("studio.gen.guidance")),
                guidance);
        grid.addRow(row++, new Label(Text.get("studio.gen.seed")), seed, new Label(Text.get("studio.gen.batch")),
                batch);
        grid.addRow(row++, new Label(Text.get("studio.gen.priority")), priority);
        grid.add(clip, 0, row++, 4, 1);
        grid.addRow(row++, new Label(Text.get("studio.gen.seconds")), seconds, new Label(Text.get("studio.gen.fps")),
                fps);
        grid.add(new Label(Text.get("studio.gen.start")), 0, row);
        grid.add(start, 1, row++, 3, 1);
        javafx.scene.layout.FlowPane startButtons = new javafx.scene.layout.FlowPane(6, 6, fromFile, fromGallery,
                clear);
        grid.add(startButtons, 1, row++, 3, 1);
        grid.add(generate, 1, row, 3, 1);
        grid.getChildren().forEach(n -> {
            if (n instanceof Label l) {
                l.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            }
        });
        ScrollPane scroll = new ScrollPane(new Card(Text.get("studio.gen.request"), grid));
        scroll.setFitToWidth(true);
        return scroll;
    }

    private Node queue() {
        TableView<JobRow> table = new TableView<>(model.jobs());
        table.setId("gen-queue");
        table.setPlaceholder(new Label(Text.get("studio.gen.emptyQueue")));
        // Five columns rather than ten, so the queue fits beside the request form at 1280x800 without scrolling
        // sideways: the state cell carries the place in the queue and the progress bar, the job cell the prompt
        // with the kind and the estimate or the worker's message under it.
        TableColumn<JobRow, JobRow> state = new TableColumn<>(Text.get("studio.gen.col.state"));
        state.setCellValueFactory(c -> new javafx.beans.property.ReadOnlyObjectWrapper<>(c.getValue()));
        state.setCellFactory(c -> new StateCell());
        state.setPrefWidth(130);
        state.setMinWidth(120);
        TableColumn<JobRow, JobRow> job = new TableColumn<>(Text.get("studio.gen.col.prompt"));
        job.setCellValueFactory(c -> new javafx.beans.property.ReadOnlyObjectWrapper<>(c.getValue()));
        job.setCellFactory(c -> new JobCell());
        job.setMinWidth(160);
        List<TableColumn<JobRow, ?>> fixed = List.of(state,
                Tables.column(Text.get("studio.gen.col.user"), JobRow::user, 90),
                Tables.column(Text.get("studio.gen.col.priority"), r -> Integer.toString(r.priority()), 70),
                Tables.column(Text.get("studio.gen.col.worker"), JobRow::worker, 110));
        table.getColumns().add(state);
        table.getColumns().add(job);
        table.getColumns().addAll(fixed.subList(1, fixed.size()));
        double others = fixed.stream().mapToDouble(TableColumn::getPrefWidth).sum();
        // The job column takes what the others leave (less room for the vertical scroll bar).
        job.prefWidthProperty().bind(Bindings.max(160, table.widthProperty().subtract(others + 22)));
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null) {
                model.selectedProperty().set(now);
            }
        });
        Button cancel = new Button(Text.get("studio.gen.cancel"));
        cancel.setId("gen-cancel");
        cancel.disableProperty().bind(Bindings.createBooleanBinding(() -> model.selectedProperty().get() == null
                || !model.selectedProperty().get().cancellable(), model.selectedProperty()));
        cancel.setOnAction(e -> model.cancelSelected());
        ImageView preview = new ImageView();
        preview.setId("gen-preview");
        preview.setFitWidth(200);
        preview.setFitHeight(200);
        preview.setPreserveRatio(true);
        model.previewProperty().addListener((obs, old, bytes) -> preview.setImage(bytes == null ? null
                : new Image(new ByteArrayInputStream(bytes))));
        Label previewTitle = new Label(Text.get("studio.gen.preview"));
        previewTitle.getStyleClass().add("sb-muted");
        TableView<QueueView.UserShare> shares = new TableView<>(model.users());
        shares.setId("gen-fairness");
        shares.setPlaceholder(new Label(Text.get("studio.gen.noUsers")));
        shares.getColumns().addAll(List.of(
                Tables.column(Text.get("studio.gen.col.user"), QueueView.UserShare::user, 100),
                Tables.column(Text.get("studio.gen.col.queued"), u -> Integer.toString(u.queued()), 70),
                Tables.column(Text.get("studio.gen.col.running"), u -> Integer.toString(u.running()), 70),
                Tables.column(Text.get("studio.gen.col.next"), u -> u.nextPosition() == 0 ? "" :
                        Integer.toString(u.nextPosition()), 70),
                Tables.column(Text.get("studio.gen.col.served"), u -> Integer.toString(u.servedLastHour()), 90)));
        shares.setPrefHeight(160);
        shares.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        Label fairness = new Label(Text.get("studio.gen.fairness"));
        fairness.setWrapText(true);
        fairness.getStyleClass().add("sb-muted");
        VBox previewBox = new VBox(4, previewTitle, preview);
        VBox shareBox = new VBox(4, fairness, shares);
        HBox.setHgrow(shareBox, Priority.ALWAYS);
        HBox bottom = new HBox(12, previewBox, shareBox);
        VBox.setVgrow(table, Priority.ALWAYS);
        VBox box = new VBox(8, new HBox(8, new Label(Text.get("studio.gen.queueTitle")), cancel), table, bottom);
        box.setPadding(new Insets(0, 0, 0, 8));
        return box;
    }

    /**
     * The job's state, its place while queued, and its progress while it runs or when it is done. Texts in cells are
     * {@link javafx.scene.text.Text} wrapped to the cell's width, as in {@link Tables}: a wrapping Label there made
     * the row taller than the table, with the other cells' texts out of sight.
     */
    private static final class StateCell extends TableCell<JobRow, JobRow> {
        private final javafx.scene.text.Text text = Tables.wrappingText(this);
        private final ProgressBar bar = new ProgressBar();
        private final VBox box = new VBox(4, text, bar);

        StateCell() {
            bar.setPrefWidth(100);
        }

        @Override
        protected void updateItem(JobRow row, boolean empty) {
            super.updateItem(row, empty);
            setText(null);
            if (empty || row == null) {
                setGraphic(null);
                return;
            }
            text.setText(row.place().isEmpty() ? row.state()
                    : Text.get("studio.gen.stateAt", row.state(), row.place()));
            boolean shows = row.running() || row.progress() > 0;
            bar.setVisible(shows);
            bar.setManaged(shows);
            bar.setProgress(row.running() && row.progress() == 0 ? ProgressBar.INDETERMINATE_PROGRESS : row.progress());
            setGraphic(box);
        }
    }

    /** The prompt, and under it the kind of job and the estimate while queued or what the worker said. */
    private static final class JobCell extends TableCell<JobRow, JobRow> {
        private final javafx.scene.text.Text prompt = Tables.wrappingText(this);
        private final javafx.scene.text.Text detail = Tables.wrappingText(this, "sb-cell-detail");
        private final VBox box = new VBox(2, prompt, detail);

        @Override
        protected void updateItem(JobRow row, boolean empty) {
            super.updateItem(row, empty);
            setText(null);
            if (empty || row == null) {
                setGraphic(null);
                return;
            }
            prompt.setText(row.prompt());
            String said = row.detail();
            detail.setText(said);
            detail.setVisible(!said.isEmpty());
            detail.setManaged(!said.isEmpty());
            setGraphic(box);
        }
    }

    private void chooseFile() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(Text.get("studio.gen.startFromFile"));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(Text.get("studio.gen.pictures"), "*.png",
                "*.jpg", "*.jpeg"));
        File file = chooser.showOpenDialog(root.getScene().getWindow());
        if (file == null) {
            return;
        }
        BackgroundTask.wrap(() -> Files.readAllBytes(file.toPath()))
                .onSuccess(bytes -> {
                    model.startImageProperty().set(bytes);
                    model.startImageNameProperty().set(file.getName());
                })
                .onFailure(e -> ctx.dialogs().showError(Text.get("studio.gen.startFromFile"), e))
                .executeWith(ctx.tasks());
    }

    private void chooseFromGallery() {
        BackgroundTask.wrap(() -> generation.gallery().search(new GalleryQuery("", GalleryItem.Kind.IMAGE, null, null,
                        null, null, 50)))
                .onSuccess(items -> {
                    if (items.isEmpty()) {
                        ctx.dialogs().showInfo(Text.get("studio.gen.startFromGallery"),
                                Text.get("studio.gen.galleryEmpty"));
                        return;
                    }
                    ChoiceDialog<GalleryChoice> dialog = new ChoiceDialog<>(new GalleryChoice(items.get(0)),
                            items.stream().map(GalleryChoice::new).toList());
                    dialog.setTitle(Text.get("studio.gen.startFromGallery"));
                    dialog.setHeaderText(Text.get("studio.gen.pickStart"));
                    dialog.showAndWait().ifPresent(choice -> {
                        try {
                            model.startImageProperty().set(Files.readAllBytes(choice.item().file()));
                            model.startImageNameProperty().set(choice.toString());
                        } catch (IOException e) {
                            ctx.dialogs().showError(Text.get("studio.gen.startFromGallery"), e);
                        }
                    });
                })
                .onFailure(e -> ctx.dialogs().showError(Text.get("studio.gen.startFromGallery"), e))
                .executeWith(ctx.tasks());
    }

    private static Spinner<Integer> intSpinner(int min, int max, int step, int value) {
        Spinner<Integer> s = new Spinner<>(min, max, value, step);
        s.setEditable(true);
        s.setPrefWidth(84);
        // Never narrower than its value: squeezed by the form's grid, "512" showed as "5".
        s.setMinWidth(Region.USE_PREF_SIZE);
        live(s);
        return s;
    }

    /** Takes what is typed as the value at once (a spinner otherwise commits only on Enter). */
    private static <T> void live(Spinner<T> s) {
        s.getEditor().textProperty().addListener((obs, old, text) -> {
            try {
                T value = s.getValueFactory().getConverter().fromString(text.strip());
                if (value != null) {
                    s.getValueFactory().setValue(value);
                }
            } catch (RuntimeException e) {
                // Not a number yet (the user is still typing): keep the last value.
            }
        });
    }

    /** A gallery item as the chooser lists it. */
    private record GalleryChoice(GalleryItem item) {
        @Override
        public String toString() {
            String p = item.prompt();
            return (p.length() > 60 ? p.substring(0, 60) + "…" : p) + " (" + item.jobId().substring(
                    Math.max(0, item.jobId().length() - 6)) + ")";
        }
    }
}
