package dev.switchboard.calltaking.engine.session;

import dev.switchboard.calltaking.engine.cad.CadField;
import dev.switchboard.calltaking.model.CallLog;
import dev.switchboard.speech.Pcm;
import java.util.List;

/**
 * What a call tells its console as it happens. Called on whichever thread drove the session (never the FX thread
 * by design: the console hands results over once per frame); every method does nothing unless overridden.
 */
public interface CallListener {

    /** A listener that ignores everything. */
    CallListener NONE = new CallListener() {
    };

    /**
     * The caller said a line (already logged). {@code audioOrNull} is the whole line's audio when TTS is on; the
     * console plays the sentences as they come through {@link #callerSentence} instead.
     */
    default void callerSaid(CallLog.Utterance u, Pcm audioOrNull) {
    }

    /** One sentence of the caller's next line is ready to play, due at {@code startMs}. */
    default void callerSentence(String sentence, Pcm audio, long startMs) {
    }

    /** The trainee cut in: stop playing the caller now; nothing after {@code atMs} is recorded. */
    default void callerCutOff(long atMs) {
    }

    default void traineeSaid(CallLog.Utterance u) {
    }

    default void entities(List<CallLog.Entity> es) {
    }

    /** @param by {@code extraction}, {@code trainee} or {@code confirmed} */
    default void cadChanged(CadField f, String value, String by) {
    }

    /** The location became verified (or changed): {@code value} as logged. */
    default void locationVerified(String value) {
    }

    default void emotion(double v) {
    }

    default void stateChanged(CallState s) {
    }

    default void dispatched(CallLog.Dispatch d) {
    }

    /** The control room answered the dispatch: which units it sent, which asked types have nobody free yet. */
    default void dispatchAnswered(CallLog.DispatchAnswer a) {
    }

    default void unit(CallLog.UnitUpdate u) {
    }

    default void scored(CallLog.Score s) {
    }
}
