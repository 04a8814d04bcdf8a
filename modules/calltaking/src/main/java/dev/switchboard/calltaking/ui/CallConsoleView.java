package dev.switchboard.calltaking.ui;

import dev.switchboard.calltaking.engine.cad.CadField;
import dev.switchboard.calltaking.engine.cad.NatureCodes;
import dev.switchboard.calltaking.engine.scenario.Scenario;
import dev.switchboard.calltaking.engine.session.CallState;
import dev.switchboard.calltaking.model.CallLog;
import dev.switchboard.calltaking.model.CallTarget;
import dev.switchboard.uikit.Card;
import dev.switchboard.uikit.StatusPill;
import dev.switchboard.uikit.WorkspaceContext;
import dev.switchboard.uikit.WorkspaceView;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.collections.MapChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import javafx.util.StringConverter;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2OutlinedAL;
import org.kordamp.ikonli.material2.Material2OutlinedMZ;

/**
 * The call console: the queue and call controls across the top with the call timer, the time targets and the
 * caller's state; the transcript with entities highlighted and the trainee's input in the middle; the CAD form,
 * the responding units and, after the call, the score on the right.
 */
final class CallConsoleView implements WorkspaceView {

    /** CAD fields the form shows, in the order a call-taker fills them. */
    static final List<CadField> FORM_FIELDS = List.of(CadField.ADDRESS, CadField.WARD, CadField.CALLBACK,
            CadField.NATURE_CODE, CadField.PRIORITY, CadField.UNITS, CadField.PEOPLE, CadField.INJURIES,
            CadField.BREATHING, CadField.CONSCIOUS, CadField.WEAPONS, CadField.HAZARDS, CadField.SUSPECT,
            CadField.VEHICLES, CadField.NOTES);

    private final CallConsoleViewModel model;
    private final BorderPane page = new BorderPane();
    private final Timeline ticker;
    private final Map<CadField, TextField> fields = new EnumMap<>(CadField.class);
    private final Map<CadField, Label> sources = new EnumMap<>(CadField.class);
    private final TextField input = new TextField();
    private NaturePicker nature;

    CallConsoleView(CallConsoleViewModel model, WorkspaceContext ctx) {
        this.model = model;
        page.getStyleClass().add("sb-call-console");
        page.getStylesheets().add(CallConsoleView.class.getResource("call-console.css").toExternalForm());
        page.setTop(callBar());
        page.setCenter(conversation());
        page.setRight(sidePanel());
        page.setPadding(new Insets(12));
        // Typing anywhere in the console (the line, the CAD form) tells the caller the trainee is there.
        page.addEventFilter(javafx.scene.input.KeyEvent.KEY_TYPED, e -> model.traineeTyping());
        ticker = new Timeline(new KeyFrame(Duration.millis(250), e -> model.tick()));
        ticker.setCycleCount(Animation.INDEFINITE);
    }

    @Override
    public Node node() {
        return page;
    }

    @Override
    public void activate() {
        ticker.play();
        model.voice().resume();
    }

    @Override
    public void deactivate() {
        ticker.stop();
        model.voice().pause();
    }

    @Override
    public void dispose() {
        ticker.stop();
        model.close();
    }

    // ---- top: queue, controls, timers, caller state

    private Node callBar() {
        ComboBox<Scenario> scenario = new ComboBox<>(model.scenarios());
        scenario.setId("call-scenario");
        scenario.setPromptText(Text.get("call.scenario.any"));
        scenario.setPrefWidth(520);
        scenario.setConverter(new StringConverter<>() {
            @Override
            public String toString(Scenario s) {
                return s == null ? Text.get("call.scenario.any")
                        : s.title() + "  ·  " + s.category().toUpperCase(Locale.ROOT);
            }

            @Override
            public Scenario fromString(String string) {
                return null;
            }
        });
        scenario.valueProperty().bindBidirectional(model.chosenProperty());
        Button clear = new Button(null, new FontIcon(Material2OutlinedMZ.SHUFFLE));
        clear.setTooltip(new Tooltip(Text.get("call.scenario.anyTip")));
        clear.setOnAction(e -> scenario.setValue(null));
        CheckBox llm = new CheckBox(Text.get("call.llm"));
        llm.setTooltip(new Tooltip(Text.get("call.llmTip")));
        llm.setId("call-llm");
        llm.selectedProperty().bindBidirectional(model.llmCallerProperty());
        CheckBox speak = new CheckBox(Text.get("call.callerVoice"));
        speak.setId("call-caller-voice");
        speak.selectedProperty().bindBidirectional(model.callerVoiceProperty());
        Button next = new Button(Text.get("call.next"), new FontIcon(Material2OutlinedAL.ADD_IC_CALL));
        next.setId("call-next");
        next.getStyleClass().add("accent");
        next.setOnAction(e -> model.newCall());
        next.setTooltip(new Tooltip(Text.get("call.nextTip")));
        next.disableProperty().bind(Bindings.size(model.ringing()).greaterThanOrEqualTo(
                CallConsoleViewModel.MAX_RINGING));

        Button answer = new Button(Text.get("call.answer"), new FontIcon(Material2OutlinedAL.CALL));
        answer.setId("call-answer");
        answer.getStyleClass().addAll("success", "sb-ringing");
        answer.visibleProperty().bind(Bindings.createBooleanBinding(() -> !model.ringing().isEmpty()
                        && (model.stateProperty().get() == null || model.stateProperty().get() == CallState.ENDED),
                model.ringing(), model.stateProperty()));
        answer.managedProperty().bind(answer.visibleProperty());
        answer.setOnAction(e -> model.answer());

        ToggleButton hold = new ToggleButton(Text.get("call.hold"), new FontIcon(Material2OutlinedMZ.PAUSE));
        hold.setId("call-hold");
        hold.setOnAction(e -> model.toggleHold());
        model.stateProperty().addListener((obs, old, now) -> hold.setSelected(now == CallState.ON_HOLD));
        ToggleButton mute = new ToggleButton(Text.get("call.mute"), new FontIcon(Material2OutlinedMZ.MIC_OFF));
        mute.setOnAction(e -> model.mute(mute.isSelected()));
        MenuButton transfer = new MenuButton(Text.get("call.transfer"),
                new FontIcon(Material2OutlinedMZ.PHONE_FORWARDED));
        for (String target : List.of("fire", "ems", "police")) {
            MenuItem item = new MenuItem(Labels.transfer(target));
            item.setOnAction(e -> model.transfer(target));
            transfer.getItems().add(item);
        }
        Button end = new Button(Text.get("call.end"), new FontIcon(Material2OutlinedAL.CALL_END));
        end.setId("call-end");
        end.getStyleClass().add("danger");
        end.setOnAction(e -> model.end());
        var live = Bindings.createBooleanBinding(() -> model.stateProperty().get() == CallState.CONNECTED
                || model.stateProperty().get() == CallState.ON_HOLD, model.stateProperty());
        for (Node n : List.of(hold, mute, transfer, end)) {
            n.disableProperty().bind(live.not());
        }

        Label timer = new Label();
        timer.setId("call-timer");
        timer.getStyleClass().add("sb-call-timer");
        timer.textProperty().bind(Bindings.createStringBinding(() -> model.stateProperty().get() == null ? "--:--"
                : clock(model.callMsProperty().get()), model.callMsProperty(), model.stateProperty()));
        StatusPill state = new StatusPill(Text.get("call.state.idle"), StatusPill.Status.NEUTRAL);
        state.setId("call-state");
        Runnable pill = () -> {
            CallState now = model.stateProperty().get();
            boolean idle = now == null || now == CallState.ENDED;
            if (idle && !model.ringing().isEmpty()) {
                state.show(Labels.state(CallState.RINGING), StatusPill.Status.WARN);
                return;
            }
            state.show(Labels.state(now), switch (idle ? CallState.ENDED : now) {
                case RINGING, ON_HOLD, TRANSFERRED -> StatusPill.Status.WARN;
                case CONNECTED -> StatusPill.Status.OK;
                case ENDED -> StatusPill.Status.NEUTRAL;
            });
        };
        model.stateProperty().addListener((obs, old, now) -> pill.run());
        model.ringing().addListener((javafx.collections.ListChangeListener<CallConsoleViewModel.Ringing>) c ->
                pill.run());

        HBox targets = new HBox(8,
                target(CallTarget.ANSWER, model.answeredMsProperty()),
                target(CallTarget.LOCATION, model.locationMsProperty()),
                target(CallTarget.DISPATCH, model.dispatchedMsProperty()));
        targets.setId("call-targets");
        targets.setAlignment(Pos.CENTER_LEFT);

        VBox mood = emotionMeter();

        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox queue = new HBox(6);
        queue.setId("call-queue");
        queue.setAlignment(Pos.CENTER_RIGHT);
        Runnable showQueue = () -> {
            queue.getChildren().clear();
            for (CallConsoleViewModel.Ringing r : model.ringing()) {
                Label chip = new Label(Text.get("call.queue.ringing", r.number(), clock(r.clock().nowMs())),
                        new FontIcon(Material2OutlinedMZ.RING_VOLUME));
                chip.getStyleClass().add("sb-queue-chip");
                chip.setMinWidth(Region.USE_PREF_SIZE);
                queue.getChildren().add(chip);
            }
        };
        model.ringing().addListener((javafx.collections.ListChangeListener<CallConsoleViewModel.Ringing>) c ->
                showQueue.run());
        model.queueTickProperty().addListener((obs, o, n) -> {
            if (!model.ringing().isEmpty()) {
                showQueue.run();
            }
        });
        // Three rows of fixed content, so nothing moves sideways as the call changes state: what the next call is,
        // the call's controls and the caller's state, then the time targets and the calls waiting.
        scenario.setMinWidth(Region.USE_PREF_SIZE);
        HBox setup = new HBox(8, scenario, clear, llm, speak, next);
        setup.setAlignment(Pos.CENTER_LEFT);
        for (javafx.scene.control.Control c : List.of(state, timer, answer, hold, mute, transfer, end, clear, llm,
                speak, next)) {
            c.setMinWidth(Region.USE_PREF_SIZE);
        }
        HBox controls = new HBox(8, state, timer, answer, hold, mute, transfer, end, grow, mood);
        controls.setAlignment(Pos.CENTER_LEFT);
        controls.getStyleClass().add("sb-call-controls");
        Region growQueue = new Region();
        HBox.setHgrow(growQueue, Priority.ALWAYS);
        HBox timing = new HBox(8, targets, growQueue, queue);
        timing.setAlignment(Pos.CENTER_LEFT);
        Label message = new Label();
        message.setId("call-message");
        message.getStyleClass().add("sb-call-message");
        message.textProperty().bind(model.messageProperty());
        message.setWrapText(true);
        message.setMinHeight(Region.USE_PREF_SIZE);
        message.managedProperty().bind(message.textProperty().isNotEmpty());
        Label server = new Label();
        server.setId("call-server-status");
        server.getStyleClass().add("sb-call-server-status");
        server.textProperty().bind(model.serverStatusProperty());
        server.setWrapText(true);
        server.setMinHeight(Region.USE_PREF_SIZE);
        server.managedProperty().bind(server.textProperty().isNotEmpty());
        server.visibleProperty().bind(server.textProperty().isNotEmpty());
        VBox top = new VBox(8, setup, controls, timing, message, server);
        top.setPadding(new Insets(0, 0, 10, 0));
        return top;
    }

    /**
     * A timer chip: the time to the target on its own clock ({@link CallTarget}) against the target, green when met,
     * red once missed, and the clock it counts from on its second line.
     */
    private Node target(CallTarget target, javafx.beans.property.LongProperty reachedAt) {
        Label label = new Label();
        label.setId("call-target-" + target.name().toLowerCase(Locale.ROOT));
        label.getStyleClass().add("sb-target");
        label.setMinWidth(Region.USE_PREF_SIZE);
        label.setMinHeight(Region.USE_PREF_SIZE);
        String key = switch (target) {
            case ANSWER -> "call.target.answer";
            case LOCATION -> "call.target.location";
            case DISPATCH -> "call.target.dispatch";
        };
        Runnable update = () -> {
            label.getStyleClass().removeAll("met", "missed", "pending");
            CallState st = model.stateProperty().get();
            boolean between = st == null || st == CallState.ENDED;
            Scenario s = model.current();
            long now = model.callMsProperty().get();
            long answered = model.answeredMsProperty().get();
            long reached = reachedAt.get();
            if (target == CallTarget.ANSWER && between && !model.ringing().isEmpty()) {
                // Between calls the answer target follows the call that has rung longest.
                CallConsoleViewModel.Ringing oldest = model.ringing().get(0);
                s = oldest.scenario();
                now = oldest.clock().nowMs();
                answered = -1;
                reached = -1;
                st = CallState.RINGING;
            }
            if (s == null || st == null) {
                label.setText(Text.get(key, "–", "–"));
                label.getStyleClass().add("pending");
                return;
            }
            int seconds = target.seconds(s.targets().logged());
            String limit = clock(seconds * 1000L);
            long elapsed = target.elapsedMs(reached, answered);
            if (elapsed >= 0) {
                label.setText(Text.get(key, clock(elapsed), limit));
                label.getStyleClass().add(CallTarget.met(elapsed, seconds) ? "met" : "missed");
                return;
            }
            long running = target.fromAnswer() ? (answered < 0 ? -1 : now - answered) : now;
            label.setText(Text.get(key, running < 0 ? "–" : clock(running), limit));
            boolean late = running > seconds * 1000L || st == CallState.ENDED && running >= 0;
            label.getStyleClass().add(late ? "missed" : "pending");
        };
        model.callMsProperty().addListener((obs, o, n) -> update.run());
        model.queueTickProperty().addListener((obs, o, n) -> update.run());
        reachedAt.addListener((obs, o, n) -> update.run());
        model.stateProperty().addListener((obs, o, n) -> update.run());
        update.run();
        return label;
    }

    private VBox emotionMeter() {
        ProgressBar bar = new ProgressBar(0);
        bar.setId("call-emotion");
        bar.setPrefWidth(110);
        bar.getStyleClass().add("sb-emotion");
        Label label = new Label(Text.get("call.caller.unknown"));
        label.getStyleClass().add("sb-muted");
        label.setMinWidth(Region.USE_PREF_SIZE);
        model.emotionProperty().addListener((obs, old, now) -> {
            double v = now.doubleValue();
            bar.setProgress(Math.max(0, v));
            bar.getStyleClass().removeAll("calm", "tense", "panic");
            if (v < 0) {
                label.setText(Text.get("call.caller.unknown"));
                return;
            }
            bar.getStyleClass().add(v < 0.4 ? "calm" : v < 0.7 ? "tense" : "panic");
            label.setText(Labels.caller(v));
        });
        VBox box = new VBox(2, label, bar);
        box.setMinWidth(120);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    // ---- middle: transcript and input

    private Node conversation() {
        ListView<CallConsoleViewModel.Line> lines = new ListView<>(model.transcript());
        lines.setId("call-transcript");
        lines.getStyleClass().add("sb-transcript");
        lines.setCellFactory(list -> new TranscriptCell());
        Label empty = new Label();
        empty.setId("call-transcript-empty");
        // While it rings the empty transcript says to answer, not to press Next call again.
        empty.textProperty().bind(Bindings.createStringBinding(() -> Text.get(!model.ringing().isEmpty()
                        && (model.stateProperty().get() == null || model.stateProperty().get() == CallState.ENDED)
                        ? "call.transcript.ringing" : "call.transcript.empty"),
                model.ringing(), model.stateProperty()));
        lines.setPlaceholder(empty);
        model.transcript().addListener((javafx.collections.ListChangeListener<CallConsoleViewModel.Line>) c ->
                lines.scrollTo(Math.max(0, model.transcript().size() - 1)));
        VBox.setVgrow(lines, Priority.ALWAYS);

        Label partial = new Label();
        partial.getStyleClass().add("sb-partial");
        partial.textProperty().bind(Bindings.createStringBinding(() -> model.partialProperty().get().isEmpty()
                ? "" : "… " + model.partialProperty().get(), model.partialProperty()));
        partial.visibleProperty().bind(model.partialProperty().isNotEmpty());
        partial.managedProperty().bind(partial.visibleProperty());

        input.setId("call-input");
        input.setPromptText(Text.get("call.input.prompt"));
        HBox.setHgrow(input, Priority.ALWAYS);
        Button send = new Button(Text.get("call.send"), new FontIcon(Material2OutlinedMZ.SEND));
        send.setId("call-send");
        send.setDefaultButton(true);
        Runnable submit = () -> {
            model.send(input.getText());
            input.clear();
        };
        send.setOnAction(e -> submit.run());
        input.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                submit.run();
                e.consume();
            }
        });
        var connected = Bindings.createBooleanBinding(() -> model.stateProperty().get() == CallState.CONNECTED
                || model.stateProperty().get() == CallState.ON_HOLD, model.stateProperty());
        input.disableProperty().bind(connected.not());
        send.disableProperty().bind(connected.not());

        HBox typing = new HBox(8, input, send);
        typing.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(8, lines, partial, typing, model.voice().controls(connected));
        box.setPadding(new Insets(0, 12, 0, 0));
        return box;
    }

    // ---- right: CAD, units, score

    private Node sidePanel() {
        VBox side = new VBox(12, cadCard(), unitsCard(), scoreCard());
        side.setPrefWidth(470);
        side.setMinWidth(420);
        ScrollPane scroll = new ScrollPane(side);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("sb-call-side");
        return scroll;
    }

    private Node cadCard() {
        GridPane grid = new GridPane();
        grid.setHgap(6);
        grid.setVgap(5);
        ColumnConstraints name = new ColumnConstraints();
        name.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints value = new ColumnConstraints();
        value.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().addAll(name, value, new ColumnConstraints(), new ColumnConstraints());
        int row = 0;
        for (CadField f : FORM_FIELDS) {
            Node input;
            TextField field;
            if (f == CadField.NATURE_CODE) {
                nature = new NaturePicker(NatureCodes.standard().all(), code -> model.edit(f, code));
                nature.setId("cad-nature_code");
                nature.setPromptText(Labels.cadPrompt(f));
                field = nature.getEditor();
                input = nature;
            } else {
                field = new TextField();
                field.setId("cad-" + f.name().toLowerCase(Locale.ROOT));
                field.setPromptText(Labels.cadPrompt(f));
                field.setOnAction(e -> model.edit(f, field.getText()));
                input = field;
            }
            if (f != CadField.NATURE_CODE) {
                field.focusedProperty().addListener((obs, was, now) -> {
                    CallConsoleViewModel.CadValue v = model.cad().get(f);
                    String shown = v == null ? "" : v.value();
                    if (!now && !field.getText().strip().equals(shown) && model.session() != null) {
                        model.edit(f, field.getText());
                    }
                });
            }
            Label source = new Label();
            source.getStyleClass().add("sb-cad-source");
            source.setMinWidth(Region.USE_PREF_SIZE);
            Button ok = new Button(null, new FontIcon(Material2OutlinedAL.CHECK));
            ok.getStyleClass().addAll("flat", "sb-cad-confirm");
            ok.setTooltip(new Tooltip(Text.get("call.cad.confirm")));
            ok.setOnAction(e -> model.confirm(f));
            ok.setId("cad-confirm-" + f.name().toLowerCase(Locale.ROOT));
            fields.put(f, field);
            sources.put(f, source);
            Label fieldName = new Label(Labels.cadLabel(f));
            fieldName.setMinWidth(Region.USE_PREF_SIZE);
            grid.addRow(row++, fieldName, input, source, ok);
        }
        model.cad().addListener((MapChangeListener<CadField, CallConsoleViewModel.CadValue>) c -> show(c.getKey()));

        Label location = new Label();
        location.setId("cad-location");
        location.setWrapText(true);
        location.textProperty().bind(Bindings.createStringBinding(() -> model.locationProperty().get().isEmpty()
                ? Text.get("call.cad.unverified") : model.locationProperty().get(), model.locationProperty()));
        location.getStyleClass().add("sb-cad-location");
        model.verifiedProperty().addListener((obs, o, n) -> {
            location.getStyleClass().remove("verified");
            if (n) {
                location.getStyleClass().add("verified");
            }
        });
        Label missing = new Label();
        missing.getStyleClass().add("sb-muted");
        missing.setWrapText(true);
        missing.textProperty().bind(model.missingProperty());
        Button dispatch = new Button(Text.get("call.dispatch"), new FontIcon(Material2OutlinedAL.LOCAL_SHIPPING));
        dispatch.setId("call-dispatch");
        dispatch.getStyleClass().add("accent");
        dispatch.setMaxWidth(Double.MAX_VALUE);
        dispatch.disableProperty().bind(model.readyProperty().not().or(model.busyProperty()));
        dispatch.setOnAction(e -> model.dispatch());
        LocationPreview preview = new LocationPreview();
        preview.setId("cad-map");
        model.cityCentreProperty().addListener((obs, o, c) -> {
            if (c != null) {
                preview.home(c.lat(), c.lon());
            }
        });
        model.verifiedPointProperty().addListener((obs, o, p) -> {
            if (p == null) {
                preview.clear();
            } else {
                preview.show(p.lat(), p.lon());
            }
        });
        VBox body = new VBox(8, location, preview, grid, missing, dispatch);
        return new Card(Text.get("call.cad.title"), body);
    }

    private void show(CadField f) {
        TextField field = fields.get(f);
        if (field == null) {
            return;
        }
        CallConsoleViewModel.CadValue v = model.cad().get(f);
        if (f == CadField.NATURE_CODE && nature != null) {
            if (!nature.isShowing() && !field.isFocused()) {
                nature.showCode(v == null ? null : v.value());
            }
        } else if (!field.isFocused()) {
            field.setText(v == null ? "" : v.value());
        }
        Label source = sources.get(f);
        source.getStyleClass().removeAll("auto", "trainee", "confirmed");
        if (v == null) {
            source.setText("");
        } else if (v.confirmed()) {
            source.setText(Text.get("call.cad.src.confirmed"));
            source.getStyleClass().add("confirmed");
        } else if ("trainee".equals(v.by())) {
            source.setText(Text.get("call.cad.src.trainee"));
            source.getStyleClass().add("trainee");
        } else {
            source.setText(Text.get("call.cad.src.auto"));
            source.getStyleClass().add("auto");
            source.setTooltip(new Tooltip(Text.get("call.cad.src.autoTip")));
        }
    }

    private Node unitsCard() {
        ListView<CallLog.UnitUpdate> list = new ListView<>(model.units());
        list.setId("call-units");
        list.setPrefHeight(130);
        list.setPlaceholder(new Label(Text.get("call.units.none")));
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(CallLog.UnitUpdate u, boolean empty) {
                super.updateItem(u, empty);
                if (empty || u == null) {
                    setText(null);
                    setGraphic(null);
                    return;
                }
                setText(null);
                Label id = new Label(Labels.unit(u.unitId()));
                id.getStyleClass().add("sb-unit-id");
                StatusPill state = new StatusPill(Labels.unitState(u.state()),
                        switch (u.state()) {
                            case "ON_SCENE" -> StatusPill.Status.OK;
                            case "EN_ROUTE", "DISPATCHED" -> StatusPill.Status.WARN;
                            default -> StatusPill.Status.NEUTRAL;
                        });
                Label eta = new Label(Labels.eta(u.state(), u.etaSeconds()));
                eta.getStyleClass().add("sb-muted");
                HBox row = new HBox(8, id, state, eta);
                row.setAlignment(Pos.CENTER_LEFT);
                setGraphic(row);
            }
        });
        Label waiting = new Label();
        waiting.setId("call-units-waiting");
        waiting.getStyleClass().add("sb-warn");
        waiting.setWrapText(true);
        waiting.setMinHeight(Region.USE_PREF_SIZE);
        waiting.textProperty().bind(model.waitingProperty());
        waiting.visibleProperty().bind(model.waitingProperty().isNotEmpty());
        waiting.managedProperty().bind(waiting.visibleProperty());
        Button map = new Button(Text.get("call.units.map"), new FontIcon(Material2OutlinedMZ.MAP));
        map.setId("call-show-map");
        map.setOnAction(e -> model.showMap());
        map.disableProperty().bind(model.dispatchedMsProperty().lessThan(0));
        VBox body = new VBox(6, waiting, list, map);
        return new Card(Text.get("call.units.title"), body);
    }

    private Node scoreCard() {
        VBox body = new VBox(6);
        body.setId("call-score");
        Label empty = new Label(Text.get("call.score.pending"));
        empty.getStyleClass().add("sb-muted");
        empty.setWrapText(true);
        body.getChildren().add(empty);
        model.scoreProperty().addListener((obs, old, score) -> {
            body.getChildren().clear();
            if (score == null) {
                body.getChildren().add(empty);
                return;
            }
            Label total = new Label(Text.get("call.score.total", Math.round(score.total())));
            total.setId("call-score-total");
            total.getStyleClass().add("sb-score-total");
            body.getChildren().add(total);
            for (CallLog.ScoreItem item : score.items()) {
                // Green only when met (full marks), as the timer chips: a late target is amber, not green.
                ProgressBar bar = new ProgressBar(item.earned());
                bar.setPrefWidth(70);
                bar.setMinWidth(Region.USE_PREF_SIZE);
                bar.getStyleClass().add(item.met() ? "good" : item.earned() > 0 ? "fair" : "poor");
                Label mark = new Label(Text.get(item.met() ? "call.score.met" : "call.score.missed",
                        Math.round(item.earned() * 100)));
                mark.getStyleClass().addAll("sb-score-mark", item.met() ? "met" : "missed");
                mark.setMinWidth(Region.USE_PREF_SIZE);
                Label label = new Label(item.label());
                label.getStyleClass().add("sb-score-label");
                label.setWrapText(true);
                label.setMinHeight(Region.USE_PREF_SIZE);
                Label evidence = new Label((item.atMs() >= 0 ? clock(item.atMs()) + "  " : "") + item.evidence());
                evidence.getStyleClass().add("sb-muted");
                evidence.setWrapText(true);
                evidence.setMinHeight(Region.USE_PREF_SIZE);
                HBox head = new HBox(8, bar, mark, label);
                head.setAlignment(Pos.CENTER_LEFT);
                body.getChildren().add(new VBox(2, head, evidence));
            }
        });
        return new Card(Text.get("call.score.title"), body);
    }

    static String clock(long ms) {
        long s = Math.max(0, ms) / 1000;
        return String.format(Locale.ROOT, "%02d:%02d", s / 60, s % 60);
    }
}
