package dev.switchboard.calltaking.engine.session;

import dev.switchboard.calltaking.engine.cad.CadField;
import dev.switchboard.calltaking.engine.cad.CadFiller;
import dev.switchboard.calltaking.engine.cad.CadForm;
import dev.switchboard.calltaking.engine.cad.CadProposal;
import dev.switchboard.calltaking.engine.cad.NatureCode;
import dev.switchboard.calltaking.engine.cad.NatureCodes;
import dev.switchboard.calltaking.engine.caller.CallerEngine;
import dev.switchboard.calltaking.engine.caller.CallerTurn;
import dev.switchboard.calltaking.engine.caller.Intent;
import dev.switchboard.calltaking.engine.caller.IntentClassifier;
import dev.switchboard.calltaking.engine.entities.EntityExtractor;
import dev.switchboard.calltaking.engine.entities.ExtractedEntity;
import dev.switchboard.calltaking.engine.entities.PlaceNames;
import dev.switchboard.places.Gazetteer;
import dev.switchboard.places.Place;
import dev.switchboard.calltaking.engine.scenario.Scenario;
import dev.switchboard.calltaking.engine.scenario.VoiceSettings;
import dev.switchboard.calltaking.engine.scoring.CadFields;
import dev.switchboard.calltaking.engine.scoring.CallHistory;
import dev.switchboard.calltaking.engine.scoring.Scorer;
import dev.switchboard.calltaking.model.CallLog;
import dev.switchboard.core.error.InputException;
import dev.switchboard.core.error.SwitchboardException;
import dev.switchboard.core.event.Delivery;
import dev.switchboard.core.event.EventBus;
import dev.switchboard.core.event.Subscription;
import dev.switchboard.core.id.SessionId;
import dev.switchboard.core.incident.DispatchAnswered;
import dev.switchboard.core.incident.IncidentCreated;
import dev.switchboard.core.incident.ResponderType;
import dev.switchboard.core.incident.ResponseUpdated;
import dev.switchboard.core.session.TrainingSessionChanged;
import dev.switchboard.core.io.DiskFull;
import dev.switchboard.speech.Pcm;
import dev.switchboard.speech.Prosody;
import dev.switchboard.speech.TextToSpeech;
import dev.switchboard.speech.VoiceLevel;
import dev.switchboard.speech.VoiceMeter;
import dev.switchboard.speech.WordTiming;
import dev.switchboard.store.eventlog.AppendRequest;
import dev.switchboard.store.eventlog.EventLog;
import dev.switchboard.store.eventlog.EventLogEntry;
import dev.switchboard.store.session.RecordingCatalog;
import dev.switchboard.store.session.RecordingSeals;
import dev.switchboard.store.session.SessionCatalog;
import dev.switchboard.store.session.SessionSummary;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One call from the first ring to its score. Every step is written to the event log as {@link CallLog} entries
 * with a synchronous append (a kill loses nothing already reported to the listener), the audio goes to a stereo
 * recording (caller left, trainee right), and at the end the call is scored and its session closed.
 *
 * <p>Time is the {@link CallClock}'s: ms since the call was offered, real in the console, virtual in the CLI.
 * Thread-safe: the console may drive it from a worker thread while the bus delivers unit updates. Caller speech
 * synthesis runs outside the lock, so the trainee can cut in ({@link #bargeIn}) while the caller's line is being
 * spoken.
 */
public final class CallSession {

    /** The pause between the end of the trainee's line and the caller's answer. */
    static final long RESPONSE_GAP_MS = 700;
    /** How long a word takes to say when there is no audio to measure: 150 words a minute. */
    static final long MS_PER_WORD = 400;
    /** The smallest change of the caller's emotion that is logged. */
    static final double EMOTION_STEP = 0.05;
    /** How often the caller engine is told about silence (and so how late a scripted event can fire). */
    static final long SILENCE_POLL_MS = 1_000;
    static final long VOICE_INTERVAL_MS = 1_000;
    /** The reason a call ends with when it reaches its maximum length. */
    public static final String TIME_LIMIT = "time-limit";
    /** The recording's sample rate when the session builds the WAV file itself. */
    public static final int SAMPLE_RATE = Pcm.SPEECH_RATE;

    private static final Logger LOG = LoggerFactory.getLogger(CallSession.class);
    private static final double VOICED_DB = -45;
    private static final Pattern SENTENCES = Pattern.compile("(?<=[.!?])\\s+");

    private final CallConfig config;
    private final Scenario scenario;
    private final SessionId session;
    private final Services services;
    private final Language language;
    private final CallerEngine caller;
    private final CallClock clock;
    private final TextToSpeech tts;
    private final Function<SessionId, CallRecording> recordingFactory;
    private final CallListener listener;
    private final CadForm form;
    private final StringBuilder transcript = new StringBuilder();
    private final List<ExtractedEntity> callEntities = new ArrayList<>();
    /** The last unanswered line of each speaker: a short answer ("no") is read with the other's question. */
    private final Map<String, String> lastLine = new HashMap<>();
    private final Scorer scorer = new Scorer();

    private final Object lock = new Object();
    private CallState state;
    private CallRecording recording;
    private int utteranceSeq;
    private long answerAtMs = -1;
    private long lineFreeAtMs;
    private long holdStartMs = -1;
    private boolean muted;
    private double loggedEmotion = -1;
    private String loggedLocation;
    private long lastSilenceAskMs = -SILENCE_POLL_MS;
    /** When the trainee last showed they are on the line without speaking (typing); the silence counts from then. */
    private long presentAtMs = -1;
    private long lastFlushMs;
    private long lastVoiceMs = -VOICE_INTERVAL_MS;
    private long cutOffAtMs = -1;
    private final List<Segment> pendingAudio = new ArrayList<>();
    private VoiceMeter meter;
    private int meterRate;
    private boolean transferred;
    private Subscription responses;
    private Subscription answers;
    private boolean helpArrivedTold;
    private String dispatchReference;
    private CallLog.Score score;
    /**
     * What this call logged, in order (seq numbered here), so that it can be scored while the server is away and
     * its newest entries wait on this seat.
     */
    private final List<EventLogEntry> written = new ArrayList<>();

    /**
     * Where a call is kept: the log, the session and recording tables, the recordings folder, the wall clock for
     * the tables' timestamps and the bus that carries the incident to the control room.
     */
    public record Services(EventLog log, SessionCatalog sessions, RecordingCatalog recordings, Path recordingsDir,
                           Clock wallClock, EventBus bus) {
        public Services {
            Objects.requireNonNull(log, "log");
            Objects.requireNonNull(sessions, "sessions");
            Objects.requireNonNull(recordings, "recordings");
            Objects.requireNonNull(recordingsDir, "recordingsDir");
            Objects.requireNonNull(wallClock, "wallClock");
            Objects.requireNonNull(bus, "bus");
        }
    }

    /** The language tools a call uses to understand both sides. */
    public record Language(IntentClassifier intents, EntityExtractor extractor, CadFiller filler,
                           NatureCodes natureCodes, PlaceNames names) {
        public Language {
            Objects.requireNonNull(intents, "intents");
            Objects.requireNonNull(extractor, "extractor");
            Objects.requireNonNull(filler, "filler");
            Objects.requireNonNull(natureCodes, "natureCodes");
            Objects.requireNonNull(names, "names");
        }

        /** The standard tools over the bundled Tokyo gazetteer. */
        public static Language standard() {
            return of(PlaceNames.tokyo());
        }

        /** The standard tools over a city pack's place names. */
        public static Language of(Gazetteer gazetteer) {
            return of(PlaceNames.of(gazetteer));
        }

        private static Language of(PlaceNames names) {
            NatureCodes codes = NatureCodes.standard();
            return new Language(new IntentClassifier(), new EntityExtractor(names), new CadFiller(names, codes), codes,
                    names);
        }
    }

    /**
     * @param tts              the caller's voice, or null for a silent caller (text only)
     * @param recordingFactory opens the call's recording for a session, or null to record nothing
     */
    public CallSession(CallConfig config, Services services, Language language, CallerEngine caller, CallClock clock,
                       TextToSpeech tts, Function<SessionId, CallRecording> recordingFactory, CallListener listener) {
        this.config = Objects.requireNonNull(config, "config");
        this.scenario = config.scenario();
        this.services = Objects.requireNonNull(services, "services");
        this.language = Objects.requireNonNull(language, "language");
        this.caller = Objects.requireNonNull(caller, "caller");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.tts = tts;
        this.recordingFactory = recordingFactory;
        this.listener = listener == null ? CallListener.NONE : listener;
        this.session = SessionId.random();
        this.form = new CadForm(clock::nowMs, language.natureCodes());
    }

    // ---- what the console reads

    public SessionId session() {
        return session;
    }

    public CallConfig config() {
        return config;
    }

    /** Null before {@link #ring()}. */
    public CallState state() {
        synchronized (lock) {
            return state;
        }
    }

    /** The CAD form; read it, but change it through {@link #cadEdit} and {@link #confirm}. */
    public CadForm form() {
        return form;
    }

    /** When the line is free again: the end of whoever spoke last. */
    public long lineFreeAtMs() {
        synchronized (lock) {
            return lineFreeAtMs;
        }
    }

    /** The score, once the call ended. */
    public Optional<CallLog.Score> score() {
        synchronized (lock) {
            return Optional.ofNullable(score);
        }
    }

    /** The incident reference after dispatch. */
    public Optional<String> dispatchReference() {
        synchronized (lock) {
            return Optional.ofNullable(dispatchReference);
        }
    }

    // ---- the call

    /**
     * The call starts ringing: the session row ({@code running}), {@code call.started} and {@code call.ringing},
     * and the recording starts.
     */
    public void ring() {
        synchronized (lock) {
            if (state != null) {
                throw new IllegalStateException("The call already rang");
            }
            long now = clock.nowMs();
            String audioFile = null;
            int rate = SAMPLE_RATE;
            if (recordingFactory != null) {
                recording = recordingFactory.apply(session);
                audioFile = recording.file();
                rate = recording.sampleRate();
            }
            services.sessions().insert(new SessionSummary(session, config.trainee(), config.traineeName(), "call",
                    scenario.title(), services.wallClock().instant(), null, "running", null));
            if (recording != null) {
                services.recordings().started(session, recording.file(), "call", recording.sampleRate(), 2,
                        services.wallClock().instant());
            }
            Batch batch = new Batch();
            batch.add(now, CallLog.STARTED, new CallLog.Started(session.value(), scenario.id(), scenario.title(),
                    config.seed(), config.trainee().value(), config.traineeName(), audioFile, rate,
                    config.llmCaller() ? "llm" : "offline", scenario.targets().logged()));
            batch.add(now, CallLog.RINGING, new CallLog.Ringing(now));
            batch.write();
            state = CallState.RINGING;
        }
        services.bus().publish(new TrainingSessionChanged(session));
        listener.stateChanged(CallState.RINGING);
    }

    /** The trainee answers: {@code call.answered} with the ring time, then the caller's opening words. */
    public Optional<CallLog.Utterance> answer() {
        CallerTurn opening;
        long now;
        synchronized (lock) {
            requireState(CallState.RINGING);
            now = clock.nowMs();
            answerAtMs = now;
            lineFreeAtMs = now;
            Batch batch = new Batch();
            batch.add(now, CallLog.ANSWERED, new CallLog.Answered(now, now));
            loggedEmotion = scenario.emotion().start();
            batch.add(now, CallLog.EMOTION, new CallLog.Emotion(now, loggedEmotion, "opening"));
            batch.write();
            state = CallState.CONNECTED;
            opening = caller.opening();
        }
        listener.stateChanged(CallState.CONNECTED);
        listener.emotion(loggedEmotion);
        return callerSays(opening, now + RESPONSE_GAP_MS / 2, "opening");
    }

    /** A typed line from the trainee. */
    public Optional<CallLog.Utterance> traineeTyped(String text) {
        return traineeSays(text, "typed", List.of(), clock.nowMs(), -1);
    }

    /**
     * A recognised line from the trainee.
     *
     * @param audioStartMs where the recognised audio starts on the call's clock (the words are timed from it)
     * @param audioOrNull  the line's audio to record, or null when it already went through {@link #traineeAudio}
     */
    public Optional<CallLog.Utterance> traineeSpoke(String text, List<WordTiming> words, long audioStartMs,
                                                    Pcm audioOrNull) {
        List<CallLog.Word> timed = words.stream().map(w -> new CallLog.Word(w.word(), audioStartMs + w.startMs(),
                audioStartMs + w.endMs(), w.confidence())).toList();
        if (audioOrNull != null) {
            traineeAudio(audioStartMs, audioOrNull);
        }
        long fallbackEnd = audioOrNull == null ? -1 : audioStartMs + audioOrNull.durationMs();
        return traineeSays(text, "voice", timed, fallbackEnd >= 0 ? audioStartMs : clock.nowMs(), fallbackEnd);
    }

    /**
     * The trainee's line: logged with its intents and entities, CAD proposals applied, then the caller answers
     * (unless muted or on hold). Returns the caller's answer, if any.
     */
    private Optional<CallLog.Utterance> traineeSays(String text, String source, List<CallLog.Word> words,
                                                    long startMs, long endHintMs) {
        Objects.requireNonNull(text, "text");
        String line = text.strip();
        if (line.isEmpty()) {
            return Optional.empty();
        }
        CallerTurn turn = null;
        long replyAt;
        CallLog.Utterance said;
        List<CallLog.Entity> found;
        Set<Intent> intents;
        List<Runnable> tell = new ArrayList<>();
        synchronized (lock) {
            requireConnected();
            long now = clock.nowMs();
            long start = words.isEmpty() ? Math.min(startMs, now) : words.get(0).startMs();
            long end = words.isEmpty()
                    ? (endHintMs >= 0 ? endHintMs : start + speakingMs(line))
                    : words.get(words.size() - 1).endMs();
            intents = language.intents().classify(line);
            said = new CallLog.Utterance(++utteranceSeq, "trainee", line, start, end, source, words,
                    intents.stream().map(Intent::name).sorted().toList());
            Batch batch = new Batch();
            batch.add(start, CallLog.UTTERANCE, said);
            found = extract(batch, said, tell);
            checkLocation(batch, start, tell);
            batch.write();
            lineFreeAtMs = Math.max(lineFreeAtMs, end);
            replyAt = Math.max(now, end) + RESPONSE_GAP_MS;
            if (state == CallState.CONNECTED && !muted || state == CallState.TRANSFERRED && !muted) {
                turn = caller.reply(line, intents, replyAt);
            }
        }
        listener.traineeSaid(said);
        if (!found.isEmpty()) {
            listener.entities(found);
        }
        tell.forEach(Runnable::run);
        if (turn == null) {
            return Optional.empty();
        }
        return callerSays(turn, replyAt, "after: " + abbreviate(line));
    }

    /**
     * The trainee is on the line without speaking, e.g. typing a line or into the CAD form: the caller's silence
     * counts from {@code atMs}, so "are you still there?" comes only after a real silence. Not logged.
     */
    public void traineePresent(long atMs) {
        synchronized (lock) {
            presentAtMs = Math.max(presentAtMs, atMs);
        }
    }

    /**
     * The trainee's microphone audio from {@code atMs}: to the recording's right channel and the voice meter;
     * {@code call.voice} about once a second while the trainee speaks.
     */
    public void traineeAudio(long atMs, Pcm pcm) {
        List<CallLog.VoiceLevel> levels = new ArrayList<>();
        synchronized (lock) {
            if (state == null || state == CallState.ENDED) {
                return;
            }
            if (recording != null) {
                recordSafely(() -> recording.trainee(atMs, pcm));
            }
            if (meter == null) {
                meterRate = pcm.sampleRate();
                meter = VoiceMeter.create(meterRate);
            }
            int chunk = Math.max(1, meterRate / 10);
            short[] samples = pcm.resampled(meterRate).samples();
            for (int from = 0; from < samples.length; from += chunk) {
                int len = Math.min(chunk, samples.length - from);
                short[] part = java.util.Arrays.copyOfRange(samples, from, from + len);
                VoiceLevel level = meter.measure(part, len);
                long at = atMs + from * 1000L / meterRate;
                if ((level.voiced() || level.levelDb() > VOICED_DB) && at - lastVoiceMs >= VOICE_INTERVAL_MS) {
                    lastVoiceMs = at;
                    levels.add(new CallLog.VoiceLevel(at, round(level.levelDb()), round(level.pitchHz()),
                            round(level.stress())));
                }
            }
            if (!levels.isEmpty()) {
                Batch batch = new Batch();
                levels.forEach(l -> batch.add(l.atMs(), CallLog.VOICE, l));
                batch.write();
            }
        }
    }

    /**
     * The trainee started talking while the caller speaks: the rest of the caller's line is not played (the
     * console stops playback when told) and not recorded.
     */
    public void bargeIn(long atMs) {
        boolean cut = false;
        synchronized (lock) {
            if (state == null || state == CallState.ENDED || atMs >= lineFreeAtMs) {
                return;
            }
            long spokenUntil = lineFreeAtMs;
            recordSafely(() -> writeAudioUntil(atMs));
            pendingAudio.clear();
            cutOffAtMs = atMs;
            lineFreeAtMs = atMs;
            new Batch().add(atMs, CallLog.CONTROL, new CallLog.Control(atMs, "barge-in",
                    "caller cut off " + secs(spokenUntil - atMs) + " before the end of their line")).write();
            cut = true;
        }
        if (cut) {
            listener.callerCutOff(atMs);
        }
    }

    /** Puts the caller on hold. */
    public void hold() {
        synchronized (lock) {
            requireState(CallState.CONNECTED, CallState.TRANSFERRED);
            long now = clock.nowMs();
            control(now, "hold", "");
            holdStartMs = now;
            state = CallState.ON_HOLD;
        }
        listener.stateChanged(CallState.ON_HOLD);
    }

    /** Back from hold; the caller reacts to how long they waited. */
    public Optional<CallLog.Utterance> resume() {
        CallerTurn turn;
        long now;
        synchronized (lock) {
            requireState(CallState.ON_HOLD);
            now = clock.nowMs();
            long held = now - holdStartMs;
            control(now, "resume", "held " + secs(held));
            state = transferred ? CallState.TRANSFERRED : CallState.CONNECTED;
            lineFreeAtMs = Math.max(lineFreeAtMs, now);
            turn = caller.held(held, now);
        }
        listener.stateChanged(state());
        return callerSays(turn, now + RESPONSE_GAP_MS, "after hold");
    }

    public void mute() {
        synchronized (lock) {
            requireConnected();
            muted = true;
            control(clock.nowMs(), "mute", "");
        }
    }

    public void unmute() {
        synchronized (lock) {
            requireConnected();
            muted = false;
            control(clock.nowMs(), "unmute", "");
        }
    }

    /** Hands the call to another agency ({@code fire}, {@code ems}, {@code police}); the call stays up. */
    public void transfer(String target) {
        if (!OperatorScript.TRANSFER_TARGETS.contains(target)) {
            throw InputException.field("transfer target", "'" + target + "' is not fire, ems or police");
        }
        synchronized (lock) {
            requireState(CallState.CONNECTED, CallState.ON_HOLD);
            control(clock.nowMs(), "transfer", target);
            transferred = true;
            state = CallState.TRANSFERRED;
        }
        listener.stateChanged(CallState.TRANSFERRED);
    }

    /** The trainee types a CAD field. */
    public void cadEdit(CadField field, String value) {
        List<Runnable> tell = new ArrayList<>();
        synchronized (lock) {
            requireOpen();
            long now = clock.nowMs();
            Batch batch = new Batch();
            String old = form.get(field);
            if (form.set(field, value, CadForm.BY_TRAINEE)) {
                String v = form.get(field);
                batch.add(now, CallLog.CAD_EDIT, new CallLog.CadEdit(now, field.name(), old, v, CadForm.BY_TRAINEE));
                tell.add(() -> listener.cadChanged(field, v, CadForm.BY_TRAINEE));
            }
            checkLocation(batch, now, tell);
            batch.write();
        }
        tell.forEach(Runnable::run);
    }

    /** The trainee confirms a CAD field as it stands (e.g. the address read back to the caller). */
    public void confirm(CadField field) {
        List<Runnable> tell = new ArrayList<>();
        synchronized (lock) {
            requireOpen();
            long now = clock.nowMs();
            String value = form.get(field);
            if (value == null || value.isBlank()) {
                throw InputException.field(field.name(),
                        "is empty; fill it in before confirming it");
            }
            form.confirm(field);
            Batch batch = new Batch();
            batch.add(now, CallLog.CAD_EDIT, new CallLog.CadEdit(now, field.name(), value, value,
                    CadFields.BY_CONFIRMED));
            tell.add(() -> listener.cadChanged(field, value, CadFields.BY_CONFIRMED));
            checkLocation(batch, now, tell);
            batch.write();
        }
        tell.forEach(Runnable::run);
    }

    /**
     * Sends the incident: posts {@link IncidentCreated} on the bus with the form's units and logs
     * {@code call.dispatched}; unit updates for it are logged as {@code call.unit} from then on.
     *
     * @throws SwitchboardException naming the missing fields when the form is not ready
     */
    public CallLog.Dispatch dispatch() {
        CallLog.Dispatch d;
        synchronized (lock) {
            requireOpen();
            if (dispatchReference != null) {
                throw new SwitchboardException("This call was already dispatched as " + dispatchReference + ".",
                        "Update the incident in the control room instead.");
            }
            if (!form.readyToDispatch()) {
                throw new SwitchboardException("Cannot dispatch yet: " + String.join(", ", form.missing())
                        + " missing.", "Fill in and confirm those fields, then dispatch.");
            }
            long now = clock.nowMs();
            Place place = form.verifiedLocation().orElseThrow(() -> new SwitchboardException(
                    "Cannot dispatch yet: the location is not verified.", "Confirm an address the map knows."));
            String code = form.get(CadField.NATURE_CODE);
            Optional<NatureCode> nature = language.natureCodes().find(code);
            int priority = priority(form.get(CadField.PRIORITY), nature.map(NatureCode::priority)
                    .orElse(scenario.nature().priority()));
            List<ResponderType> units = form.units();
            String reference = session.value();
            String address = form.get(CadField.ADDRESS);
            d = new CallLog.Dispatch(now, reference, code, nature.map(NatureCode::description).orElse(code),
                    priority, place.position().lat(), place.position().lon(), place.wardId(), address,
                    units.stream().map(ResponderType::name).toList());
            new Batch().add(now, CallLog.DISPATCHED, d).write();
            dispatchReference = reference;
            responses = services.bus().subscribe(ResponseUpdated.class, this::onResponse, Delivery.ASYNC);
            answers = services.bus().subscribe(DispatchAnswered.class, this::onAnswer, Delivery.ASYNC);
            services.bus().publish(new IncidentCreated(session, reference, code, d.nature(), priority,
                    place.position(), place.wardId(), address, units, services.wallClock().instant()));
        }
        listener.dispatched(d);
        return d;
    }

    /**
     * Time passes: audio due by now goes to the recording (flushed about once a second), and the caller engine
     * hears about the silence about once a second, which is also when its scripted events fall due. Call it
     * regularly (the console every few hundred ms, the CLI every virtual second).
     */
    public void tick(long nowMs) {
        CallerTurn turn = null;
        synchronized (lock) {
            if (state == null || state == CallState.ENDED) {
                return;
            }
        }
        if (nowMs >= config.maxLengthMs()) {
            LOG.warn("Call {} reached its maximum length of {} min; ending it", session, config.maxLengthMs() / 60_000);
            end(TIME_LIMIT);
            return;
        }
        synchronized (lock) {
            if (state == null || state == CallState.ENDED) {
                return;
            }
            recordSafely(() -> {
                writeAudioUntil(nowMs);
                if (recording != null && nowMs - lastFlushMs >= 1000) {
                    recording.flush();
                    lastFlushMs = nowMs;
                }
            });
            if (answerAtMs < 0 || state == CallState.ON_HOLD || nowMs - lastSilenceAskMs < SILENCE_POLL_MS) {
                return;
            }
            lastSilenceAskMs = nowMs;
            turn = caller.silence(Math.max(0, nowMs - Math.max(lineFreeAtMs, presentAtMs)), nowMs).orElse(null);
        }
        if (turn != null) {
            callerSays(turn, nowMs, "silence");
        }
    }

    /**
     * Ends the call: {@code call.ended}, the recording closed, the call scored ({@code call.scored}) and the
     * session finished as {@code complete} with the score. Ending an ended call does nothing.
     *
     * @param reason {@code completed}, {@code caller-hung-up}, {@code transferred} or {@code abandoned}
     */
    public Optional<CallLog.Score> end(String reason) {
        CallLog.Score s;
        synchronized (lock) {
            if (state == null || state == CallState.ENDED) {
                return Optional.ofNullable(score);
            }
            long now = Math.min(Math.max(clock.nowMs(), lineFreeAtMs), config.maxLengthMs());
            recordSafely(() -> writeAudioUntil(now));
            pendingAudio.clear();
            new Batch().add(now, CallLog.ENDED, new CallLog.Ended(now, reason, now)).write();
            state = CallState.ENDED;
            if (responses != null) {
                responses.close();
            }
            if (answers != null) {
                answers.close();
            }
            // The server stopped answering during the call: the call's entries wait on this seat, so the call is
            // scored from what it logged, and the catalogue updates follow once the entries are on the server.
            boolean serverAway = services.log().keptLocally() > 0;
            if (recording != null) {
                CallRecording.Closed closed;
                try {
                    closed = recording.close(now);
                } catch (RuntimeException e) {
                    throw recordingFailed(e);
                }
                String file = recording.file();
                Runnable seal = () -> {
                    try {
                        new RecordingSeals(services.log(), services.recordings(), services.recordingsDir())
                                .seal(session, file, closed.durationMs(), closed.sha256(), "complete");
                    } catch (IOException e) {
                        throw recordingFailed(new UncheckedIOException(e));
                    }
                };
                if (serverAway) {
                    services.log().whenKeptSent(seal);
                } else {
                    seal.run();
                }
            }
            s = scorer.score(scenario,
                    serverAway ? CallHistory.of(written) : CallHistory.read(services.log(), session));
            new Batch().add(now, CallLog.SCORED, s).write();
            Instant endedAt = services.wallClock().instant();
            double total = s.total();
            if (services.log().keptLocally() > 0) {
                services.log().whenKeptSent(() -> services.sessions().finish(session, endedAt, "complete", total));
            } else {
                services.sessions().finish(session, endedAt, "complete", total);
            }
            score = s;
        }
        services.bus().publish(new TrainingSessionChanged(session));
        listener.stateChanged(CallState.ENDED);
        listener.scored(s);
        return Optional.of(s);
    }

    // ---- the caller's side

    /**
     * Logs and voices one caller turn from {@code startMs}: with TTS the sentences are synthesised one by one
     * outside the lock and handed to the listener as they are ready; the line is logged once its length is known.
     */
    private Optional<CallLog.Utterance> callerSays(CallerTurn turn, long startMs, String reason) {
        if (turn == null || turn.text().isBlank()) {
            return hangUpIf(turn);
        }
        String text = turn.text().strip();
        String spoken = forVoice(turn.spokenText());
        long start;
        synchronized (lock) {
            if (state == CallState.ENDED) {
                return Optional.empty();
            }
            start = Math.max(startMs, lineFreeAtMs);
            cutOffAtMs = -1;
        }
        List<Pcm> sentences = new ArrayList<>();
        if (speaks() && !spoken.isEmpty()) {
            Prosody prosody = prosody(turn.emotion());
            try {
                long cursor = start;
                for (String sentence : SENTENCES.split(spoken)) {
                    Pcm pcm = tts.synthesize(sentence, prosody);
                    synchronized (lock) {
                        if (cutOffAtMs >= 0 || state == CallState.ENDED) {
                            break;
                        }
                        pendingAudio.add(new Segment(cursor, pcm));
                        lineFreeAtMs = Math.max(lineFreeAtMs, cursor + pcm.durationMs());
                    }
                    sentences.add(pcm);
                    listener.callerSentence(sentence, pcm, cursor);
                    cursor += pcm.durationMs();
                }
            } catch (SwitchboardException e) {
                LOG.warn("The caller's voice failed; the line is shown as text only: {}", e.getMessage());
                sentences.clear();
            }
        }
        CallLog.Utterance said;
        List<CallLog.Entity> found;
        List<Runnable> tell = new ArrayList<>();
        synchronized (lock) {
            if (state == CallState.ENDED) {
                return Optional.empty();
            }
            long audioMs = sentences.stream().mapToLong(Pcm::durationMs).sum();
            long end = start + (sentences.isEmpty() ? speakingMs(spoken) : audioMs);
            said = new CallLog.Utterance(++utteranceSeq, "caller", text, start, end, "tts", List.of(), List.of());
            Batch batch = new Batch();
            batch.add(start, CallLog.UTTERANCE, said);
            found = extract(batch, said, tell);
            double emotion = round(turn.emotion());
            if (loggedEmotion < 0 || Math.abs(emotion - loggedEmotion) >= EMOTION_STEP) {
                loggedEmotion = emotion;
                batch.add(start, CallLog.EMOTION, new CallLog.Emotion(start, emotion, reason));
                tell.add(() -> listener.emotion(emotion));
            }
            checkLocation(batch, start, tell);
            batch.write();
            lineFreeAtMs = Math.max(lineFreeAtMs, end);
        }
        listener.callerSaid(said, sentences.isEmpty() ? null : Pcm.concat(sentences));
        if (!found.isEmpty()) {
            listener.entities(found);
        }
        tell.forEach(Runnable::run);
        hangUpIf(turn);
        return Optional.of(said);
    }

    private Optional<CallLog.Utterance> hangUpIf(CallerTurn turn) {
        if (turn != null && turn.hungUp()) {
            end("caller-hung-up");
        }
        return Optional.empty();
    }

    private void onResponse(ResponseUpdated u) {
        boolean tellCaller = false;
        CallLog.UnitUpdate update;
        synchronized (lock) {
            if (state == CallState.ENDED || !u.reference().equals(dispatchReference)) {
                return;
            }
            long now = clock.nowMs();
            update = new CallLog.UnitUpdate(now, u.reference(), u.unitId(), u.unitType().name(), u.state(),
                    u.position().lat(), u.position().lon(), u.headingDegrees(), u.incidentState(),
                    u.etaSeconds() < 0 ? null : Math.round(u.etaSeconds()));
            new Batch().add(now, CallLog.UNIT, update).write();
            if ("ON_SCENE".equals(u.state()) && !helpArrivedTold && state != CallState.ON_HOLD) {
                helpArrivedTold = true;
                tellCaller = true;
            }
        }
        listener.unit(update);
        if (tellCaller) {
            long now = clock.nowMs();
            CallerTurn turn;
            synchronized (lock) {
                turn = caller.reply("Help is arriving now.", Set.of(Intent.HELP_COMING), now);
            }
            callerSays(turn, now, "help arrived");
        }
    }

    private void onAnswer(DispatchAnswered a) {
        CallLog.DispatchAnswer answer;
        synchronized (lock) {
            if (state == CallState.ENDED || !a.reference().equals(dispatchReference)) {
                return;
            }
            long now = clock.nowMs();
            answer = new CallLog.DispatchAnswer(now, a.sentUnits(), a.waiting().stream().map(Enum::name).toList(),
                    a.controlRoomNote());
            new Batch().add(now, CallLog.DISPATCH_ANSWERED, answer).write();
        }
        listener.dispatchAnswered(answer);
    }

    // ---- helpers (callers hold the lock)

    private List<CallLog.Entity> extract(Batch batch, CallLog.Utterance u, List<Runnable> tell) {
        // each line is read as the reply to the other speaker's line before it, once
        String other = "caller".equals(u.speaker()) ? "trainee" : "caller";
        List<ExtractedEntity> entities = language.extractor().extract(u.text(), lastLine.remove(other));
        lastLine.put(u.speaker(), u.text());
        List<CallLog.Entity> out = new ArrayList<>();
        for (ExtractedEntity e : entities) {
            CallLog.Entity logged = new CallLog.Entity(u.startMs(), u.seq(), u.speaker(), e.type().name(),
                    e.value(), e.text(), e.start(), e.end(), round(e.confidence()));
            batch.add(u.startMs(), CallLog.ENTITY, logged);
            out.add(logged);
        }
        transcript.append(u.text()).append('\n');
        // The filler is stateless: it gets every entity of the call so far, so a line without entities (a
        // "Hello? Are you there?") cannot take back what earlier lines established.
        callEntities.addAll(entities);
        for (CadProposal p : language.filler().propose(callEntities, form, transcript.toString())) {
            String old = form.get(p.field());
            if (!form.set(p.field(), p.value(), CadForm.BY_EXTRACTION)) {
                continue;
            }
            CadField f = p.field();
            String v = form.get(f);
            batch.add(u.startMs(), CallLog.CAD_EDIT, new CallLog.CadEdit(u.startMs(), f.name(), old, v,
                    CadForm.BY_EXTRACTION));
            tell.add(() -> listener.cadChanged(f, v, CadForm.BY_EXTRACTION));
        }
        return out;
    }

    /**
     * Logs the verified location when the confirmed address resolves (again, or to another place), and its loss
     * when it no longer does (e.g. the ward was changed to one the address is not in).
     */
    private void checkLocation(Batch batch, long atMs, List<Runnable> tell) {
        Optional<Place> place = form.confirmed(CadField.ADDRESS) && form.verifyLocation(language.names())
                ? form.verifiedLocation() : Optional.empty();
        String value = place.map(p -> CadFields.location(p.name(), p.wardId(), p.position())).orElse(null);
        if (Objects.equals(value, loggedLocation)) {
            return;
        }
        batch.add(atMs, CallLog.CAD_EDIT, new CallLog.CadEdit(atMs, CadFields.LOCATION, loggedLocation, value,
                "trainee"));
        loggedLocation = value;
        if (value != null) {
            tell.add(() -> listener.locationVerified(value));
        }
    }

    private void control(long atMs, String action, String detail) {
        new Batch().add(atMs, CallLog.CONTROL, new CallLog.Control(atMs, action, detail)).write();
    }

    /** Runs a write to the recording; a failure (a full disk) closes the call as interrupted and is thrown. */
    private void recordSafely(Runnable write) {
        try {
            write.run();
        } catch (UncheckedIOException | SwitchboardException e) {
            throw recordingFailed(e);
        }
    }

    /**
     * The recording could not be written: the call stops here and its session is closed as interrupted, with
     * everything logged so far kept (each step best effort: the database may sit on the same full disk, and then
     * the next start's recovery closes it).
     */
    private SwitchboardException recordingFailed(RuntimeException e) {
        Path where = recording == null ? services.recordingsDir()
                : services.recordingsDir().resolve(recording.file());
        String why = DiskFull.is(e, where) ? DiskFull.describe(where)
                : "the recording " + where + " could not be written (" + e.getMessage() + ")";
        LOG.error("Call {} stopped: {}", session, why, e);
        long now = clock.nowMs();
        state = CallState.ENDED;
        pendingAudio.clear();
        if (responses != null) {
            responses.close();
        }
        try {
            new Batch().add(now, CallLog.INTERRUPTED, new CallLog.Interrupted(now, "stopped: " + why)).write();
        } catch (RuntimeException logFailed) {
            e.addSuppressed(logFailed);
        }
        if (recording != null) {
            try {
                services.recordings().closed(session, recording.file(), now, null, "interrupted");
            } catch (RuntimeException rowFailed) {
                e.addSuppressed(rowFailed);
            }
        }
        try {
            services.sessions().finish(session, services.wallClock().instant(), "interrupted", null);
        } catch (RuntimeException rowFailed) {
            e.addSuppressed(rowFailed);
        }
        return new SwitchboardException("The call was stopped: " + why + ".", "Free some space. Everything logged "
                + "up to now is kept and the session is closed as interrupted.", e);
    }

    private void writeAudioUntil(long untilMs) {
        if (recording == null) {
            pendingAudio.removeIf(s -> s.startMs + s.pcm.durationMs() <= untilMs);
            return;
        }
        var it = pendingAudio.iterator();
        while (it.hasNext()) {
            Segment s = it.next();
            if (s.startMs >= untilMs) {
                continue;
            }
            long from = s.writtenMs;
            long to = Math.min(s.pcm.durationMs(), untilMs - s.startMs);
            if (to > from) {
                recording.caller(s.startMs + from, s.pcm.slice(from, to));
                s.writtenMs = to;
            }
            if (s.writtenMs >= s.pcm.durationMs()) {
                it.remove();
            }
        }
    }

    /** The caller speaks whenever a voice was given: the console passes none when "caller speaks" is off. */
    private boolean speaks() {
        return tts != null && tts.available();
    }

    private Prosody prosody(double emotion) {
        Prosody panic = Prosody.forPanic(emotion);
        VoiceSettings v = scenario.caller() == null ? null : scenario.caller().voice();
        if (v == null) {
            return panic;
        }
        return new Prosody(panic.rate() * factor(v.rate()), panic.pitch() * factor(v.pitch()),
                panic.tract() * factor(v.tract()));
    }

    private static double factor(double v) {
        return v > 0 ? v : 1;
    }

    private void requireState(CallState... allowed) {
        for (CallState s : allowed) {
            if (state == s) {
                return;
            }
        }
        throw new IllegalStateException("The call is " + (state == null ? "not ringing yet" : state)
                + "; this needs " + java.util.Arrays.toString(allowed));
    }

    private void requireConnected() {
        requireState(CallState.CONNECTED, CallState.ON_HOLD, CallState.TRANSFERRED);
    }

    private void requireOpen() {
        requireState(CallState.CONNECTED, CallState.ON_HOLD, CallState.TRANSFERRED);
    }

    /**
     * The caller's line as the voice is given it: dashes and other typographic marks MaryTTS' English tokenizer does
     * not know (it logs an ERROR for each em dash) become the plain pauses and punctuation it reads.
     */
    static String forVoice(String text) {
        return text.replaceAll("\\s*[\u2014\u2013\u2012\u2015]+\\s*", ", ")
                .replace('\u2026', '.').replace('\u2018', '\'').replace('\u2019', '\'')
                .replace('\u201c', '"').replace('\u201d', '"')
                .replaceAll(",\\s*([,.!?])", "$1").replaceAll("\\s+", " ").strip();
    }

    static long speakingMs(String text) {
        int words = text.isBlank() ? 0 : text.strip().split("\\s+").length;
        return Math.max(600, words * MS_PER_WORD);
    }

    private static int priority(String formValue, int fallback) {
        try {
            int p = Integer.parseInt(formValue == null ? "" : formValue.strip());
            return p >= 1 && p <= 5 ? p : fallback;
        } catch (NumberFormatException e) {
            return Math.max(1, Math.min(5, fallback));
        }
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    private static String secs(long ms) {
        return String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
    }

    private static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }

    /** Caller audio waiting to be written to the recording as its time comes. */
    private static final class Segment {
        final long startMs;
        final Pcm pcm;
        long writtenMs;

        Segment(long startMs, Pcm pcm) {
            this.startMs = startMs;
            this.pcm = pcm;
        }
    }

    /** Entries of one step, appended in one durable transaction. */
    private final class Batch {
        private final List<AppendRequest> requests = new ArrayList<>();

        Batch add(long atMs, String type, Object payload) {
            requests.add(new AppendRequest(session, atMs, type, services.log().json(payload)));
            return this;
        }

        void write() {
            services.log().appendAll(requests);
            for (AppendRequest r : requests) {
                written.add(new EventLogEntry(0, session, written.size() + 1, r.simTimeMillis(),
                        services.wallClock().instant(), r.type(), r.payloadJson(), new byte[0], new byte[0]));
            }
            requests.clear();
        }
    }
}
