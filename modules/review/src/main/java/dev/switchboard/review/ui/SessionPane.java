package dev.switchboard.review.ui;

import dev.switchboard.calltaking.model.CallLog;
import dev.switchboard.review.engine.SessionReport;
import dev.switchboard.review.model.Assessment;
import dev.switchboard.review.model.Grade;
import dev.switchboard.review.model.HistoryEntry;
import dev.switchboard.review.model.Note;
import dev.switchboard.review.model.RecordedSession;
import dev.switchboard.review.model.RecordingIntegrity;
import dev.switchboard.review.model.SessionRow;
import dev.switchboard.review.model.TimelineItem;
import dev.switchboard.uikit.StatusPill;
import java.io.File;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.IntSupplier;
import javafx.animation.AnimationTimer;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.collections.FXCollections;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;

/**
 * One opened session: playback controls over the waveform; transcript, timeline, map replay, scores and
 * emotion; the supervisor's notes, grade and sign-off. Everything follows the view model's position; a
 * click on a line, an item, a score or a note seeks there. Binds only; the rules are in the view model.
 */
final class SessionPane extends BorderPane {

    private static final PseudoClass CURRENT = PseudoClass.getPseudoClass("current");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    private final SessionViewModel model;
    private final ListView<CallLog.Utterance> transcript = new ListView<>();
    private final ListView<TimelineItem> timeline = new ListView<>();
    private final WaveformCanvas waveform;
    private final ReplayCanvas replay;
    private final AnimationTimer pump;

    SessionPane(SessionViewModel model) {
        this.model = model;
        RecordedSession s = model.session();
        getStyleClass().add("sb-review-session");
        waveform = new WaveformCanvas(model.waveformProperty().get(), model::seek);
        model.waveformProperty().addListener((obs, was, now) -> waveform.setWaveform(now));
        replay = new ReplayCanvas(model.data().replay());
        setTop(new VBox(6, header(s), controls(s), waveform));
        SplitPane centre = new SplitPane(transcriptPane(s), details(s), reviewPane());
        centre.setDividerPositions(0.38, 0.72);
        setCenter(centre);
        setPadding(new Insets(8));

        model.positionProperty().addListener((obs, old, now) -> redraw());
        model.notes().addListener((ListChangeListener<Note>) c -> redraw());
        model.unitsProperty().addListener((obs, old, now) -> replay.show(now, model.incidentsProperty().get()));
        model.currentUtteranceProperty().addListener((obs, old, now) -> follow(transcript, now.intValue()));
        model.currentTimelineItemProperty().addListener((obs, old, now) -> follow(timeline, now.intValue()));
        replay.show(model.unitsProperty().get(), model.incidentsProperty().get());
        pump = new AnimationTimer() {
            @Override
            public void handle(long now) {
                model.tick();
            }
        };
    }

    SessionViewModel model() {
        return model;
    }

    void activate() {
        pump.start();
    }

    void deactivate() {
        pump.stop();
        model.pause();
    }

    private void redraw() {
        waveform.show(model.positionProperty().get(), model.notes());
    }

    private static void follow(ListView<?> list, int index) {
        list.refresh();
        if (index >= 0) {
            list.scrollTo(Math.max(0, index - 2));
        }
    }

    private Region header(RecordedSession s) {
        SessionRow r = s.row();
        Label title = new Label(Text.get("review.session.heading", r.traineeName(), r.title(),
                WHEN.format(r.startedAt().atZone(ZoneId.systemDefault()))));
        title.getStyleClass().add("sb-page-title");
        StatusPill integrity = s.integrity().intact()
                ? new StatusPill(Text.get("review.integrity.ok", s.integrity().entriesChecked()), StatusPill.Status.OK)
                : new StatusPill(Text.get("review.integrity.broken", s.integrity().brokenSeq(),
                        s.integrity().problem()), StatusPill.Status.ERROR);
        integrity.setId("review-integrity");
        Label audio = new Label();
        audio.setId("review-audio-status");
        audio.getStyleClass().add("sb-warn");
        audio.textProperty().bind(model.audioStatusProperty());
        Button pdf = new Button(Text.get("review.export.pdf"));
        pdf.setId("review-export-pdf");
        pdf.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setInitialFileName(reportFileName(r));
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("PDF", "*.pdf"));
            File file = chooser.showSaveDialog(getScene().getWindow());
            if (file != null) {
                model.exportPdf(file.toPath());
            }
        });
        // The title may shorten; the integrity badge, the audio state and the export button never do.
        integrity.setMinWidth(Region.USE_PREF_SIZE);
        pdf.setMinWidth(Region.USE_PREF_SIZE);
        title.setMinWidth(120);
        title.setWrapText(true);
        title.setMinHeight(Region.USE_PREF_SIZE);
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox first = new HBox(10, title, grow, pdf);
        first.setAlignment(Pos.CENTER_LEFT);
        Label recording = new Label();
        recording.setId("review-recording-check");
        recording.textProperty().bind(Bindings.createStringBinding(() -> recordingText(
                model.recordingCheckProperty().get()), model.recordingCheckProperty()));
        model.recordingCheckProperty().addListener((o, was, now) -> {
            recording.getStyleClass().remove("sb-warn");
            if (now != null && !now.trustworthy()) {
                recording.getStyleClass().add("sb-warn");
            }
        });
        HBox second = new HBox(10, integrity, recording, audio);
        second.setAlignment(Pos.CENTER_LEFT);
        return new javafx.scene.layout.VBox(6, first, second);
    }

    private static String recordingText(RecordingIntegrity r) {
        if (r == null) {
            return "";
        }
        return switch (r.status()) {
            case VERIFIED -> Text.get("review.recording.verified");
            case MODIFIED -> Text.get("review.recording.modified", r.detail());
            case MISSING -> Text.get("review.recording.missing", r.detail());
            case NOT_SEALED -> Text.get("review.recording.notSealed");
            case NONE -> "";
        };
    }

    private Region controls(RecordedSession s) {
        Button play = new Button();
        play.setId("review-play");
        play.textProperty().bind(Bindings.when(model.playingProperty())
                .then(Text.get("review.pause")).otherwise(Text.get("review.play")));
        play.setOnAction(e -> model.togglePlay());
        Label position = new Label();
        position.setId("review-position");
        position.textProperty().bind(Bindings.createStringBinding(
                () -> SessionReport.clock(model.positionProperty().get()) + " / " + SessionReport.clock(s.durationMs()),
                model.positionProperty()));
        ComboBox<Double> speed = new ComboBox<>(FXCollections.observableArrayList(SessionViewModel.SPEEDS));
        speed.setId("review-speed");
        speed.setConverter(new StringConverter<>() {
            @Override
            public String toString(Double v) {
                return v == null ? "" : Text.get("review.speed.value", v);
            }

            @Override
            public Double fromString(String text) {
                return null;
            }
        });
        speed.setValue(1.0);
        speed.valueProperty().addListener((obs, old, now) -> {
            if (now != null) {
                model.setRate(now);
            }
        });
        HBox box = new HBox(10, play, position, new Label(Text.get("review.speed")), speed);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private Region transcriptPane(RecordedSession s) {
        transcript.setId("review-transcript");
        transcript.getItems().setAll(model.data().sync().utterances());
        transcript.setCellFactory(list -> clickable(u -> "[" + SessionReport.clock(u.startMs()) + "] "
                + speaker(u.speaker()) + ": " + u.text(), u -> model.seek(u.startMs()),
                model.currentUtteranceProperty()::get, transcript));
        transcript.setPlaceholder(new Label(Text.get("review.transcript.none")));
        VBox.setVgrow(transcript, Priority.ALWAYS);
        return new VBox(4, new Label(Text.get("review.transcript")), transcript);
    }

    private Region details(RecordedSession s) {
        timeline.setId("review-timeline");
        timeline.getItems().setAll(s.timeline());
        timeline.setCellFactory(list -> clickable(t -> "[" + SessionReport.clock(t.atMs()) + "] " + t.label(),
                t -> model.seek(t.atMs()), model.currentTimelineItemProperty()::get, timeline));

        ListView<CallLog.ScoreItem> scores = new ListView<>();
        scores.setId("review-scores");
        s.score().ifPresent(sc -> scores.getItems().setAll(sc.items()));
        scores.setPlaceholder(new Label(Text.get("review.scores.none")));
        scores.setCellFactory(list -> clickable(i -> Text.get("review.scores.item", i.label(), i.weight(),
                Math.round(i.earned() * 100), i.evidence() == null ? "" : i.evidence(),
                i.atMs() >= 0 ? SessionReport.clock(i.atMs()) : "-",
                Text.get(i.met() ? "review.scores.met" : "review.scores.missed")), i -> {
                    if (i.atMs() >= 0) {
                        model.seek(i.atMs());
                    }
                }, () -> -1, scores));
        Label total = new Label(s.score().map(sc -> Text.get("review.scores.total", Math.round(sc.total())))
                .orElse(""));
        VBox scoreBox = new VBox(4, total, scores);
        VBox.setVgrow(scores, Priority.ALWAYS);

        NumberAxis x = new NumberAxis();
        x.setLabel(Text.get("review.emotion.seconds"));
        NumberAxis y = new NumberAxis(0, 1, 0.25);
        LineChart<Number, Number> emotion = new LineChart<>(x, y);
        emotion.setId("review-emotion");
        emotion.setLegendVisible(false);
        emotion.setAnimated(false);
        emotion.setCreateSymbols(true);
        XYChart.Series<Number, Number> series = new XYChart.Series<>();
        for (CallLog.Emotion e : s.emotions()) {
            series.getData().add(new XYChart.Data<>(e.atMs() / 1000.0, e.value()));
        }
        emotion.getData().add(series);
        emotion.setPrefHeight(160);

        TabPane tabs = new TabPane(
                tab(Text.get("review.tab.timeline"), timeline),
                tab(Text.get("review.tab.map"), replay),
                tab(Text.get("review.tab.scores"), scoreBox),
                tab(Text.get("review.tab.emotion"), emotion));
        return tabs;
    }

    private Region reviewPane() {
        ListView<Note> notes = new ListView<>(model.notes());
        notes.setId("review-notes");
        notes.setPlaceholder(new Label(Text.get("review.notes.none")));
        notes.setCellFactory(list -> clickable(n -> "[" + SessionReport.clock(n.atMs()) + "] " + n.authorName() + ": "
                + n.text(), n -> model.seek(n.atMs()), () -> -1, notes));
        TextField noteText = new TextField();
        noteText.setId("review-note-text");
        noteText.setPromptText(Text.get("review.notes.prompt"));
        Button add = new Button();
        add.setId("review-note-add");
        add.textProperty().bind(Bindings.createStringBinding(
                () -> Text.get("review.notes.add", SessionReport.clock(model.positionProperty().get())),
                model.positionProperty()));
        add.setOnAction(e -> {
            if (!noteText.getText().isBlank()) {
                model.addNote(noteText.getText());
                noteText.clear();
            }
        });
        // Sign-off fixes the notes: none is added after it, as the sign-off dialog says.
        add.disableProperty().bind(model.canAssessProperty().not().or(model.signedOffProperty()));
        noteText.disableProperty().bind(model.canAssessProperty().not().or(model.signedOffProperty()));

        ComboBox<Grade> grade = new ComboBox<>(FXCollections.observableArrayList(Grade.values()));
        grade.setId("review-grade");
        grade.setConverter(new StringConverter<>() {
            @Override
            public String toString(Grade g) {
                return g == null ? Text.get("review.grade.none") : gradeText(g);
            }

            @Override
            public Grade fromString(String text) {
                return null;
            }
        });
        TextArea comment = new TextArea();
        comment.setId("review-comment");
        comment.setPromptText(Text.get("review.comment.prompt"));
        comment.setPrefRowCount(3);
        comment.setWrapText(true);
        Button save = new Button(Text.get("review.assess.save"));
        save.setId("review-assess-save");
        save.setOnAction(e -> model.assess(grade.getValue(), comment.getText()));
        Button signOff = new Button(Text.get("review.signOff"));
        signOff.setId("review-sign-off");
        signOff.setOnAction(e -> model.signOff());
        Label signed = new Label();
        signed.setId("review-signed");
        model.assessmentProperty().addListener((obs, old, a) -> showAssessment(a, grade, comment, signed, signOff));
        showAssessment(model.assessmentProperty().get(), grade, comment, signed, signOff);
        for (Control c : new Control[] {grade, comment, save}) {
            c.disableProperty().bind(model.canAssessProperty().not());
        }

        // The history is short and read whole: every change in full, one wrapped line each, in the scrolling column.
        VBox history = new VBox(4);
        history.setId("review-history");
        Runnable showHistory = () -> {
            history.getChildren().clear();
            if (model.history().isEmpty()) {
                Label none = new Label(Text.get("review.history.none"));
                none.getStyleClass().add("sb-muted");
                history.getChildren().add(none);
            }
            for (HistoryEntry h : model.history()) {
                Label line = new Label(Text.get("review.history.line",
                        WHEN.format(h.at().atZone(ZoneId.systemDefault())), h.byName(), change(h),
                        h.afterSignOff() ? Text.get("review.history.afterSignOff") : "").strip());
                line.setWrapText(true);
                line.setMinHeight(Region.USE_PREF_SIZE);
                line.getStyleClass().add("sb-history-line");
                history.getChildren().add(line);
            }
        };
        model.history().addListener((ListChangeListener<HistoryEntry>) c -> showHistory.run());
        showHistory.run();

        notes.setPrefHeight(170);
        Label fixed = new Label(Text.get("review.notes.fixed"));
        fixed.setId("review-notes-fixed");
        fixed.getStyleClass().add("sb-muted");
        fixed.setWrapText(true);
        fixed.setMinHeight(Region.USE_PREF_SIZE);
        fixed.visibleProperty().bind(model.signedOffProperty());
        fixed.managedProperty().bind(fixed.visibleProperty());
        add.setMinWidth(Region.USE_PREF_SIZE);
        signed.setWrapText(true);
        signed.setMinHeight(Region.USE_PREF_SIZE);
        VBox box = new VBox(6, new Label(Text.get("review.notes")), notes, new HBox(6, noteText, add), fixed,
                new Label(Text.get("review.assessment")), grade, comment, new HBox(6, save, signOff), signed,
                new Label(Text.get("review.history")), history);
        HBox.setHgrow(noteText, Priority.ALWAYS);
        box.setPadding(new Insets(0, 6, 0, 6));
        // Notes, grading and the whole history are reachable at any window height: the column scrolls.
        ScrollPane scroll = new ScrollPane(box);
        scroll.setId("review-side");
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add("sb-review-side");
        return scroll;
    }

    private void showAssessment(Assessment a, ComboBox<Grade> grade, TextArea comment, Label signed, Button signOff) {
        if (a == null) {
            return;
        }
        grade.setValue(a.grade());
        comment.setText(a.comment());
        signed.setText(a.signedOff() ? Text.get("review.signed", a.signedOffBy(),
                WHEN.format(a.signedOffAt().atZone(ZoneId.systemDefault()))) : Text.get("review.notSigned"));
        signOff.setDisable(a.signedOff() || !model.canAssessProperty().get());
    }

    /** One change of the history in words: "Grade: Needs practice → Competent", "Added the note at 1:00: …". */
    static String change(HistoryEntry h) {
        String field = h.field() == null ? "" : h.field();
        if (field.equals("grade")) {
            return Text.get("review.history.grade", grade(h.oldValue()), grade(h.newValue()));
        }
        if (field.equals("comment")) {
            return Text.get("review.history.comment", blank(h.oldValue()), blank(h.newValue()));
        }
        if (field.equals("status")) {
            return Text.get("review.history.status", status(h.oldValue()), status(h.newValue()));
        }
        if (field.startsWith("note:")) {
            if (h.oldValue() == null) {
                return Text.get("review.history.noteAdded", note(h.newValue()));
            }
            if (h.newValue() == null) {
                return Text.get("review.history.noteRemoved", note(h.oldValue()));
            }
            return Text.get("review.history.noteChanged", note(h.oldValue()), note(h.newValue()));
        }
        return field + ": " + blank(h.oldValue()) + " \u2192 " + blank(h.newValue());
    }

    private static String grade(String name) {
        if (name == null || name.isBlank()) {
            return Text.get("review.grade.none");
        }
        try {
            return gradeText(Grade.valueOf(name));
        } catch (IllegalArgumentException e) {
            return name;
        }
    }

    private static String status(String value) {
        if (value == null || value.isBlank()) {
            return "\u2014";
        }
        String v = value.replace('-', ' ');
        return Character.toUpperCase(v.charAt(0)) + v.substring(1);
    }

    /** A note's logged value ("60107 ms: text") as "1:00 text". */
    private static String note(String value) {
        if (value == null) {
            return "";
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^(\\d+) ms: (.*)$", java.util.regex.Pattern.DOTALL)
                .matcher(value);
        return m.matches() ? SessionReport.clock(Long.parseLong(m.group(1))) + " \u201c" + m.group(2) + "\u201d"
                : "\u201c" + value + "\u201d";
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? "\u2014" : "\u201c" + value + "\u201d";
    }

    /** The report's suggested file name from the trainee, the scenario and the date, never the session's id. */
    static String reportFileName(SessionRow r) {
        String when = DateTimeFormatter.ofPattern("yyyy-MM-dd-HHmm", Locale.ROOT)
                .format(r.startedAt().atZone(ZoneId.systemDefault()));
        String name = (r.traineeName() + " " + r.title()).toLowerCase(Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{N}]+", "-").replaceAll("(^-+|-+$)", "");
        if (name.length() > 60) {
            name = name.substring(0, 60).replaceAll("-+$", "");
        }
        return name + "-" + when + ".pdf";
    }

    static String gradeText(Grade g) {
        return switch (g) {
            case COMPETENT -> Text.get("review.grade.competent");
            case NEEDS_PRACTICE -> Text.get("review.grade.needsPractice");
            case NOT_YET_COMPETENT -> Text.get("review.grade.notYetCompetent");
        };
    }

    private static String speaker(String s) {
        return "caller".equals(s) ? Text.get("review.speaker.caller") : Text.get("review.speaker.trainee");
    }

    private static Tab tab(String title, Node content) {
        Tab t = new Tab(title, content);
        t.setClosable(false);
        return t;
    }

    /** A list cell showing {@code text}, marked current at {@code current()}, running {@code onClick}. */
    private static <T> ListCell<T> clickable(Function<T, String> text, Consumer<T> onClick,
                                             IntSupplier current, ListView<T> list) {
        ListCell<T> cell = new ListCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : text.apply(item));
                setWrapText(true);
                pseudoClassStateChanged(CURRENT, !empty && getIndex() == current.getAsInt());
            }
        };
        // The cell is as wide as the list (less its scroll bar) and as tall as its wrapped text: never cut short.
        cell.prefWidthProperty().bind(list.widthProperty().subtract(24));
        cell.setMaxWidth(Control.USE_PREF_SIZE);
        cell.setOnMouseClicked(e -> {
            if (!cell.isEmpty() && cell.getItem() != null) {
                onClick.accept(cell.getItem());
            }
        });
        return cell;
    }
}
