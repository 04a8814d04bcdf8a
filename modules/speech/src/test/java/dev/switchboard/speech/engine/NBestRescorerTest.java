package dev.switchboard.speech.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.speech.Transcription;
import dev.switchboard.speech.WordTiming;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NBestRescorerTest {

    private static final DomainLanguageModel LM = DomainLanguageModel.train(List.of("Is he breathing?",
            "Is she breathing?", "Is the baby breathing?", "He has a knife.", "Is he bleeding?"), 152_217);
    private static final NBestRescorer RESCORER = new NBestRescorer(LM, 0.5, 1.0);

    @Test
    void theDomainModelTurnsACloseCallTowardsDispatchWording() {
        NBestRescorer.Alternative misheard = alternative(-100.0, "is", "he", "for", "a", "thing");
        NBestRescorer.Alternative said = alternative(-101.5, "is", "he", "breathing");
        Transcription heard = RESCORER.best(List.of(misheard, said));
        assertThat(heard.text()).isEqualTo("is he breathing");
        assertThat(heard.words()).extracting(WordTiming::word).containsExactly("is", "he", "breathing");
        // "is" and "he" are in both alternatives, so they are surer than "breathing".
        assertThat(heard.words().get(0).confidence()).isEqualTo(1.0);
        assertThat(heard.words().get(2).confidence()).isBetween(0.5, 1.0).isLessThan(1.0);
    }

    @Test
    void clearAcousticEvidenceStillWins() {
        NBestRescorer.Alternative said = alternative(-100.0, "the", "dog", "barked");
        NBestRescorer.Alternative domainLike = alternative(-130.0, "he", "has", "a", "knife");
        assertThat(RESCORER.best(List.of(said, domainLike)).text()).isEqualTo("the dog barked");
        assertThat(RESCORER.best(List.of()).isEmpty()).isTrue();
    }

    @Test
    void weightZeroKeepsTheRecognisersOrder() {
        NBestRescorer plain = new NBestRescorer(LM, 0, 0);
        NBestRescorer.Alternative first = alternative(-50.0, "is", "she", "pleading");
        NBestRescorer.Alternative second = alternative(-50.5, "is", "she", "breathing");
        assertThat(plain.best(List.of(second, first)).text()).isEqualTo("is she pleading");
        assertThat(RESCORER.best(List.of(second, first)).text()).isEqualTo("is she breathing");
    }

    private static NBestRescorer.Alternative alternative(double score, String... words) {
        List<WordTiming> timed = new ArrayList<>();
        long at = 0;
        for (String w : words) {
            timed.add(new WordTiming(w, at, at + 200, 1.0));
            at += 200;
        }
        return new NBestRescorer.Alternative(timed, score);
    }
}
