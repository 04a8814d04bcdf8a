package dev.switchboard.speech.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The held-out sentences stay frozen and stay out of what the recogniser's language model learns from. */
class HeldOutSetTest {

    /** SHA-256 of heldout-sentences.txt as frozen before any model or weight existed. Never update it. */
    private static final String FROZEN = "2c4dcf04501789f2af64e218c49b791a3875844a3d0967e642b41ffc9f36c3c1";

    private static final List<String> HELD_OUT = DispatchCorpus.lines(DispatchCorpus.HELD_OUT);
    private static final List<String> CORPUS = DispatchCorpus.bundled();
    private static final DomainLanguageModel LM = DomainLanguageModel.train(CORPUS, 152_217);

    @Test
    void theHeldOutFileIsTheOneThatWasFrozen() throws Exception {
        try (InputStream in = DispatchCorpus.class.getResourceAsStream(DispatchCorpus.HELD_OUT)) {
            byte[] sha = MessageDigest.getInstance("SHA-256").digest(in.readAllBytes());
            assertThat(HexFormat.of().formatHex(sha)).isEqualTo(FROZEN);
        }
        assertThat(HELD_OUT).hasSize(60);
        for (String keyword : SpeechAccuracy.SAFETY_KEYWORDS) {
            long said = HELD_OUT.stream().mapToLong(s -> Collections.frequency(DomainLanguageModel.tokens(s), keyword))
                    .sum();
            assertThat(said).as(keyword).isGreaterThanOrEqualTo(5);
        }
    }

    @Test
    void noHeldOutOrTuningSentenceIsInTheLanguageModelsCorpus() {
        Set<List<String>> corpus = CORPUS.stream().map(DomainLanguageModel::tokens).collect(Collectors.toSet());
        for (String s : HELD_OUT) {
            assertThat(corpus).as("held-out: %s", s).doesNotContain(DomainLanguageModel.tokens(s));
        }
        for (String s : DispatchCorpus.lines(DispatchCorpus.TUNING)) {
            assertThat(corpus).as("tuning: %s", s).doesNotContain(DomainLanguageModel.tokens(s));
        }
    }

    @Test
    void noCorpusSentenceIsCloseToAHeldOutOrTuningSentence() {
        List<List<String>> measured = new ArrayList<>();
        HELD_OUT.forEach(s -> measured.add(DomainLanguageModel.tokens(s)));
        DispatchCorpus.lines(DispatchCorpus.TUNING).forEach(s -> measured.add(DomainLanguageModel.tokens(s)));
        // The phrase file itself is clean; the scenario library is not this module's, so what it holds is filtered.
        List<String> written = DispatchCorpus.lines(DispatchCorpus.PHRASES);
        for (String line : written) {
            // Only the corpus line is named, so a failure does not show anyone the held-out sentence.
            assertThat(measured.stream().anyMatch(m -> DispatchCorpus.close(DomainLanguageModel.tokens(line), m)))
                    .as("the phrase corpus line '%s' is equal or close to a held-out or tuning sentence", line)
                    .isFalse();
        }
        for (String line : CORPUS) {
            assertThat(measured.stream().anyMatch(m -> DispatchCorpus.close(DomainLanguageModel.tokens(line), m)))
                    .as("the corpus keeps '%s', close to a held-out or tuning sentence", line).isFalse();
        }
        assertThat(CORPUS).containsAll(written);
    }

    @Test
    void closeMeansAFewWordEditsNotASharedPhrase() {
        List<String> measured = DomainLanguageModel.tokens("Is there smoke coming out of the car now?");
        assertThat(DispatchCorpus.close(DomainLanguageModel.tokens("is there smoke coming out of the car now"),
                measured)).isTrue();
        assertThat(DispatchCorpus.close(DomainLanguageModel.tokens("Is there smoke coming out of the van now?"),
                measured)).isTrue();
        assertThat(DispatchCorpus.close(DomainLanguageModel.tokens("Is there smoke coming from the van?"),
                measured)).as("three edits in nine words").isFalse();
        assertThat(DispatchCorpus.close(DomainLanguageModel.tokens("Is there smoke?"), measured)).isFalse();
        assertThat(DispatchCorpus.close(List.of(), List.of("yes"))).isTrue();
        assertThat(DispatchCorpus.close(List.of("no"), List.of("yes"))).isTrue();
        assertThat(DispatchCorpus.close(List.of("no", "way", "out"), List.of("yes"))).isFalse();
    }

    @Test
    void heldOutWordSequencesAreMostlyNewToTheModel() {
        int trigrams = 0;
        int unseen = 0;
        for (String s : HELD_OUT) {
            List<String> w = new ArrayList<>(DomainLanguageModel.tokens(s));
            int unseenHere = 0;
            for (int i = 2; i < w.size(); i++) {
                trigrams++;
                if (!LM.contains(w.subList(i - 2, i + 1))) {
                    unseen++;
                    unseenHere++;
                }
            }
            assertThat(unseenHere).as("a word sequence the model has not seen in: %s", s).isPositive();
        }
        double share = (double) unseen / trigrams;
        System.out.printf("held-out trigrams the dispatch model never saw: %d of %d (%.0f %%)%n", unseen, trigrams,
                share * 100);
        assertThat(share).isGreaterThanOrEqualTo(0.6);
    }

    @Test
    void theCorpusHoldsTheScenarioLibrary() throws IOException {
        assertThat(CORPUS).hasSizeGreaterThan(1000)
                .contains("Is the baby breathing, can she cry or cough?")
                .anySatisfy(s -> assertThat(s).contains("Shakujii"))
                .noneSatisfy(s -> assertThat(s).contains("MED-CHOKING"));
        assertThat(LM.corpusVocabulary()).isGreaterThan(1000);
    }
}
