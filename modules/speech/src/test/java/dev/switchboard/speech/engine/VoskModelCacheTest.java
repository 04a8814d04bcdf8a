package dev.switchboard.speech.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
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
}
