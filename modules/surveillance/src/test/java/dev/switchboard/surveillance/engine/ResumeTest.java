package dev.switchboard.surveillance.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A generation cut short (the program closed) resumes where it stopped and ends with the same events. */
class ResumeTest {

    @Test
    void anInterruptedGenerationResumesToTheSameEvents(@TempDir Path a, @TempDir Path b) {
        long full;
        try (Harness whole = new Harness(a)) {
            whole.surveillance.generate(2, 3_000, 9, Harness.NOW, Progress.NONE);
            full = whole.surveillance.store().count();
        }
        try (Harness cut = new Harness(b)) {
            assertThatThrownBy(() -> cut.surveillance.generate(2, 3_000, 9, Harness.NOW, (stage, done, total) -> {
                if (done > 1_000) {
                    throw new IllegalStateException("closed mid-way");
                }
            })).hasMessageContaining("closed mid-way");
            long partial = cut.surveillance.store().count();
            assertThat(partial).isBetween(1_000L, full - 1);
            Surveillance.Generated resumed = cut.surveillance.generateOrResume(7, 150_000, 1, Harness.NOW,
                    Progress.NONE);
            assertThat(resumed.alreadyThere()).isFalse();
            assertThat(cut.surveillance.store().count()).isEqualTo(full);
            assertThat(cut.surveillance.search().indexed()).isEqualTo(full);
            assertThat(cut.surveillance.generateOrResume(7, 150_000, 1, Harness.NOW, Progress.NONE).alreadyThere())
                    .isTrue();
        }
    }
}
