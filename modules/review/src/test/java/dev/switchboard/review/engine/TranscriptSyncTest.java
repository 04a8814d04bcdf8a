package dev.switchboard.review.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.calltaking.model.CallLog;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class TranscriptSyncTest {

    private final TranscriptSync sync = new TranscriptSync(Fixture.UTTERANCES, 12_000);

    @Test
    void beforeTheFirstUtteranceNothingIsHighlighted() {
        assertThat(sync.indexAt(0)).isEqualTo(-1);
        assertThat(sync.indexAt(999)).isEqualTo(-1);
    }

    @Test
    void theUtteranceThatStartedLastIsHighlightedFromItsFirstMillisecond() {
        assertThat(sync.indexAt(1_000)).isZero();
        assertThat(sync.indexAt(2_999)).isZero();
        assertThat(sync.indexAt(3_500)).isEqualTo(1);
        assertThat(sync.indexAt(8_199)).isEqualTo(2);
        assertThat(sync.indexAt(8_200)).isEqualTo(3);
        assertThat(sync.indexAt(60_000)).isEqualTo(3);
    }

    @Test
    void inASilenceTheLastLineStaysHighlightedButNobodyIsSpeaking() {
        assertThat(sync.indexAt(3_200)).isZero();
        assertThat(sync.speakingAt(3_200)).isEqualTo(-1);
        assertThat(sync.speakingAt(2_000)).isZero();
    }

    @Test
    void clickingAnUtteranceSeeksToItsStartAndTheSyncAgreesAfterTheSeek() {
        for (int i = 0; i < sync.utterances().size(); i++) {
            long target = sync.seekTo(i);
            assertThat(target).isEqualTo(Fixture.UTTERANCES.get(i).startMs());
            assertThat(sync.indexAt(target)).isEqualTo(i);
        }
        assertThatThrownBy(() -> sync.seekTo(4)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void seeksStayInsideTheRecording() {
        assertThat(sync.clamp(-5)).isZero();
        assertThat(sync.clamp(99_000)).isEqualTo(12_000);
        TranscriptSync late = new TranscriptSync(List.of(Fixture.utterance(1, "caller", "late", 15_000, 16_000)),
                12_000);
        assertThat(late.seekTo(0)).isEqualTo(12_000);
    }

    @Test
    void unsortedAndOverlappingSpeechIsOrderedByStart() {
        List<CallLog.Utterance> list = new ArrayList<>(Fixture.UTTERANCES);
        list.add(Fixture.utterance(5, "trainee", "overlaps the caller", 9_000, 10_000));
        Collections.reverse(list);
        TranscriptSync s = new TranscriptSync(list, 12_000);
        assertThat(s.utterances()).extracting(CallLog.Utterance::seq).containsExactly(1, 2, 3, 4, 5);
        assertThat(s.indexAt(9_500)).isEqualTo(4);
    }

    @Test
    void aLongTranscriptIsSearchedNotScanned() {
        List<CallLog.Utterance> many = new ArrayList<>();
        for (int i = 0; i < 100_000; i++) {
            many.add(Fixture.utterance(i + 1, i % 2 == 0 ? "caller" : "trainee", "line " + i, i * 1000L,
                    i * 1000L + 800));
        }
        TranscriptSync s = new TranscriptSync(many, 100_000_000L);
        assertThat(s.indexAt(12_345_678)).isEqualTo(12_345);
        assertThat(s.speakingAt(12_345_900)).isEqualTo(-1);
    }
}
