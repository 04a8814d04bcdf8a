package dev.switchboard.review.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.switchboard.review.engine.Fixture;
import dev.switchboard.review.engine.ReviewService;
import dev.switchboard.review.engine.SessionView;
import dev.switchboard.review.engine.Waveform;
import dev.switchboard.review.model.RecordedSession;
import dev.switchboard.uikit.BackgroundTask;
import dev.switchboard.uikit.TaskHandle;
import dev.switchboard.review.model.Grade;
import dev.switchboard.review.model.Note;
import dev.switchboard.uikit.TaskRunner;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionViewModelTest {

    @TempDir
    Path temp;

    private Fixture f;
    private long nanos;
    private final FakeAudio audio = new FakeAudio();
    private final RecordingDialogs dialogs = new RecordingDialogs();

    @BeforeEach
    void open() throws Exception {
        f = new Fixture(temp).withCalls();
    }

    @AfterEach
    void close() {
        f.close();
    }

    private SessionViewModel model(ReviewService service) {
        SessionView data = SessionView.open(service, Fixture.CALL_A, 100);
        return new SessionViewModel(service, data, TaskRunner.direct(), dialogs, () -> nanos, (d, onFail) -> {
            audio.onFailure = onFail;
            return audio;
        });
    }

    private void elapse(long ms) {
        nanos += ms * 1_000_000L;
    }

    @Test
    void whileAudioPlaysTheTranscriptFollowsTheAudioPosition() {
        SessionViewModel m = model(f.as(Fixture.SUPERVISOR));
        m.play();
        assertThat(audio.calls).contains("seek 0", "rate 1.0", "play");
        audio.position = 3_600;
        m.tick();
        assertThat(m.positionProperty().get()).isEqualTo(3_600);
        assertThat(m.currentUtteranceProperty().get()).isEqualTo(1);
        assertThat(m.audioStatusProperty().get()).isEmpty();
    }

    @Test
    void aRecordingStillOnItsWayFromTheServerJoinsThePlaybackWhenItArrives() {
        ReviewService service = f.as(Fixture.SUPERVISOR);
        SessionView whole = SessionView.open(service, Fixture.CALL_A, 100);
        RecordedSession s = whole.session();
        RecordedSession withoutAudio = new RecordedSession(s.row(), s.started(), Optional.empty(), s.utterances(),
                s.timeline(), s.emotions(), s.unitFixes(), s.incidents(), s.score(), s.metrics(), s.integrity(),
                s.durationMs());
        CompletableFuture<SessionView> arriving = new CompletableFuture<>();
        SessionView shown = new SessionView(withoutAudio, Waveform.silent(100, s.durationMs()), whole.sync(),
                whole.replay(), whole.timelineStarts(), Optional.of(arriving));
        // Work waits until the test lets it run, as a background thread would.
        List<BackgroundTask<?>> waiting = new ArrayList<>();
        TaskRunner later = new TaskRunner() {
            @Override
            public <T> TaskHandle execute(BackgroundTask<T> task) {
                waiting.add(task);
                return TaskRunner.direct().execute(BackgroundTask.wrap(() -> null));
            }
        };
        List<SessionView> opened = new ArrayList<>();
        SessionViewModel m = new SessionViewModel(service, shown, later, dialogs, () -> nanos, (d, onFail) -> {
            opened.add(d);
            return audio;
        });

        assertThat(m.fetchingProperty().get()).isTrue();
        assertThat(m.audioStatusProperty().get()).startsWith("Fetching the recording from the server");
        assertThat(opened).as("no audio opened before the recording is here").isEmpty();
        m.play();
        elapse(2_000);
        m.tick();
        assertThat(m.positionProperty().get()).as("the replay runs on the clock meanwhile").isEqualTo(2_000);
        assertThat(audio.calls).isEmpty();

        arriving.complete(whole);
        List<BackgroundTask<?>> now = List.copyOf(waiting);
        waiting.clear();
        now.forEach(t -> TaskRunner.direct().execute(t));
        waiting.forEach(t -> TaskRunner.direct().execute(t));

        assertThat(m.fetchingProperty().get()).isFalse();
        assertThat(opened).containsExactly(whole);
        assertThat(m.waveformProperty().get()).isSameAs(whole.waveform());
        assertThat(m.audioStatusProperty().get()).isEmpty();
        assertThat(audio.calls).as("the sound joins where the replay is").containsExactly("seek 2000", "rate 1.0",
                "play");
        assertThat(m.session().audio()).isEqualTo(s.audio());
        assertThat(m.recordingCheckProperty().get()).isNotNull();
    }

    @Test
    void clickingAnUtteranceSeeksAudioTranscriptAndMap() {
        SessionViewModel m = model(f.as(Fixture.SUPERVISOR));
        m.seekToUtterance(2);
        assertThat(m.positionProperty().get()).isEqualTo(6_500);
        assertThat(audio.calls).endsWith("seek 6500");
        assertThat(m.currentUtteranceProperty().get()).isEqualTo(2);
        assertThat(m.incidentsProperty().get()).isEmpty();
        m.seek(9_000);
        assertThat(m.unitsProperty().get()).extracting(u -> u.unitId() + "@" + u.lat())
                .containsExactly("F-1@35.692", "A-1@35.684");
        assertThat(m.incidentsProperty().get()).hasSize(1);
    }

    @Test
    void aboveTwiceTheSpeedTheReplayRunsOnTheClockAndAudioPauses() {
        SessionViewModel m = model(f.as(Fixture.SUPERVISOR));
        m.play();
        audio.position = 2_000;
        m.setRate(8);
        assertThat(audio.calls).endsWith("pause");
        assertThat(m.audioStatusProperty().get()).contains("2");
        elapse(500);
        m.tick();
        assertThat(m.positionProperty().get()).isEqualTo(6_000);
        m.setRate(1);
        assertThat(audio.calls).endsWith("rate 1.0", "seek 6000", "play");
    }

    @Test
    void whenAudioFailsMidwayPlaybackCarriesOnByTheClockAndSaysSo() {
        SessionViewModel m = model(f.as(Fixture.SUPERVISOR));
        m.play();
        audio.position = 4_000;
        m.tick();
        audio.available = false;
        audio.onFailure.run();
        elapse(1_000);
        m.tick();
        assertThat(m.positionProperty().get()).isEqualTo(5_000);
        assertThat(m.audioStatusProperty().get()).isEqualTo("broken");
        elapse(60_000);
        m.tick();
        assertThat(m.playingProperty().get()).isFalse();
        assertThat(m.positionProperty().get()).isEqualTo(12_000);
    }

    @Test
    void notesArePinnedToThePositionAndPlaybackIsAuditedOnce() {
        SessionViewModel m = model(f.as(Fixture.SUPERVISOR));
        m.seek(6_500);
        m.addNote("Ask about exits.");
        assertThat(m.notes()).extracting(Note::atMs, Note::text).containsExactly(
                tuple(6_500L, "Ask about exits."));
        m.assess(Grade.COMPETENT, "Good.");
        m.signOff();
        assertThat(m.assessmentProperty().get().signedOff()).isTrue();
        assertThat(m.history()).hasSize(4);
        m.play();
        m.pause();
        m.play();
        assertThat(f.recordingAccess()).extracting(r -> r.detail()).containsExactly("play", "open");
        assertThat(dialogs.errors).isEmpty();
    }

    @Test
    void aTraineeSeesNotesButCannotAdd() {
        f.as(Fixture.SUPERVISOR).addNote(Fixture.CALL_A, 100, "Visible to the trainee");
        SessionViewModel m = model(f.as(Fixture.TRAINEE_A));
        assertThat(m.canAssessProperty().get()).isFalse();
        assertThat(m.notes()).hasSize(1);
        m.addNote("mine");
        assertThat(dialogs.errors).singleElement().asString().contains("supervisors");
        assertThat(m.notes()).hasSize(1);
    }

    /** Audio that records what it is told and reports the position the test sets. */
    static final class FakeAudio implements AudioOutput {
        final List<String> calls = new ArrayList<>();
        long position;
        boolean available = true;
        Runnable onFailure;

        @Override
        public boolean available() {
            return available;
        }

        @Override
        public String problem() {
            return available ? "" : "broken";
        }

        @Override
        public void play() {
            calls.add("play");
        }

        @Override
        public void pause() {
            calls.add("pause");
        }

        @Override
        public void seek(long ms) {
            calls.add("seek " + ms);
            position = ms;
        }

        @Override
        public void setRate(double rate) {
            calls.add("rate " + rate);
        }

        @Override
        public long positionMs() {
            return position;
        }

        @Override
        public void dispose() {
            calls.add("dispose");
        }
    }
}
