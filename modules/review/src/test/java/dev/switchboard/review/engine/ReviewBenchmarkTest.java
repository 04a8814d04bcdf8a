package dev.switchboard.review.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The benchmark runs end to end on small data and reports every figure; no timing is asserted. */
class ReviewBenchmarkTest {

    @TempDir
    Path temp;

    @Test
    void runsAndReportsEveryFigure() throws Exception {
        ReviewBenchmark.Result r = ReviewBenchmark.run(temp, 2, 8000, 50);
        assertThat(r.callEntries()).isGreaterThan(100);
        assertThat(r.sessions()).isEqualTo(51);
        assertThat(r.listMedianMs()).hasSize(7);
        assertThat(r.describe()).contains("open a 2-minute call").contains("seek").contains("search transcript");
    }
}
