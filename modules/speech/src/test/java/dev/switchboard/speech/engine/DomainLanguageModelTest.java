package dev.switchboard.speech.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class DomainLanguageModelTest {

    private static final List<String> CORPUS = List.of("Is he breathing?", "Is she breathing?", "Is he bleeding?",
            "He is not breathing.", "Is the baby breathing?", "Send an ambulance.", "Is anyone trapped?");

    @Test
    void probabilitiesOfEveryNextWordSumToOne() {
        int vocabulary = 40;
        DomainLanguageModel lm = DomainLanguageModel.train(CORPUS, vocabulary);
        List<String> seen = List.of("is", "he", "she", "breathing", "bleeding", "not", "the", "baby", "send", "an",
                "ambulance", "anyone", "trapped", DomainLanguageModel.EOS);
        for (List<String> history : List.of(List.of("<s>", "is"), List.of("is", "he"), List.of("he", "is"),
                List.of("not", "breathing"), List.of("an", "ambulance"))) {
            double seenMass = 0;
            for (String w : seen) {
                seenMass += lm.prob(history.get(0), history.get(1), w);
            }
            // Every word outside the corpus gets the same share: the rest of the vocabulary.
            double unseenEach = lm.prob(history.get(0), history.get(1), "zebra");
            double unseenWords = vocabulary - (seen.size() - 1);
            assertThat(seenMass + unseenEach * unseenWords).as("mass after %s", history).isCloseTo(1.0, within(0.02));
            assertThat(unseenEach).isPositive();
        }
    }

    @Test
    void dispatchWordingIsMoreLikelyThanWhatTheRecogniserConfusesItWith() {
        DomainLanguageModel lm = DomainLanguageModel.train(CORPUS, 152_217);
        assertThat(lm.logProb(DomainLanguageModel.tokens("is he breathing")))
                .isGreaterThan(lm.logProb(DomainLanguageModel.tokens("is he for a thing")) + 5);
        assertThat(lm.logProb(DomainLanguageModel.tokens("is the baby breathing")))
                .isGreaterThan(lm.logProb(DomainLanguageModel.tokens("is the maybe breathing")));
        // A new combination of known words still beats unknown words.
        assertThat(lm.logProb(DomainLanguageModel.tokens("is she bleeding")))
                .isGreaterThan(lm.logProb(DomainLanguageModel.tokens("is she pleading")));
    }

    @Test
    void tokensAreTheRecognisersWords() {
        assertThat(DomainLanguageModel.tokens("Room 103, Shakujii-machi 2-11-4!"))
                .containsExactly("room", "<num>", "shakujii", "machi", "<num>", "<num>", "<num>");
        assertThat(DomainLanguageModel.tokens("He's NOT breathing.")).containsExactly("he's", "not", "breathing");
        DomainLanguageModel lm = DomainLanguageModel.train(CORPUS, 1000);
        assertThat(lm.contains(List.of("is", "he", "breathing"))).isTrue();
        assertThat(lm.contains(List.of("he", "breathing"))).isTrue();
        assertThat(lm.contains(List.of("she", "bleeding"))).isFalse();
        assertThat(lm.corpusVocabulary()).isEqualTo(14);
    }
}
