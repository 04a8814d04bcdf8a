package dev.switchboard.calltaking.engine.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.switchboard.calltaking.engine.cad.CadField;
import dev.switchboard.calltaking.engine.caller.CallerTurn;
import dev.switchboard.calltaking.engine.scoring.CadFields;
import dev.switchboard.calltaking.engine.scoring.CallHistory;
import dev.switchboard.calltaking.model.CallLog;
import dev.switchboard.core.error.SwitchboardException;
import dev.switchboard.core.event.EventBus;
import dev.switchboard.core.geo.LatLon;
import dev.switchboard.core.id.UserId;
import dev.switchboard.core.incident.IncidentCreated;
import dev.switchboard.core.incident.ResponderType;
import dev.switchboard.core.incident.ResponseUpdated;
import dev.switchboard.speech.Pcm;
import dev.switchboard.speech.Prosody;
import dev.switchboard.speech.WavAudio;
import dev.switchboard.speech.WavFiles;
import dev.switchboard.store.DataDir;
import dev.switchboard.store.Database;
import dev.switchboard.store.eventlog.EventLog;
import dev.switchboard.store.session.RecordingCatalog;
import dev.switchboard.store.session.RecordingInfo;
import dev.switchboard.store.session.SessionCatalog;
import dev.switchboard.store.session.SessionSummary;
import dev.switchboard.testkit.MutableClock;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CallSessionTest {

    @TempDir
    Path tmp;

    private Database db;
    private EventLog log;
    private SessionCatalog sessions;
    private RecordingCatalog recordings;
    private EventBus bus;
    private DataDir dir;
    private final MutableClock wall = new MutableClock(Instant.parse("2025-03-01T09:00:00Z"));
    private final ManualCallClock clock = new ManualCallClock();
    private final ScriptedCaller caller = new ScriptedCaller();
    private final Heard heard = new Heard();

    @BeforeEach
    void open() {
        dir = DataDir.of(tmp);
        db = Database.open(dir);
        log = new EventLog(db, wall);
        sessions = new SessionCatalog(db);
        recordings = new RecordingCatalog(db);
        bus = new EventBus(new SameThread());
    }

    @AfterEach
    void close() {
        bus.close();
        log.close();
        db.close();
    }

    private CallSession call(boolean voice, ToneVoice tts) {
        return new CallSession(new CallConfig(TestScenarios.fire(), 7, new UserId("u1"), "Trainee One", false, voice),
                new CallSession.Services(log, sessions, recordings, dir.recordings(), wall, bus),
                CallSession.Language.standard(), caller, clock, tts,
                WavCallRecording.opener(dir.recordings(), CallSession.SAMPLE_RATE), heard);
    }

    private CallHistory history(CallSession call) {
        return CallHistory.read(log, call.session());
    }

    private CallSession answered(long atMs) {
        CallSession call = call(false, null);
        call.ring();
        clock.set(atMs);
        call.answer();
        return call;
    }

    @Test
    void ringAndAnswerOpenTheSessionAndMeasureTheAnswerTime() {
        CallSession call = call(false, null);
        call.ring();
        SessionSummary running = sessions.find(call.session()).orElseThrow();
        assertThat(running.status()).isEqualTo("running");
        assertThat(running.kind()).isEqualTo("call");
        assertThat(running.title()).isEqualTo("Kitchen fire in Shibuya");
        assertThat(recordings.of(call.session())).extracting(RecordingInfo::status).containsExactly("recording");

        clock.set(4_500);
        call.answer();

        CallHistory h = history(call);
        CallLog.Started started = h.first(CallLog.Started.class).orElseThrow();
        assertThat(started.scenarioId()).isEqualTo("test-fire");
        assertThat(started.seed()).isEqualTo(7);
        assertThat(started.audioFile()).isEqualTo(call.session().value() + "/call.wav");
        assertThat(started.callerMode()).isEqualTo("offline");
        assertThat(h.first(CallLog.Ringing.class).orElseThrow().atMs()).isZero();
        assertThat(h.first(CallLog.Answered.class).orElseThrow()).isEqualTo(new CallLog.Answered(4_500, 4_500));
        assertThat(h.callerLines()).extracting(CallLog.Utterance::text).containsExactly("Help! There's a fire!");
        assertThat(h.callerLines().get(0).startMs()).isGreaterThanOrEqualTo(4_500);
        assertThat(h.first(CallLog.Emotion.class).orElseThrow().value()).isEqualTo(0.8);
        assertThat(heard.states).containsExactly(CallState.RINGING, CallState.CONNECTED);
    }

    @Test
    void aTraineeLineIsLoggedWithIntentsAndTheCallersAnswerFillsTheCad() {
        CallSession call = answered(3_000);
        caller.then("I'm at 2-21-1 Shibuya, my number is 090-1234-5678.", 0.7);
        caller.then("Please hurry, please!", 0.68);
        clock.set(10_000);

        CallLog.Utterance reply = call.traineeTyped("What is the address of your emergency?").orElseThrow();
        call.traineeTyped("Stay on the line with me.");

        CallHistory h = history(call);
        CallLog.Utterance asked = h.traineeLines().get(0);
        assertThat(asked.intents()).contains("ASK_LOCATION");
        assertThat(asked.source()).isEqualTo("typed");
        assertThat(asked.startMs()).isEqualTo(10_000);
        assertThat(asked.endMs()).isEqualTo(10_000 + 7 * CallSession.MS_PER_WORD);
        assertThat(reply.startMs()).isEqualTo(asked.endMs() + CallSession.RESPONSE_GAP_MS);
        assertThat(reply.speaker()).isEqualTo("caller");
        assertThat(caller.heard).containsExactly("What is the address of your emergency?", "Stay on the line with me.");

        assertThat(h.all(CallLog.Entity.class)).extracting(CallLog.Entity::type, CallLog.Entity::utterance,
                CallLog.Entity::speaker)
                .contains(tuple("ADDRESS", reply.seq(), "caller"), tuple("PHONE", reply.seq(), "caller"));
        assertThat(h.all(CallLog.Entity.class)).extracting(CallLog.Entity::value).contains("09012345678");
        assertThat(h.all(CallLog.CadEdit.class)).extracting(CallLog.CadEdit::field, CallLog.CadEdit::newValue,
                CallLog.CadEdit::by)
                .contains(tuple("CALLBACK", "09012345678", "extraction"));
        assertThat(h.all(CallLog.CadEdit.class)).filteredOn(e -> e.field().equals("ADDRESS"))
                .extracting(CallLog.CadEdit::atMs).containsExactly(reply.startMs());
        assertThat(call.form().get(CadField.ADDRESS)).startsWith("2-21-1 Shibuya");
        // 0.8 -> 0.7 is logged; 0.7 -> 0.68 is below the step and is not.
        assertThat(h.all(CallLog.Emotion.class)).extracting(CallLog.Emotion::value).containsExactly(0.8, 0.7);
        assertThat(h.all(CallLog.Emotion.class).get(1).reason())
                .isEqualTo("after: What is the address of your emergency?");
        assertThat(heard.cad).contains("CALLBACK=09012345678 by extraction");
        assertThat(heard.emotions).containsExactly(0.8, 0.7);
    }

    @Test
    void aShortAnswerIsReadWithTheTraineesQuestionOnce() {
        CallSession call = answered(3_000);
        caller.then("No.", 0.7);
        caller.then("No.", 0.7);
        clock.set(10_000);

        CallLog.Utterance answer = call.traineeTyped("Is he breathing?").orElseThrow();
        CallLog.Utterance again = call.traineeTyped("Stay on the line with me.").orElseThrow();

        List<CallLog.Entity> entities = history(call).all(CallLog.Entity.class);
        assertThat(entities).filteredOn(e -> e.utterance() == answer.seq())
                .extracting(CallLog.Entity::type, CallLog.Entity::value).containsExactly(tuple("BREATHING", "no"));
        assertThat(entities).filteredOn(e -> e.utterance() == again.seq()).isEmpty();
    }

    @Test
    void dispatchNeedsAVerifiedLocationThenPostsTheIncidentAndLogsTheResponse() {
        CallSession call = answered(3_000);
        List<IncidentCreated> incidents = new ArrayList<>();
        bus.subscribe(IncidentCreated.class, incidents::add);
        caller.then("I'm at 2-21-1 Shibuya!", 0.7);
        clock.set(8_000);
        call.traineeTyped("What is the address?");

        assertThatThrownBy(call::dispatch).isInstanceOf(SwitchboardException.class)
                .hasMessageContaining("Cannot dispatch yet").hasMessageContaining("a verified location");
        clock.set(15_000);
        call.confirm(CadField.ADDRESS);
        call.cadEdit(CadField.NATURE_CODE, "FIRE-STRUCT");
        call.cadEdit(CadField.UNITS, "FIRE, AMBULANCE");
        clock.set(20_000);
        CallLog.Dispatch d = call.dispatch();

        CallHistory h = history(call);
        CallLog.CadEdit location = h.all(CallLog.CadEdit.class).stream()
                .filter(e -> e.field().equals(CadFields.LOCATION)).findFirst().orElseThrow();
        assertThat(location.atMs()).isEqualTo(15_000);
        assertThat(CadFields.position(location.newValue())).isPresent();
        assertThat(h.all(CallLog.CadEdit.class)).anyMatch(e -> e.field().equals("ADDRESS")
                && e.by().equals(CadFields.BY_CONFIRMED));
        assertThat(h.first(CallLog.Dispatch.class)).contains(d);
        assertThat(d.atMs()).isEqualTo(20_000);
        assertThat(d.units()).containsExactly("FIRE", "AMBULANCE");
        assertThat(d.natureCode()).isEqualTo("FIRE-STRUCT");
        assertThat(d.ward()).isEqualTo("shibuya");
        assertThat(incidents).hasSize(1);
        assertThat(incidents.get(0).reference()).isEqualTo(d.reference());
        assertThat(incidents.get(0).session()).isEqualTo(call.session());
        assertThat(incidents.get(0).units()).containsExactly(ResponderType.FIRE, ResponderType.AMBULANCE);
        assertThatThrownBy(call::dispatch).hasMessageContaining("already dispatched");

        clock.set(60_000);
        bus.publish(new ResponseUpdated("someone-else", "F-9", ResponderType.FIRE, "EN_ROUTE",
                new LatLon(35.66, 139.70), 90, "DISPATCHED", 240, wall.instant()));
        bus.publish(new ResponseUpdated(d.reference(), "F-1", ResponderType.FIRE, "ON_SCENE",
                new LatLon(35.659, 139.703), 90, "ON_SCENE", 0, wall.instant()));

        h = history(call);
        assertThat(h.all(CallLog.UnitUpdate.class)).extracting(CallLog.UnitUpdate::unitId, CallLog.UnitUpdate::state,
                CallLog.UnitUpdate::atMs).containsExactly(tuple("F-1", "ON_SCENE",
                60_000L));
        assertThat(caller.heard).contains("Help is arriving now.");
        assertThat(h.callerLines()).hasSize(3);
    }

    @Test
    void holdAndResumeAreLoggedAndTheCallerReactsToTheWait() {
        CallSession call = answered(3_000);
        clock.set(20_000);
        call.hold();
        assertThat(call.state()).isEqualTo(CallState.ON_HOLD);
        clock.set(35_000);
        CallLog.Utterance back = call.resume().orElseThrow();

        assertThat(caller.heldFor).containsExactly(15_000L);
        assertThat(back.text()).isEqualTo("Hello? Are you there?");
        List<CallLog.Control> controls = history(call).all(CallLog.Control.class);
        assertThat(controls).extracting(CallLog.Control::action).containsExactly("hold", "resume");
        assertThat(controls.get(1).detail()).isEqualTo("held 15.0 s");
        assertThat(controls.get(1).atMs()).isEqualTo(35_000);

        call.mute();
        call.traineeTyped("Muted line the caller cannot hear.");
        assertThat(caller.heard).isEmpty();
        call.unmute();
        call.transfer("ems");
        assertThat(call.state()).isEqualTo(CallState.TRANSFERRED);
        assertThat(history(call).all(CallLog.Control.class)).extracting(CallLog.Control::action)
                .containsExactly("hold", "resume", "mute", "unmute", "transfer");
        assertThatThrownBy(() -> call.transfer("coastguard")).hasMessageContaining("coastguard");
    }

    @Test
    void endScoresTheCallClosesTheRecordingAndFinishesTheSession() {
        CallSession call = answered(6_000);
        caller.then("2-21-1 Shibuya! 090-1234-5678!", 0.5);
        clock.set(9_000);
        call.traineeTyped("Where are you and what number are you calling from?");
        clock.set(40_000);

        CallLog.Score score = call.end("completed").orElseThrow();

        CallHistory h = history(call);
        assertThat(h.first(CallLog.Ended.class).orElseThrow()).isEqualTo(new CallLog.Ended(40_000, "completed",
                40_000));
        assertThat(h.first(CallLog.Score.class)).contains(score);
        assertThat(score.items()).extracting(CallLog.ScoreItem::id).contains("answer-time", "callback");
        assertThat(score.items().stream().filter(i -> i.id().equals("callback")).findFirst().orElseThrow()
                .earned()).isEqualTo(1.0);
        SessionSummary s = sessions.find(call.session()).orElseThrow();
        assertThat(s.status()).isEqualTo("complete");
        assertThat(s.score()).isEqualTo(score.total());
        RecordingInfo r = recordings.of(call.session()).get(0);
        assertThat(r.status()).isEqualTo("complete");
        assertThat(r.durationMs()).isEqualTo(40_000);
        assertThat(r.sha256()).hasSize(64);
        WavAudio wav = WavFiles.read(dir.recordings().resolve(r.file()));
        assertThat(wav.channels()).isEqualTo(2);
        assertThat(wav.durationMs()).isEqualTo(40_000);
        assertThat(call.state()).isEqualTo(CallState.ENDED);
        assertThat(call.end("completed")).contains(score);
        assertThat(heard.scores).containsExactly(score);
        assertThatThrownBy(() -> call.traineeTyped("Hello?")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void homeAndReviewHearWhenTheCallStartsAndWhenItIsScored() {
        List<dev.switchboard.core.session.TrainingSessionChanged> changes = new java.util.ArrayList<>();
        bus.subscribe(dev.switchboard.core.session.TrainingSessionChanged.class, changes::add);
        CallSession call = call(false, null);
        call.ring();
        assertThat(changes).extracting(c -> c.session()).containsExactly(call.session());
        clock.set(2_000);
        call.answer();
        clock.set(9_000);
        call.end("completed");
        assertThat(changes).hasSize(2);
    }

    @Test
    void theVoiceIsGivenPlainPunctuationWhileTheTranscriptKeepsTheLineAsWritten() {
        ToneVoice tts = new ToneVoice();
        CallSession call = call(true, tts);
        caller.then("My son\u2014 I can't find my son! He was right here \u2013 now he's gone\u2026", 0.8);
        call.ring();
        clock.set(1_000);
        call.answer();
        clock.set(5_000);
        CallLog.Utterance reply = call.traineeTyped("Where are you?").orElseThrow();

        assertThat(reply.text()).contains("\u2014");
        assertThat(tts.texts).isNotEmpty().allSatisfy(t -> assertThat(t).doesNotContain("\u2014", "\u2013",
                "\u2026"));
        assertThat(String.join(" ", tts.texts)).contains("My son, I can't find my son!", "right here, now he's gone.");
        assertThat(CallSession.forVoice("Wait\u2014 \u2014no!")).isEqualTo("Wait, no!");
    }

    @Test
    void theCallerSpeaksThroughTtsIntoTheLeftChannelAndABargeInCutsTheRest() {
        ToneVoice tts = new ToneVoice();
        CallSession call = call(true, tts);
        call.ring();
        clock.set(2_000);
        CallLog.Utterance opening = call.answer().orElseThrow();

        // "Help!" is 500 ms of tone, "There's a fire!" 1500 ms.
        assertThat(opening.endMs() - opening.startMs()).isEqualTo(2_000);
        assertThat(heard.audioAt).containsExactly(opening.startMs(), opening.startMs() + 500);
        assertThat(heard.callerAudio).isNotNull();
        assertThat(tts.prosodies.get(0).rate()).isEqualTo(Prosody.forPanic(0.8).rate() * 1.1);

        long cut = opening.startMs() + 800;
        clock.set(cut);
        call.bargeIn(cut);
        assertThat(heard.cutAt).isEqualTo(cut);
        assertThat(call.lineFreeAtMs()).isEqualTo(cut);
        clock.set(8_000);
        call.end("completed");

        CallLog.Control bargeIn = history(call).first(CallLog.Control.class).orElseThrow();
        assertThat(bargeIn.action()).isEqualTo("barge-in");
        assertThat(bargeIn.atMs()).isEqualTo(cut);
        Pcm left = WavFiles.read(dir.recordings().resolve(recordings.of(call.session()).get(0).file())).channel(0);
        assertThat(peak(left.slice(opening.startMs() + 50, cut - 50))).as("played before the cut").isGreaterThan(4000);
        assertThat(peak(left.slice(cut + 20, opening.endMs()))).as("not played after the cut").isZero();
        assertThat(peak(left.slice(0, opening.startMs() - 20))).isZero();
    }

    @Test
    void traineeAudioGoesToTheRightChannelAndIsMeteredAboutOnceASecond() {
        CallSession call = answered(2_000);
        call.traineeAudio(5_000, ToneVoice.tone(3_000));
        clock.set(12_000);
        call.end("completed");

        List<CallLog.VoiceLevel> levels = history(call).all(CallLog.VoiceLevel.class);
        assertThat(levels).extracting(CallLog.VoiceLevel::atMs).containsExactly(5_000L, 6_000L, 7_000L);
        assertThat(levels.get(0).levelDb()).isBetween(-20.0, -5.0);
        Pcm right = WavFiles.read(dir.recordings().resolve(recordings.of(call.session()).get(0).file())).channel(1);
        assertThat(peak(right.slice(5_100, 7_900))).isGreaterThan(4000);
        assertThat(peak(right.slice(8_100, 11_900))).isZero();
    }

    @Test
    void silenceMakesTheCallerSpeakAndAHangUpEndsTheCall() {
        CallSession call = answered(2_000);
        caller.onSilence = new CallerTurn("Hello? Are you still there?", 0.9, List.of(), false, "offline");
        for (long t = 3_000; t <= 15_000; t += 1_000) {
            clock.set(t);
            call.tick(t);
        }
        CallLog.Utterance prompt = history(call).callerLines().get(1);
        assertThat(prompt.text()).isEqualTo("Hello? Are you still there?");
        long openingEnd = history(call).callerLines().get(0).endMs();
        assertThat(prompt.startMs()).isGreaterThanOrEqualTo(openingEnd + 8_000);
        assertThat(caller.silences).isNotEmpty();

        caller.thenHangUp("Forget it!");
        call.traineeTyped("Calm down.");
        assertThat(call.state()).isEqualTo(CallState.ENDED);
        CallHistory h = history(call);
        assertThat(h.first(CallLog.Ended.class).orElseThrow().reason()).isEqualTo("caller-hung-up");
        assertThat(h.first(CallLog.Score.class)).isPresent();
        assertThat(h.callerLines()).extracting(CallLog.Utterance::text).endsWith("Forget it!");
    }

    @Test
    void typingCountsAsBeingThereSoTheCallerAsksOnlyAfterARealSilence() {
        CallSession call = answered(2_000);
        caller.onSilence = new CallerTurn("Hello? Are you still there?", 0.9, List.of(), false, "offline");
        // The trainee types (into the CAD form or the line) for 20 s without sending anything.
        for (long t = 3_000; t <= 23_000; t += 1_000) {
            clock.set(t);
            call.traineePresent(t - 300);
            call.tick(t);
        }
        assertThat(history(call).callerLines()).hasSize(1);
        assertThat(caller.silences).allSatisfy(ms -> assertThat(ms).isLessThan(2_000));
        // Then the trainee stops: after a real silence the caller asks.
        for (long t = 24_000; t <= 34_000; t += 1_000) {
            clock.set(t);
            call.tick(t);
        }
        CallLog.Utterance prompt = history(call).callerLines().get(1);
        assertThat(prompt.text()).isEqualTo("Hello? Are you still there?");
        assertThat(prompt.startMs()).isGreaterThanOrEqualTo(22_700 + 8_000);
    }

    private static int peak(Pcm pcm) {
        int peak = 0;
        for (short s : pcm.samples()) {
            peak = Math.max(peak, Math.abs(s));
        }
        return peak;
    }

    /** What the session told its console. */
    static final class Heard implements CallListener {
        final List<CallState> states = new ArrayList<>();
        final List<String> cad = new ArrayList<>();
        final List<Double> emotions = new ArrayList<>();
        final List<Long> audioAt = new ArrayList<>();
        final List<CallLog.Score> scores = new ArrayList<>();
        Pcm callerAudio;
        long cutAt = -1;

        @Override
        public void stateChanged(CallState s) {
            states.add(s);
        }

        @Override
        public void cadChanged(CadField f, String value, String by) {
            cad.add(f + "=" + value + " by " + by);
        }

        @Override
        public void emotion(double v) {
            emotions.add(v);
        }

        @Override
        public void callerSentence(String sentence, Pcm audio, long startMs) {
            audioAt.add(startMs);
        }

        @Override
        public void callerSaid(CallLog.Utterance u, Pcm audioOrNull) {
            if (audioOrNull != null) {
                callerAudio = audioOrNull;
            }
        }

        @Override
        public void callerCutOff(long atMs) {
            cutAt = atMs;
        }

        @Override
        public void scored(CallLog.Score s) {
            scores.add(s);
        }
    }

    /** Runs the bus's asynchronous deliveries on the publishing thread, so the test sees them at once. */
    static final class SameThread extends AbstractExecutorService {
        private volatile boolean shut;

        @Override
        public void execute(Runnable command) {
            command.run();
        }

        @Override
        public void shutdown() {
            shut = true;
        }

        @Override
        public List<Runnable> shutdownNow() {
            shut = true;
            return List.of();
        }

        @Override
        public boolean isShutdown() {
            return shut;
        }

        @Override
        public boolean isTerminated() {
            return shut;
        }

        @Override
        public boolean awaitTermination(long timeout, TimeUnit unit) {
            return true;
        }
    }
}
