package dev.switchboard.speech.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SentencesTest {

    @Test
    void splitsAtSentenceEndsAndLineBreaksButNotAbbreviations() {
        assertThat(Sentences.split("Help! My husband fell. Dr. Sato lives on Main St. at No. 5?\nHurry"))
                .containsExactly("Help!", "My husband fell.", "Dr. Sato lives on Main St. at No. 5?", "Hurry");
    }

    @Test
    void keepsDecimalsAndDropsEmptyPieces() {
        assertThat(Sentences.split("It is 3.5 km away... ok?  ")).containsExactly("It is 3.5 km away...", "ok?");
        assertThat(Sentences.split(" ... ")).isEmpty();
        assertThat(Sentences.split(null)).isEmpty();
    }

    @Test
    void wordErrorRateCountsEdits() {
        assertThat(WordErrorRate.score("Is anyone injured?", "is anyone injured").errors()).isZero();
        assertThat(WordErrorRate.score("which way did the car go", "which way did the cargo").errors()).isEqualTo(2);
        assertThat(WordErrorRate.score("a b c d", "a x c d e").rate()).isEqualTo(0.5);
    }
}
