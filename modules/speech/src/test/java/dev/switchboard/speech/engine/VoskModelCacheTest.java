package dev.switchboard.speech.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VoskModelCacheTest {

    @TempDir
    Path cache;

    @Test
    void extractsOnceWithAMarkerAndRedoesAHalfExtractedCopy() throws Exception {
        assertThat(VoskModelCache.bundled()).isTrue();
        Path model = VoskModelCache.ensureExtracted(cache);
        assertThat(model).isEqualTo(cache.resolve("vosk").resolve("model-en-us-0.3.45"));
        assertThat(model.resolve(VoskModelCache.MARKER)).exists();
        assertThat(model.resolve("am/final.mdl")).hasSize(15_962_575);
        assertThat(model.resolve("graph/HCLr.fst")).exists();
        assertThat(model.resolve("conf/model.conf")).content().contains("--beam=10.0")
                .endsWith(VoskModelCache.DECODER_OPTIONS + "\n");

        // A crash mid-copy in an older layout: files but no marker. It must be replaced, not trusted.
        Files.delete(model.resolve(VoskModelCache.MARKER));
        Files.writeString(model.resolve("am/final.mdl"), "truncated");
        VoskModelCache.ensureExtracted(cache);
        assertThat(model.resolve("am/final.mdl")).hasSize(15_962_575);
        try (var left = Files.list(model.getParent())) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactly("model-en-us-0.3.45");
        }

        // A copy made with other decoder options is redone too.
        Files.writeString(model.resolve(VoskModelCache.MARKER), "0.3.45\n");
        Files.writeString(model.resolve("README"), "old");
        VoskModelCache.ensureExtracted(cache);
        assertThat(model.resolve("README")).content().doesNotContain("old");

        // With the marker present, nothing is copied again.
        Files.writeString(model.resolve("README"), "kept");
        VoskModelCache.ensureExtracted(cache);
        assertThat(model.resolve("README")).hasContent("kept");
    }

    @Test
    void theDispatchModelHasAWiderLatticeAndBoostedDispatchWordsInItsOwnFolder() throws Exception {
        Path plain = VoskModelCache.ensureExtracted(cache, Adaptation.NONE);
        Path dispatch = VoskModelCache.ensureExtracted(cache, Adaptation.DISPATCH);
        assertThat(dispatch.getFileName().toString()).isEqualTo("model-en-us-0.3.45-dispatch");
        // The model's own options come first; Kaldi takes the last value of an option, so the additions win.
        assertThat(dispatch.resolve("conf/model.conf")).content().contains("--frames-per-chunk=9")
                .endsWith("--lattice-beam=6.0\n").doesNotContain("--max-active=0").doesNotContain("--beam=0");
        assertThat(plain.resolve("conf/model.conf")).content().doesNotContain("lattice-beam=6");
        // Same layout and size, other arc costs.
        byte[] before = Files.readAllBytes(plain.resolve("graph/Gr.fst"));
        byte[] after = Files.readAllBytes(dispatch.resolve("graph/Gr.fst"));
        assertThat(after).hasSameSizeAs(before).isNotEqualTo(before);
        assertThat(dispatch.resolve(VoskModelCache.MARKER)).content().contains(
                "lattice-beam=6.00 beam=0.00 max-active=0 boost=2.000/5.000 corpus=");
        // Dispatch words cost less in the first pass, by at most 5 nats; a word dispatchers never say is untouched.
        List<String> probe = List.of("breathing", "knife", "unconscious", "baby", "saxophone", "giraffe");
        Map<String, Float> plainCost = UnigramBoost.unigramCosts(plain.resolve("graph/Gr.fst"), probe);
        Map<String, Float> boostedCost = UnigramBoost.unigramCosts(dispatch.resolve("graph/Gr.fst"), probe);
        assertThat(plainCost).containsOnlyKeys(probe);
        for (String w : List.of("breathing", "knife", "unconscious", "baby")) {
            assertThat(boostedCost.get(w)).as(w).isLessThan(plainCost.get(w) - 1f)
                    .isGreaterThanOrEqualTo(Math.max(0f, plainCost.get(w) - 5.0001f));
        }
        assertThat(boostedCost.get("saxophone")).isEqualTo(plainCost.get("saxophone"));
        assertThat(boostedCost.get("giraffe")).isEqualTo(plainCost.get("giraffe"));
        // A boosted copy is never boosted twice: with its marker in place it is left alone.
        VoskModelCache.ensureExtracted(cache, Adaptation.DISPATCH);
        assertThat(Files.readAllBytes(dispatch.resolve("graph/Gr.fst"))).isEqualTo(after);
    }

    @Test
    void aFileThatIsNotAnNgramFstIsRefusedUntouched() throws Exception {
        Path notNgram = VoskModelCache.ensureExtracted(cache).resolve("graph/HCLr.fst");
        byte[] before = Files.readAllBytes(notNgram);
        assertThatThrownBy(() -> UnigramBoost.apply(notNgram, Map.of("breathing", 10), 1.0, 3.0))
                .isInstanceOf(IOException.class).hasMessageContaining("not an n-gram FST");
        assertThat(Files.readAllBytes(notNgram)).isEqualTo(before);
    }
}
