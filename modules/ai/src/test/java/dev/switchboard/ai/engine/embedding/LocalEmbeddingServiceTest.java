package dev.switchboard.ai.engine.embedding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.switchboard.ai.EmbeddingService;
import dev.switchboard.ai.Provenance;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real model, in-process: meaning ranks above wording on a labelled set of dispatch sentences. */
class LocalEmbeddingServiceTest {

    /** Each row: a sentence, one that means the same in other words, and an unrelated one. */
    static final String[][] LABELLED = {
        {"There is a fire in the kitchen of my apartment.", "My flat's kitchen is burning.",
            "I would like to renew my library card."},
        {"My father collapsed and is not breathing.", "Dad fell down and he has stopped breathing.",
            "The train to Yokohama leaves at nine."},
        {"Two cars crashed on the expressway.", "A collision between two vehicles on the highway.",
            "She bought fresh tuna at the market."},
        {"Someone broke into my house.", "A burglar got inside my home.", "The weather is sunny today."},
        {"A child is missing in the park.", "We cannot find our little boy in the park.",
            "The printer is out of paper."},
        {"I smell gas in the building.", "There is a gas leak smell in our block.",
            "My favourite colour is green."},
        {"The man has a knife.", "He is holding a blade.", "We planted tomatoes in the garden."},
        {"The baby is choking.", "My infant can't breathe, something is stuck in her throat.",
            "The concert was sold out."},
        {"The river is flooding the street.", "Water from the river is covering the road.",
            "He plays the violin every evening."},
        {"My grandmother fell down the stairs.", "Grandma had a fall on the staircase.",
            "The cafe sells matcha latte."},
        {"There was an earthquake and a building collapsed.", "A house came down after the quake.",
            "I need to charge my phone."},
        {"Chemicals spilled from a truck.", "A lorry leaked hazardous liquid onto the road.",
            "The museum opens at ten."},
        {"He took too many pills.", "He overdosed on his medication.", "The cat sleeps on the sofa."},
        {"A woman is being attacked.", "Someone is assaulting a lady.", "Our team won the football match."},
        {"Smoke is coming out of the window.", "I can see smoke pouring from the window.",
            "The recipe needs two eggs."},
        {"The driver is trapped inside the car.", "The motorist is stuck in the wrecked vehicle.",
            "I forgot my umbrella at the office."},
        {"My neighbour is threatening to hurt himself.", "The man next door says he wants to end his life.",
            "The bakery closes early on Sundays."},
        {"There is a suspicious bag at the station.", "An unattended package was left on the platform.",
            "They are painting the fence blue."},
        {"The patient is unconscious.", "He is not responding and won't wake up.",
            "We booked a hotel in Kyoto."},
        {"A cyclist was hit by a bus.", "A bus struck a man riding a bicycle.", "The orchestra tuned up."},
        {"The alarm at the warehouse went off.", "The storage building's alarm is ringing.",
            "She knitted a scarf for winter."},
        {"People are fighting outside the bar.", "A brawl broke out in front of the pub.",
            "The library has new novels."},
        {"My husband is having chest pain.", "My partner's chest hurts badly.",
            "The bus timetable changed in April."},
        {"A tree fell on the power line.", "A fallen tree brought down the electric cable.",
            "I prefer green tea to coffee."},
        {"The elevator is stuck with people inside.", "Passengers are trapped in the lift.",
            "The festival has fireworks tonight."},
        {"Someone fired a gun.", "I heard gunshots.", "The dog needs a bath."},
        {"A fire started in the forest.", "The woods are on fire.", "They sell used books downstairs."},
        {"Water is pouring through the ceiling.", "The ceiling is leaking heavily.",
            "The students took a math exam."},
        {"An old man is lost and confused.", "An elderly gentleman is wandering and disoriented.",
            "The shop sells winter coats."},
        {"A pedestrian is bleeding heavily.", "A person on foot has a serious wound and lots of blood.",
            "The planet Mars has two moons."},
        {"There is a car on fire in the parking lot.", "A vehicle is burning in the car park.",
            "Please send me the meeting notes."},
        {"The caller says the suspect ran toward the station.", "The offender fled in the direction of the station.",
            "I am learning to play chess."},
    };

    private static LocalEmbeddingService service;

    @TempDir
    static Path cache;

    @BeforeAll
    static void load() {
        service = new LocalEmbeddingService(cache);
    }

    @AfterAll
    static void close() {
        service.close();
    }

    @Test
    void theLabelledSetHasAtLeastThirtyPairs() {
        assertThat(LABELLED.length).isGreaterThanOrEqualTo(30);
    }

    @Test
    void everyParaphraseRanksAboveItsUnrelatedSentence() {
        List<String> texts = new ArrayList<>();
        for (String[] row : LABELLED) {
            texts.addAll(List.of(row));
        }
        List<float[]> v = service.embed(texts).vectors();
        List<String> wrong = new ArrayList<>();
        for (int i = 0; i < LABELLED.length; i++) {
            float[] anchor = v.get(3 * i);
            double similar = EmbeddingService.cosine(anchor, v.get(3 * i + 1));
            double unrelated = EmbeddingService.cosine(anchor, v.get(3 * i + 2));
            if (similar <= unrelated) {
                wrong.add(LABELLED[i][0] + " (similar " + similar + " <= unrelated " + unrelated + ")");
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void vectorsAreUnitLengthOfTheModelsDimensionAndInOrder() {
        EmbeddingService.Embeddings result = service.embed(List.of("fire in Shibuya", "cardiac arrest in Koto"));
        assertThat(result.vectors()).hasSize(2);
        for (float[] vector : result.vectors()) {
            assertThat(vector).hasSize(service.dimension());
            double norm = 0;
            for (float x : vector) {
                norm += x * x;
            }
            assertThat(Math.sqrt(norm)).isCloseTo(1.0, within(1e-4));
        }
        float[] again = service.embed(List.of("cardiac arrest in Koto")).vectors().get(0);
        assertThat(EmbeddingService.cosine(again, result.vectors().get(1))).isCloseTo(1.0, within(1e-5));
    }

    @Test
    void provenanceSaysInProcessAndNativeCachesStayUnderTheGivenFolder() throws Exception {
        Provenance p = service.embed(List.of("smoke on the third floor")).provenance();
        assertThat(p.provider()).isEqualTo("in-process");
        assertThat(p.model()).isEqualTo(LocalEmbeddingService.MODEL);
        assertThat(service.isReady()).isTrue();
        try (var files = Files.walk(cache.resolve("djl"))) {
            assertThat(files.anyMatch(f -> f.getFileName().toString().startsWith("libtokenizers"))).isTrue();
        }
        // The first model of this JVM placed ONNX Runtime's libraries, and the runtime loaded them from there.
        Path onnx = Path.of(System.getProperty(OnnxRuntimeNative.PATH_PROPERTY));
        assertThat(onnx).startsWith(cache.resolve("onnxruntime"));
        assertThat(onnx.resolve(System.mapLibraryName("onnxruntime"))).isRegularFile();
    }

    @Test
    void emptyTextIsRefusedNamingWhichOne() {
        assertThatThrownBy(() -> service.embed(List.of("fine", " ")))
                .hasMessageContaining("Text 2 of 2 is empty");
        assertThat(service.embed(List.of()).vectors()).isEmpty();
    }
}
