package dev.switchboard.calltaking.engine.entities;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Precision and recall per type on the held-out proxy of real calls, clean and with recogniser noise. */
class HeldOutProxyTest {

    private final EntityExtractor extractor = new EntityExtractor(Gazetteer.tokyo());

    @Test
    void printsHeldOutFigures() {
        List<LabelledUtterance> clean = LabelledUtterance.heldOut();
        assertThat(clean).hasSizeGreaterThanOrEqualTo(250);
        print("held-out proxy, clean", EntityEvaluation.evaluate(extractor, clean));
        List<LabelledUtterance> noisy = SpeechNoise.apply(clean);
        print("held-out proxy, noisy", EntityEvaluation.evaluate(extractor, noisy));
    }

    private static void print(String name, EntityEvaluation.Report r) {
        System.out.println("Entity extraction, " + name + ":");
        System.out.print(r.describe());
    }
}
