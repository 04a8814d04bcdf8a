package dev.switchboard.city.engine.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The benchmark runs and reports sane figures; no timing is asserted. */
class PipelineBenchmarkTest {

    private static final Districts TOKYO = TokyoWardCentres.districts();

    @Test
    void runReportsThroughputAndTickLatencies() {
        PipelineBenchmark.Result r = PipelineBenchmark.run(TOKYO, 2_000, 20, 3);

        assertThat(r.filterScoreTopKEventsPerSecond()).isPositive();
        assertThat(r.tickP50Millis()).isPositive().isLessThanOrEqualTo(r.tickP99Millis());
        assertThat(r.tickP99Millis()).isLessThanOrEqualTo(r.tickMaxMillis());
        assertThat(r.passedPerTick()).isBetween(1_800L, 2_000L);
        assertThat(r.describe()).contains("filter + score + top-K", "p99");
    }

    @Test
    void soakReportsHeapAndGcPauses() {
        PipelineBenchmark.SoakResult r = PipelineBenchmark.soak(TOKYO, Duration.ofMillis(300), 2_000);

        assertThat(r.ticks()).isPositive();
        assertThat(r.heapStartBytes()).isPositive();
        assertThat(r.heapEndBytes()).isPositive();
        assertThat(r.longestGcPauseMillis()).isNotNegative();
        assertThat(r.describe()).contains("heap after GC", "longest");
    }
}
