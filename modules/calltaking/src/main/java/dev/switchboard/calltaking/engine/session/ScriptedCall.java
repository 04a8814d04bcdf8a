package dev.switchboard.calltaking.engine.session;

import dev.switchboard.core.error.SwitchboardException;
import dev.switchboard.speech.Pcm;
import dev.switchboard.speech.SpeechToText;
import dev.switchboard.speech.Transcription;
import dev.switchboard.speech.WavFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Plays an {@link OperatorScript} against a call on a virtual clock: the call rings at 0, is answered at the first
 * {@code @} time (or {@value #DEFAULT_ANSWER_MS} ms), and each line comes when the line is free again (plus a
 * breath) unless an {@code @} says when. The clock moves a second at a time so silence and the scenario's
 * scripted events happen on time. Refused steps (a dispatch with fields missing, say) are noted, not fatal, as a
 * trainee would carry on; lines after the caller hangs up are noted and skipped.
 */
public final class ScriptedCall {

    /** When the call is answered if the script does not start with an {@code @} time. */
    public static final long DEFAULT_ANSWER_MS = 3_000;
    /** The pause before the trainee's next line once the line is free. */
    public static final long TURN_GAP_MS = 1_000;
    private static final long TICK_MS = 1_000;

    private final OperatorScript script;
    private final CallSession call;
    private final ManualCallClock clock;
    private final SpeechToText stt;
    private final Consumer<OperatorScript.Step> afterStep;
    private java.util.function.LongConsumer ticker = ms -> { };
    private final List<String> notes = new ArrayList<>();

    /**
     * @param sttOrNull with a recogniser, each spoken line is a WAV file to transcribe (the {@code --voice} mode)
     * @param afterStep told after each step is done (and logged)
     */
    public ScriptedCall(OperatorScript script, CallSession call, ManualCallClock clock, SpeechToText sttOrNull,
                        Consumer<OperatorScript.Step> afterStep) {
        this.script = Objects.requireNonNull(script, "script");
        this.call = Objects.requireNonNull(call, "call");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.stt = sttOrNull;
        this.afterStep = afterStep == null ? s -> { } : afterStep;
    }

    /** Runs the whole call, ending it if the script did not; returns the notes (file, line and what happened). */
    public List<String> run() {
        clock.set(0);
        call.ring();
        Long explicitAt = null;
        for (OperatorScript.Step step : script.steps()) {
            if (call.state() == CallState.ENDED) {
                if (!(step instanceof OperatorScript.At)) {
                    note(step, "skipped: the call had already ended");
                }
                continue;
            }
            if (step instanceof OperatorScript.At at) {
                explicitAt = at.atMs();
                continue;
            }
            if (call.state() == CallState.RINGING) {
                advanceTo(explicitAt != null ? explicitAt : DEFAULT_ANSWER_MS);
                call.answer();
                if (explicitAt != null && step instanceof OperatorScript.Say) {
                    // The @ time was the answer; the first line waits for the caller's opening words.
                    explicitAt = null;
                }
            }
            long at = explicitAt != null ? explicitAt : nextFree(step);
            explicitAt = null;
            if (at < clock.nowMs()) {
                note(step, "@" + at / 1000.0 + " is earlier than the call's time " + clock.nowMs() / 1000.0
                        + " s; done now instead");
            }
            advanceTo(at);
            if (call.state() == CallState.ENDED) {
                note(step, "skipped: the caller hung up at " + clock.nowMs() / 1000.0 + " s");
                continue;
            }
            try {
                perform(step);
            } catch (SwitchboardException | IllegalStateException e) {
                note(step, e.getMessage());
            }
            afterStep.accept(step);
        }
        if (call.state() != CallState.ENDED) {
            if (call.state() == CallState.RINGING) {
                advanceTo(DEFAULT_ANSWER_MS);
                call.answer();
            }
            advanceTo(call.lineFreeAtMs() + TURN_GAP_MS);
            call.end("completed");
        }
        return List.copyOf(notes);
    }

    private long nextFree(OperatorScript.Step step) {
        long free = Math.max(clock.nowMs(), call.lineFreeAtMs());
        return step instanceof OperatorScript.Say || step instanceof OperatorScript.End ? free + TURN_GAP_MS : free;
    }

    private void perform(OperatorScript.Step step) {
        switch (step) {
            case OperatorScript.Say say -> say(say);
            case OperatorScript.Wait wait -> advanceTo(Math.max(clock.nowMs(), call.lineFreeAtMs()) + wait.ms());
            case OperatorScript.Hold hold -> {
                call.hold();
                advanceTo(clock.nowMs() + hold.ms());
                call.resume();
            }
            case OperatorScript.Cad cad -> call.cadEdit(cad.field(), cad.value());
            case OperatorScript.Confirm confirm -> call.confirm(confirm.field());
            case OperatorScript.Dispatch d -> call.dispatch();
            case OperatorScript.Transfer t -> call.transfer(t.target());
            case OperatorScript.Mute m -> {
                if (m.muted()) {
                    call.mute();
                } else {
                    call.unmute();
                }
            }
            case OperatorScript.End e -> call.end("completed");
            case OperatorScript.At at -> throw new IllegalStateException("handled by run()");
        }
    }

    private void say(OperatorScript.Say say) {
        if (stt == null) {
            call.traineeTyped(say.text());
            return;
        }
        Path wav = script.file() == null || script.file().getParent() == null ? Path.of(say.text())
                : script.file().getParent().resolve(say.text());
        Pcm audio = WavFiles.read(wav).mono();
        Transcription heard = stt.transcribe(audio);
        if (heard.isEmpty()) {
            note(say, "nothing was recognised in " + wav);
            call.traineeAudio(clock.nowMs(), audio);
            return;
        }
        call.traineeSpoke(heard.text(), heard.words(), clock.nowMs(), audio);
        advanceTo(clock.nowMs() + audio.durationMs());
    }

    /** Moves the clock to {@code targetMs} a second at a time, letting the call react on each tick. */
    private void advanceTo(long targetMs) {
        long now = clock.nowMs();
        while (now < targetMs && call.state() != CallState.ENDED) {
            now = Math.min(targetMs, now + TICK_MS);
            clock.set(now);
            ticker.accept(now);
            call.tick(now);
        }
    }

    /**
     * Told the call's time at every tick of the virtual clock, before the call ticks: e.g. a headless city that
     * must move its units in step with the call. Returns this.
     */
    public ScriptedCall withTicker(java.util.function.LongConsumer newTicker) {
        this.ticker = java.util.Objects.requireNonNull(newTicker, "newTicker");
        return this;
    }

    private void note(OperatorScript.Step step, String message) {
        notes.add((script.file() == null ? "script" : script.file().toString()) + " line " + step.line() + ": "
                + message);
    }
}
