package dev.switchboard.calltaking.ui;

import dev.switchboard.calltaking.engine.session.CallClock;
import dev.switchboard.calltaking.engine.session.CallRecording;
import dev.switchboard.calltaking.engine.session.CallSession;
import dev.switchboard.core.id.SessionId;
import dev.switchboard.speech.AudioOutput;
import dev.switchboard.speech.Microphone;
import dev.switchboard.speech.Pcm;
import dev.switchboard.speech.Playback;
import dev.switchboard.speech.Recognizer;
import dev.switchboard.speech.RecognizerListener;
import dev.switchboard.speech.Speech;
import dev.switchboard.speech.TextToSpeech;
import dev.switchboard.speech.Transcription;
import dev.switchboard.speech.UtteranceListener;
import dev.switchboard.speech.VoiceLevel;
import dev.switchboard.speech.VoiceMeter;
import dev.switchboard.store.DataDir;
import dev.switchboard.store.Database;
import dev.switchboard.store.eventlog.EventLog;
import dev.switchboard.uikit.WorkspaceContext;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.util.StringConverter;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2OutlinedMZ;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audio side of the console: the caller's voice played sentence by sentence (stopped when the trainee cuts
 * in), the trainee's microphone in push-to-talk or voice-activity mode through the recogniser, partial results
 * shown live, the level and pitch meter, and the call's stereo recording. Without a speech engine, a sound card
 * or a microphone the console still works by keyboard and says why voice is off.
 */
public final class CallVoice implements AutoCloseable {

    /** How the trainee talks to the caller. */
    public enum InputMode {
        TYPING, PUSH_TO_TALK, VOICE_ACTIVITY
    }

    private static final Logger LOG = LoggerFactory.getLogger(CallVoice.class);

    private final Speech speech;
    private final DataDir dataDir;
    /** The store's database, looked up when a call starts (it decides where the recording goes). */
    private final Supplier<Database> database;
    private final CallConsoleViewModel model;
    private final ObjectProperty<InputMode> mode = new SimpleObjectProperty<>(InputMode.TYPING);
    private final StringProperty status = new SimpleStringProperty("");
    /** Why the last voice mode could not start, shown until the trainee chooses a mode again; null when none. */
    private String failure;
    private boolean toldSilentVoice;
    private final ProgressBar level = new ProgressBar(0);
    private final Label pitch = new Label("");
    private final Deque<Pcm> queue = new ArrayDeque<>();
    private final Object playLock = new Object();
    private Thread player;
    private Playback playing;
    private AudioOutput output;
    private Microphone microphone;
    private volatile CallSession session;
    private volatile CallClock clock;
    private VoiceMeter meter;
    private Recognizer recognizer;
    private long utteranceStartMs;
    private boolean paused;

    private CallVoice(Speech speech, DataDir dataDir, Supplier<Database> database, CallConsoleViewModel model) {
        this.speech = speech;
        this.dataDir = dataDir;
        this.database = database;
        this.model = model;
        mode.addListener((obs, old, now) -> switchMode(now));
        status.set(speech == null ? Text.get("call.voice.noEngine") : speech.status());
    }

    static CallVoice from(WorkspaceContext ctx, DataDir dataDir, CallConsoleViewModel model) {
        Speech speech = null;
        try {
            speech = ctx.service(Speech.class);
        } catch (RuntimeException e) {
            LOG.info("No speech engine for the call console ({}); keyboard only", e.getMessage());
        }
        return new CallVoice(speech, dataDir, () -> ctx.service(EventLog.class).database(), model);
    }

    /** The caller's voice, or null when there is no speech engine. */
    TextToSpeech tts() {
        return speech == null ? null : speech.tts();
    }

    /** Opens each call's stereo recording: in the server's database on a server, else under the recordings folder. */
    Function<SessionId, CallRecording> recordingFactory() {
        return CallRecording.opener(database.get(), dataDir.recordings(), CallSession.SAMPLE_RATE);
    }

    /** Whether the trainee speaks (rather than types) on the next call. */
    boolean listening() {
        return mode.get() != InputMode.TYPING;
    }

    public ObjectProperty<InputMode> modeProperty() {
        return mode;
    }

    public StringProperty statusProperty() {
        return status;
    }

    /** The call the microphone and the caller's voice belong to from now on. */
    void attach(CallSession newSession, CallClock newClock) {
        stopCaller();
        this.session = newSession;
        this.clock = newClock;
    }

    // ---- the caller's voice

    /** Queues one sentence of the caller's line; sentences play one after another. */
    void playCaller(Pcm audio) {
        if (audio == null || audio.samples().length == 0) {
            return;
        }
        if (!output().audible() && !toldSilentVoice) {
            // Said once per console: the caller's lines are still in the transcript and the recording.
            toldSilentVoice = true;
            model.say(Text.get("call.voice.callerSilent"));
        }
        synchronized (playLock) {
            queue.add(audio);
            if (player == null || !player.isAlive()) {
                player = Thread.ofVirtual().name("caller-voice").start(this::drain);
            }
        }
    }

    /** Barge-in, hold or hang-up: the caller stops talking now. */
    void stopCaller() {
        synchronized (playLock) {
            queue.clear();
            if (playing != null) {
                playing.stop();
            }
        }
    }

    private void drain() {
        while (true) {
            Pcm next;
            Playback now;
            synchronized (playLock) {
                next = queue.poll();
                if (next == null) {
                    playing = null;
                    return;
                }
                now = output().play(next);
                playing = now;
            }
            try {
                now.await();
            } catch (InterruptedException e) {
                now.stop();
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private AudioOutput output() {
        if (output == null) {
            output = speech == null ? AudioOutput.discard() : speech.output();
        }
        return output;
    }

    boolean callerSpeaking() {
        synchronized (playLock) {
            return playing != null && playing.playing() || !queue.isEmpty();
        }
    }

    // ---- the trainee's microphone

    /** The microphone controls beside the typing field. */
    Node controls(BooleanBinding connected) {
        ComboBox<InputMode> choice = new ComboBox<>();
        choice.getItems().setAll(InputMode.values());
        choice.setId("call-input-mode");
        choice.valueProperty().bindBidirectional(mode);
        choice.setConverter(new StringConverter<>() {
            @Override
            public String toString(InputMode m) {
                return m == null ? "" : Labels.inputMode(m);
            }

            @Override
            public InputMode fromString(String s) {
                return null;
            }
        });
        Button talk = new Button(Text.get("call.voice.talk"), new FontIcon(Material2OutlinedMZ.MIC));
        talk.setId("call-talk");
        talk.setTooltip(new Tooltip(Text.get("call.voice.talkTip")));
        talk.setOnMousePressed(e -> talk(true));
        talk.setOnMouseReleased(e -> talk(false));
        talk.visibleProperty().bind(mode.isEqualTo(InputMode.PUSH_TO_TALK));
        talk.managedProperty().bind(talk.visibleProperty());
        talk.disableProperty().bind(connected.not());
        level.setPrefWidth(80);
        level.getStyleClass().add("sb-level");
        level.setTooltip(new Tooltip(Text.get("call.voice.levelTip")));
        pitch.getStyleClass().add("sb-muted");
        pitch.setMinWidth(56);
        Label state = new Label();
        state.setId("call-voice-status");
        state.setWrapText(true);
        state.setMinHeight(Region.USE_PREF_SIZE);
        state.getStyleClass().add("sb-muted");
        state.textProperty().bind(status);
        state.setTooltip(new Tooltip());
        state.getTooltip().textProperty().bind(status);
        HBox meter = new HBox(6, level, pitch);
        meter.setAlignment(Pos.CENTER_LEFT);
        HBox box = new HBox(10, choice, talk, meter, state);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    /** Push-to-talk pressed or released. */
    void talk(boolean pressed) {
        if (microphone != null) {
            microphone.talk(pressed);
        }
    }

    /** The console became visible again. */
    void resume() {
        paused = false;
        if (speech != null) {
            speech.warmUpInBackground();
        }
        switchMode(mode.get());
    }

    /** The console was hidden: the microphone stops (the caller's line still plays out). */
    void pause() {
        paused = true;
        closeMicrophone();
    }

    private void switchMode(InputMode now) {
        closeMicrophone();
        if (now == null || now == InputMode.TYPING || paused) {
            // After a voice mode failed, its reason stays on screen until the trainee chooses again.
            String reason = failure;
            failure = null;
            status.set(reason != null ? reason
                    : speech == null ? Text.get("call.voice.noEngine") : Text.get("call.voice.typing"));
            return;
        }
        if (speech == null) {
            refuse(Text.get("call.voice.noEngine"));
            return;
        }
        if (!speech.microphoneAvailable()) {
            refuse(Text.get("call.voice.noMicrophone"));
            return;
        }
        try {
            microphone = speech.microphone();
            microphone.start(now == InputMode.PUSH_TO_TALK ? Microphone.Mode.PUSH_TO_TALK
                    : Microphone.Mode.VOICE_ACTIVITY, new Ears());
            status.set(Text.get(now == InputMode.PUSH_TO_TALK ? "call.voice.ptt" : "call.voice.vad"));
        } catch (RuntimeException e) {
            LOG.warn("Microphone could not start", e);
            closeMicrophone();
            refuse(Text.get("call.voice.failed", e.getMessage()));
        }
    }

    /** A voice mode cannot start: the console says why, in its status and its message line, and takes typing. */
    private void refuse(String reason) {
        failure = reason;
        status.set(reason);
        model.say(reason);
        Platform.runLater(() -> mode.set(InputMode.TYPING));
    }

    private void closeMicrophone() {
        if (microphone != null) {
            try {
                microphone.close();
            } catch (RuntimeException e) {
                LOG.debug("Closing the microphone", e);
            }
            microphone = null;
        }
    }

    @Override
    public void close() {
        closeMicrophone();
        stopCaller();
    }

    /** Receives the microphone's utterances: barge-in, recognition, recording and the meter. */
    private final class Ears implements UtteranceListener {

        @Override
        public void speechStarted() {
            CallSession s = session;
            CallClock c = clock;
            if (s == null || c == null) {
                return;
            }
            utteranceStartMs = c.nowMs();
            if (callerSpeaking()) {
                stopCaller();
                try {
                    s.bargeIn(utteranceStartMs);
                } catch (RuntimeException e) {
                    LOG.debug("Barge-in refused: {}", e.getMessage());
                }
            }
            if (meter == null) {
                meter = VoiceMeter.create(Pcm.SPEECH_RATE);
            }
            recognizer = speech.stt().open(Pcm.SPEECH_RATE, new RecognizerListener() {
                @Override
                public void partial(String text) {
                    model.heard(text, Optional.empty());
                }

                @Override
                public void result(Transcription t) {
                    // The final result is taken in speechEnded.
                }
            });
        }

        @Override
        public void audio(short[] buf, int len) {
            CallSession s = session;
            CallClock c = clock;
            Recognizer r = recognizer;
            if (s == null || c == null || r == null) {
                return;
            }
            r.accept(buf, len);
            Pcm chunk = new Pcm(Arrays.copyOf(buf, len), Pcm.SPEECH_RATE);
            long at = c.nowMs() - chunk.durationMs();
            try {
                s.traineeAudio(Math.max(0, at), chunk);
            } catch (RuntimeException e) {
                LOG.debug("Trainee audio not recorded: {}", e.getMessage());
            }
            VoiceLevel v = meter.measure(buf, len);
            Platform.runLater(() -> {
                level.setProgress(Math.max(0, Math.min(1, (v.levelDb() + 60) / 60)));
                pitch.setText(v.pitchHz() > 0 ? Math.round(v.pitchHz()) + " Hz" : "");
            });
        }

        @Override
        public void speechEnded() {
            CallSession s = session;
            Recognizer r = recognizer;
            recognizer = null;
            if (s == null || r == null) {
                return;
            }
            Transcription t = r.finish();
            try {
                r.close();
            } catch (Exception e) {
                LOG.debug("Closing the recogniser", e);
            }
            Platform.runLater(() -> level.setProgress(0));
            if (t.text().isBlank()) {
                model.heard("", Optional.empty());
                return;
            }
            long start = utteranceStartMs;
            model.heard(t.text(), Optional.of(() -> {
                try {
                    s.traineeSpoke(t.text(), t.words(), start, null);
                } catch (RuntimeException e) {
                    LOG.info("Spoken line refused: {}", e.getMessage());
                }
            }));
        }
    }
}
