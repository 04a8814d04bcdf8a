package dev.switchboard.surveillance.ui;

import dev.switchboard.surveillance.model.CameraEvent;
import dev.switchboard.surveillance.model.CityTime;
import dev.switchboard.surveillance.model.ConversationInfo;
import dev.switchboard.surveillance.model.Insight;
import dev.switchboard.surveillance.model.Memory;
import dev.switchboard.surveillance.model.SearchHit;
import dev.switchboard.uikit.WorkspaceView;
import java.util.Locale;
import javafx.collections.ListChangeListener;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputDialog;
import javafx.scene.image.ImageView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * The Surveillance workspace: the conversation on the left (questions, streamed answers with citations that open
 * their clips, follow-up suggestions), the results of the query in the middle (editable filters, thumbnails, a small
 * map, the clip player) and insights and memories on the right. The view only binds; the view model does the work.
 */
final class SurveillanceView implements WorkspaceView {

    private final SurveillanceViewModel model;
    private final BorderPane root = new BorderPane();
    private final ResultsMap map = new ResultsMap();
    private final ClipPane clip;
    private final TabPane lower = new TabPane();
    private final Tab clipTab;

    private final Runnable showControlRoom;
    /** Looks for new insights now and then, so the navigation badge counts them while the workspace is hidden. */
    private final javafx.animation.Timeline watch = new javafx.animation.Timeline(new javafx.animation.KeyFrame(
            javafx.util.Duration.minutes(2), e -> refreshIfReady()));

    SurveillanceView(SurveillanceViewModel model) {
        this(model, () -> { });
    }

    /** @param showControlRoom brings the control room to the front (after its map was given the results) */
    SurveillanceView(SurveillanceViewModel model, Runnable showControlRoom) {
        this.model = model;
        this.showControlRoom = showControlRoom;
        watch.setCycleCount(javafx.animation.Animation.INDEFINITE);
        root.setId("surveillance-root");
        root.getStyleClass().add("sb-surveillance");
        root.getStylesheets().add(SurveillanceView.class.getResource("surveillance-workspace.css").toExternalForm());
        clip = new ClipPane(model.incidents(), model::attach);
        model.incidents().addListener((ListChangeListener<Object>) c -> clip.setIncidents(model.incidents()));
        clipTab = new Tab(Text.get("surveillance.tab.clip"), clip);
        lower.getTabs().addAll(new Tab(Text.get("surveillance.tab.map"), map), clipTab);
        lower.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        root.setTop(header());
        SplitPane split = new SplitPane(chat(), results(), side());
        split.setDividerPositions(0.34, 0.76);
        root.setCenter(split);
        model.rows().addListener((ListChangeListener<SurveillanceViewModel.Row>) c -> map.setPins(model.rows().stream()
                .map(r -> r.hit().event().position()).toList()));
        model.readyProperty().addListener((obs, was, now) -> {
            if (now && model.surveillance() != null) {
                map.setWards(model.surveillance().places().wards());
            }
        });
    }

    private Node header() {
        Label status = new Label();
        status.setId("surveillance-status");
        status.textProperty().bind(model.statusProperty());
        status.getStyleClass().add("sb-muted");
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(18, 18);
        busy.visibleProperty().bind(model.busyProperty());
        ComboBox<ConversationInfo> earlier = new ComboBox<>(model.conversations());
        earlier.setId("surveillance-conversations");
        earlier.setPromptText(Text.get("surveillance.conversation.earlier"));
        earlier.setPrefWidth(280);
        earlier.setConverter(new StringConverter<>() {
            @Override
            public String toString(ConversationInfo c) {
                return c == null ? "" : CityTime.shortText(c.updatedAt()) + " · " + c.title();
            }

            @Override
            public ConversationInfo fromString(String s) {
                return null;
            }
        });
        earlier.setOnAction(e -> model.resume(earlier.getValue()));
        Button fresh = new Button(Text.get("surveillance.conversation.new"));
        fresh.setId("surveillance-new");
        fresh.setOnAction(e -> model.newConversation());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox bar = new HBox(10, busy, status, gap, earlier, fresh);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(8, 10, 8, 10));
        return bar;
    }

    private Node chat() {
        ListView<SurveillanceViewModel.Message> list = new ListView<>(model.messages());
        list.setId("surveillance-messages");
        list.setCellFactory(v -> new MessageCell());
        Label hint = new Label(Text.get("surveillance.chat.empty"));
        hint.setWrapText(true);
        hint.getStyleClass().add("sb-muted");
        hint.setPadding(new Insets(12));
        list.setPlaceholder(hint);
        model.messages().addListener((ListChangeListener<SurveillanceViewModel.Message>) c ->
                list.scrollTo(model.messages().size() - 1));
        Label streaming = new Label();
        streaming.setId("surveillance-streaming");
        streaming.setWrapText(true);
        streaming.textProperty().bind(model.streamingProperty());
        streaming.visibleProperty().bind(model.streamingProperty().isNotEmpty());
        streaming.managedProperty().bind(streaming.visibleProperty());
        FlowPane suggestions = new FlowPane(6, 6);
        suggestions.setId("surveillance-suggestions");
        model.followUps().addListener((ListChangeListener<String>) c -> {
            suggestions.getChildren().clear();
            for (String s : model.followUps()) {
                Button b = new Button(s);
                b.getStyleClass().addAll("small", "sb-suggestion");
                b.setOnAction(e -> model.ask(s));
                suggestions.getChildren().add(b);
            }
        });
        TextField input = new TextField();
        input.setId("surveillance-question");
        input.setPromptText(Text.get("surveillance.ask.prompt"));
        input.textProperty().bindBidirectional(model.questionProperty());
        input.setOnAction(e -> model.ask());
        Button ask = new Button(Text.get("surveillance.ask"));
        ask.setId("surveillance-ask");
        ask.getStyleClass().add("accent");
        ask.setDefaultButton(true);
        ask.disableProperty().bind(model.busyProperty().or(model.readyProperty().not()));
        ask.setOnAction(e -> model.ask());
        HBox.setHgrow(input, Priority.ALWAYS);
        HBox entry = new HBox(6, input, ask);
        VBox box = new VBox(6, list, streaming, suggestions, entry);
        VBox.setVgrow(list, Priority.ALWAYS);
        box.setPadding(new Insets(6));
        box.setMinWidth(300);
        return box;
    }

    private Node results() {
        Label query = new Label();
        query.setId("surveillance-query");
        query.setWrapText(true);
        query.textProperty().bind(model.queryTextProperty());
        TextField text = field(model.filterTextProperty(), "surveillance.filter.text", 170, "surveillance-filter-text");
        TextField ward = field(model.filterWardProperty(), "surveillance.filter.ward", 110, "surveillance-filter-ward");
        TextField type = field(model.filterTypeProperty(), "surveillance.filter.type", 100, "surveillance-filter-type");
        TextField behaviour = field(model.filterBehaviourProperty(), "surveillance.filter.behaviour", 120,
                "surveillance-filter-behaviour");
        TextField hours = field(model.filterHoursProperty(), "surveillance.filter.hours", 120,
                "surveillance-filter-hours");
        TextField camera = field(model.filterCameraProperty(), "surveillance.filter.camera", 90,
                "surveillance-filter-camera");
        Button run = new Button(Text.get("surveillance.filter.run"));
        run.setId("surveillance-filter-run");
        run.setOnAction(e -> model.runFilters());
        run.disableProperty().bind(model.busyProperty().or(model.readyProperty().not()));
        Button onMap = new Button(Text.get("surveillance.map.controlRoom"));
        onMap.setId("surveillance-on-control-room-map");
        onMap.disableProperty().bind(javafx.beans.binding.Bindings.isEmpty(model.rows()));
        onMap.setOnAction(e -> {
            if (model.showOnControlRoomMap()) {
                showControlRoom.run();
            }
        });
        FlowPane filters = new FlowPane(6, 6, text, ward, type, behaviour, hours, camera, run, onMap);
        ListView<SurveillanceViewModel.Row> list = new ListView<>(model.rows());
        list.setId("surveillance-results");
        Label noResults = new Label(Text.get("surveillance.results.none"));
        noResults.setWrapText(true);
        noResults.setPadding(new Insets(12));
        list.setPlaceholder(noResults);
        list.setCellFactory(v -> new RowCell());
        list.setOnMouseClicked(e -> {
            SurveillanceViewModel.Row r = list.getSelectionModel().getSelectedItem();
            if (r != null && e.getClickCount() == 2) {
                openClip(r.hit().event().id());
            }
        });
        SplitPane split = new SplitPane(list, lower);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.5);
        VBox box = new VBox(6, query, filters, split);
        VBox.setVgrow(split, Priority.ALWAYS);
        box.setPadding(new Insets(6));
        box.setMinWidth(380);
        return box;
    }

    private static TextField field(javafx.beans.property.StringProperty p, String promptKey, double width, String id) {
        TextField f = new TextField();
        f.setPromptText(Text.get(promptKey));
        f.setPrefWidth(width);
        f.setId(id);
        f.textProperty().bindBidirectional(p);
        return f;
    }

    private Node side() {
        Label insightsTitle = new Label();
        insightsTitle.setId("surveillance-insights-title");
        insightsTitle.getStyleClass().add("sb-section-title");
        insightsTitle.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> Text.get(
                "surveillance.insights", model.insights().size()), model.insights()));
        ListView<Insight> insights = new ListView<>(model.insights());
        insights.setId("surveillance-insights");
        insights.setCellFactory(v -> new InsightCell());
        insights.setOnMouseClicked(e -> {
            Insight i = insights.getSelectionModel().getSelectedItem();
            if (i != null && e.getClickCount() == 2 && !i.evidence().isEmpty()) {
                openClip(CameraEvent.parseRef(i.evidence().get(0)));
            }
        });
        Button refresh = new Button(Text.get("surveillance.insights.refresh"));
        refresh.setOnAction(e -> model.refreshSide());
        Label memoriesTitle = new Label(Text.get("surveillance.memories"));
        memoriesTitle.getStyleClass().add("sb-section-title");
        ListView<Memory> memories = new ListView<>(model.memories());
        memories.setId("surveillance-memories");
        Label noMemories = new Label(Text.get("surveillance.memories.none"));
        noMemories.setWrapText(true);
        noMemories.setPadding(new Insets(8));
        memories.setPlaceholder(noMemories);
        memories.setPrefHeight(140);
        memories.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(Memory m, boolean empty) {
                super.updateItem(m, empty);
                setText(empty || m == null ? null : m.text());
            }
        });
        Button edit = new Button(Text.get("surveillance.memories.edit"));
        edit.setOnAction(e -> {
            Memory m = memories.getSelectionModel().getSelectedItem();
            if (m != null) {
                TextInputDialog d = new TextInputDialog(m.text());
                d.setHeaderText(Text.get("surveillance.memories.editHeader"));
                d.showAndWait().ifPresent(t -> model.editMemory(m, t));
            }
        });
        Button delete = new Button(Text.get("surveillance.memories.delete"));
        delete.setOnAction(e -> {
            Memory m = memories.getSelectionModel().getSelectedItem();
            if (m != null) {
                model.deleteMemory(m);
            }
        });
        VBox box = new VBox(6, new HBox(6, insightsTitle, refresh), insights, memoriesTitle, memories,
                new HBox(6, edit, delete));
        VBox.setVgrow(insights, Priority.ALWAYS);
        box.setPadding(new Insets(6));
        box.setMinWidth(220);
        return box;
    }

    private void openClip(long eventId) {
        model.openClip(eventId, c -> {
            clip.show(c);
            lower.getSelectionModel().select(clipTab);
        });
    }

    /** A question or an answer with its citations as links to their clips. */
    private final class MessageCell extends ListCell<SurveillanceViewModel.Message> {
        {
            // Cells take the list's width, so long text wraps instead of widening the list.
            setPrefWidth(0);
        }

        @Override
        protected void updateItem(SurveillanceViewModel.Message m, boolean empty) {
            super.updateItem(m, empty);
            if (empty || m == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            Label text = new Label(m.text());
            text.setWrapText(true);
            text.setMinHeight(Region.USE_PREF_SIZE);
            text.maxWidthProperty().bind(getListView().widthProperty().subtract(40));
            text.getStyleClass().add(m.user() ? "sb-question" : "sb-answer");
            VBox box = new VBox(4, text);
            if (!m.citations().isEmpty()) {
                FlowPane links = new FlowPane(4, 4);
                for (String ref : m.citations()) {
                    Hyperlink link = new Hyperlink(ref);
                    link.getStyleClass().add("sb-citation");
                    link.setOnAction(e -> openClip(CameraEvent.parseRef(ref)));
                    links.getChildren().add(link);
                }
                box.getChildren().add(links);
            }
            if (!m.meta().isEmpty()) {
                Label meta = new Label(m.meta());
                meta.getStyleClass().add("sb-muted");
                box.getChildren().add(meta);
            }
            setGraphic(box);
            setText(null);
        }
    }

    /** A result: its still, time, camera and description. */
    private static final class RowCell extends ListCell<SurveillanceViewModel.Row> {
        {
            // Cells take the list's width, so long text wraps instead of widening the list.
            setPrefWidth(0);
        }

        @Override
        protected void updateItem(SurveillanceViewModel.Row r, boolean empty) {
            super.updateItem(r, empty);
            if (empty || r == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            ImageView thumb = new ImageView(SwingFXUtils.toFXImage(r.still(), null));
            thumb.setFitWidth(128);
            thumb.setPreserveRatio(true);
            SearchHit h = r.hit();
            CameraEvent e = h.event();
            Label head = new Label((getIndex() + 1) + ". " + e.ref() + " · " + CityTime.shortText(e.at()) + " · "
                    + e.cameraName());
            head.getStyleClass().add("sb-result-head");
            Label body = new Label(e.description() + (e.attributes().plate().isEmpty() ? ""
                    : " · " + e.attributes().plate()));
            body.setWrapText(true);
            body.setMinHeight(Region.USE_PREF_SIZE);
            // The search's own relevance score is left out: the list is in its order already, and "score 0.7000"
            // meant nothing to a user.
            Label meta = new Label(String.format(Locale.ROOT, "%s · %s · %s", e.type().label(),
                    e.behaviour().label(), Text.get("surveillance.result.confidence",
                            Math.round(e.confidence() * 100))));
            meta.getStyleClass().add("sb-muted");
            meta.setWrapText(true);
            meta.setMinHeight(Region.USE_PREF_SIZE);
            meta.maxWidthProperty().bind(getListView().widthProperty().subtract(190));
            VBox text = new VBox(2, head, body, meta);
            HBox.setHgrow(text, Priority.ALWAYS);
            text.setMaxWidth(Double.MAX_VALUE);
            body.maxWidthProperty().bind(getListView().widthProperty().subtract(190));
            setGraphic(new HBox(8, thumb, text));
            setText(null);
        }
    }

    /** An insight with its significance. */
    private static final class InsightCell extends ListCell<Insight> {
        {
            // Cells take the list's width, so long text wraps instead of widening the list.
            setPrefWidth(0);
        }

        @Override
        protected void updateItem(Insight i, boolean empty) {
            super.updateItem(i, empty);
            if (empty || i == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            Label title = new Label(i.title());
            title.setWrapText(true);
            title.setMinHeight(Region.USE_PREF_SIZE);
            title.getStyleClass().add("sb-result-head");
            title.maxWidthProperty().bind(getListView().widthProperty().subtract(30));
            // How much it stands out, in words: a bare "1.00" told the user nothing.
            Label detail = new Label(i.kind().label() + " · " + Text.get(i.significance() >= 0.9
                    ? "surveillance.insight.strong" : i.significance() >= 0.6 ? "surveillance.insight.clear"
                    : "surveillance.insight.mild"));
            detail.getStyleClass().add("sb-muted");
            detail.setWrapText(true);
            detail.setMinHeight(Region.USE_PREF_SIZE);
            detail.maxWidthProperty().bind(getListView().widthProperty().subtract(30));
            setGraphic(new VBox(2, title, detail));
            setText(null);
        }
    }

    @Override
    public Node node() {
        return root;
    }

    @Override
    public void activate() {
        model.setActive(true);
        model.open();
    }

    @Override
    public void deactivate() {
        model.setActive(false);
        clip.stop();
    }

    /**
     * Keeps looking for new insights every two minutes, for the badge before a first visit. The first look opens the
     * engine, two minutes after sign-in, so that sign-in itself (and the demo's own work) is not slowed by it.
     */
    void watch() {
        watch.play();
    }

    private void refreshIfReady() {
        if (model.readyProperty().get()) {
            model.refreshSide();
        } else {
            model.open();
        }
    }

    @Override
    public javafx.beans.property.ReadOnlyIntegerProperty badgeProperty() {
        return model.badgeProperty();
    }

    @Override
    public void dispose() {
        watch.stop();
        clip.stop();
    }
}
