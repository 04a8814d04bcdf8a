package dev.switchboard.calltaking.model;

import java.util.List;

/**
 * What a call session writes to the event log: the type names and their JSON payloads (each payload record is
 * serialised with Jackson, field names as below). Review, replay and scoring read these entries; nothing else
 * keeps a second history of a call. All {@code atMs} values are milliseconds since the start of the session's
 * recording (the moment the call was offered to the trainee), so they index straight into the WAV file.
 */
public final class CallLog {

    /** Session started: scenario, seed, trainee and the recording files. */
    public static final String STARTED = "call.started";
    /** The call rang in the queue. */
    public static final String RINGING = "call.ringing";
    /** The trainee answered; {@link Answered#answerMs} is the ring time. */
    public static final String ANSWERED = "call.answered";
    /** Hold, resume, mute, unmute, transfer: {@link Control}. */
    public static final String CONTROL = "call.control";
    /** One line of the transcript: {@link Utterance}. */
    public static final String UTTERANCE = "call.utterance";
    /** One entity found in an utterance: {@link Entity}. */
    public static final String ENTITY = "call.entity";
    /** One CAD field changed, by extraction or by the trainee: {@link CadEdit}. */
    public static final String CAD_EDIT = "call.cad.edited";
    /** The incident was dispatched: {@link Dispatch}. */
    public static final String DISPATCHED = "call.dispatched";
    /** The caller's emotional state changed: {@link Emotion}. */
    public static final String EMOTION = "call.emotion";
    /** The trainee's voice level and pitch, about once a second while speaking: {@link VoiceLevel}. */
    public static final String VOICE = "call.voice";
    /** The control room answered the dispatch: units sent and asked types with nobody free: {@link DispatchAnswer}. */
    public static final String DISPATCH_ANSWERED = "call.dispatch.answered";
    /** A unit answering the dispatched incident moved or changed state: {@link UnitUpdate}. */
    public static final String UNIT = "call.unit";
    /** The call ended: {@link Ended}. */
    public static final String ENDED = "call.ended";
    /** The call was scored: {@link Score}. */
    public static final String SCORED = "call.scored";
    /** The session was found unfinished at start-up and closed as interrupted: {@link Interrupted}. */
    public static final String INTERRUPTED = "call.interrupted";

    private CallLog() {
    }

    /**
     * @param audioFile the recording, relative to the data dir's recordings folder, e.g. {@code <session>/call.wav};
     *                  a stereo 16-bit WAV: left channel the caller, right channel the trainee
     * @param targets   the call's time targets; null in logs written before they were logged (read them with
     *                  {@link #targetsOrDefault()})
     */
    public record Started(String callId, String scenarioId, String scenarioTitle, long seed, String traineeId,
                          String traineeName, String audioFile, int sampleRate, String callerMode,
                          CallTarget.Targets targets) {

        /** The logged targets, or the defaults for a log that has none. */
        public CallTarget.Targets targetsOrDefault() {
            return targets == null ? CallTarget.Targets.DEFAULT : targets.orDefaults();
        }
    }

    public record Ringing(long atMs) {
    }

    public record Answered(long atMs, long answerMs) {
    }

    /** @param action {@code hold}, {@code resume}, {@code mute}, {@code unmute}, {@code transfer} */
    public record Control(long atMs, String action, String detail) {
    }

    /**
     * @param seq     the utterance's number within the call, from 1
     * @param speaker {@code caller} or {@code trainee}
     * @param source  {@code typed}, {@code voice} (recognised speech) or {@code tts} (the simulated caller)
     * @param intents what the trainee's line was classified as (e.g. {@code ASK_LOCATION}); empty for the caller
     */
    public record Utterance(int seq, String speaker, String text, long startMs, long endMs, String source,
                            List<Word> words, List<String> intents) {
        public Utterance {
            words = words == null ? List.of() : List.copyOf(words);
            intents = intents == null ? List.of() : List.copyOf(intents);
        }
    }

    /** One recognised word with its timing (from Vosk), in ms since the recording started. */
    public record Word(String word, long startMs, long endMs, double confidence) {
    }

    /**
     * @param type       e.g. {@code LOCATION}, {@code PHONE}, {@code WEAPON}; see the extractor's types
     * @param value      the normalised value (digits only for phones, the ward's English name for wards)
     * @param text       the span as it stands in the utterance
     * @param start      the span's first character in the utterance text
     * @param end        one past its last character
     * @param utterance  the {@link Utterance#seq()} it was found in
     */
    public record Entity(long atMs, int utterance, String speaker, String type, String value, String text,
                         int start, int end, double confidence) {
    }

    /** @param by {@code extraction} or {@code trainee} */
    public record CadEdit(long atMs, String field, String oldValue, String newValue, String by) {
    }

    public record Dispatch(long atMs, String reference, String natureCode, String nature, int priority,
                           double lat, double lon, String ward, String address, List<String> units) {
        public Dispatch {
            units = List.copyOf(units);
        }
    }

    /** @param value 0 calm .. 1 panic */
    public record Emotion(long atMs, double value, String reason) {

        /** Below this the caller is calm; the console's bar turns amber from here. */
        public static final double CALM_BELOW = 0.4;
        /** From here the caller is panicking; the console's bar turns red. */
        public static final double PANIC_FROM = 0.7;

        /** The caller's state in a word, as the console's bar shows it: calm, tense or panicking. */
        public static String word(double value) {
            return value < CALM_BELOW ? "calm" : value < PANIC_FROM ? "tense" : "panicking";
        }
    }

    /** @param levelDb RMS level in dBFS; @param pitchHz the YIN pitch, 0 when unvoiced; @param stress 0..1 */
    public record VoiceLevel(long atMs, double levelDb, double pitchHz, double stress) {
    }

    /**
     * @param etaSeconds seconds until the unit reaches the scene by road (0 on scene); null when it is not on its way
     *                   or the log predates ETAs
     */
    public record UnitUpdate(long atMs, String reference, String unitId, String unitType, String state, double lat,
                             double lon, double heading, String incidentState, Long etaSeconds) {
    }

    /**
     * @param sentUnits the units the control room sent at once
     * @param waiting   the unit types asked for that had nobody free (one entry per unit); the control room sends
     *                  the first of each that comes free
     * @param note      what else the control room did to take the call (e.g. it was paused and runs again), or empty
     */
    public record DispatchAnswer(long atMs, List<String> sentUnits, List<String> waiting, String note) {
        public DispatchAnswer {
            sentUnits = sentUnits == null ? List.of() : List.copyOf(sentUnits);
            waiting = waiting == null ? List.of() : List.copyOf(waiting);
            note = note == null ? "" : note;
        }
    }

    /** @param reason {@code completed}, {@code caller-hung-up}, {@code transferred}, {@code abandoned} */
    public record Ended(long atMs, String reason, long durationMs) {
    }

    /** @param total 0..100 */
    public record Score(double total, List<ScoreItem> items) {
        public Score {
            items = List.copyOf(items);
        }
    }

    /**
     * One rubric line.
     *
     * @param id       stable id, e.g. {@code answer-time}, {@code location-verified}
     * @param weight   the item's weight; the total is sum(weight*earned)/sum(weight)*100
     * @param earned   0..1
     * @param evidence the utterance or event behind the mark, in words
     * @param atMs     when the evidence happened, or -1 when there is none (e.g. a question never asked)
     */
    public record ScoreItem(String id, String label, double weight, double earned, String evidence, long atMs) {

        /** Whether the item was met: full marks, the one rule for every screen and report ({@link #met(double)}). */
        public boolean met() {
            return met(earned);
        }

        /**
         * The one rule for met or missed: an item is met when it earned full marks. A time target reached late keeps
         * part of its marks but is missed, as its timer chip showed.
         */
        public static boolean met(double earned) {
            return earned >= 1 - 1e-9;
        }
    }

    public record Interrupted(long lastMs, String detail) {
    }
}
