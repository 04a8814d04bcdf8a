package dev.switchboard.city.engine.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The benchmark runs every case and reports sane figures; no timing is asserted. */
class PipelineBenchmarkTest {

    private static final Districts TOKYO = TokyoWardCentres.districts();

    @Test
    void runsEveryCaseInTurnAndReportsTheSpreadAndTheLoad() {
        List<PipelineBenchmark.Case> cases = List.of(
                new PipelineBenchmark.Case(false, false, DedupRule.SAME_OBSERVATION, 2),
                new PipelineBenchmark.Case(true, true, DedupRule.SAME_OBSERVATION, 1),
                new PipelineBenchmark.Case(false, false, DedupRule.SAME_SOURCE_AND_TYPE, 1));
        List<PipelineBenchmark.Run> heard = new ArrayList<>();

        PipelineBenchmark.Report report = PipelineBenchmark.run(TOKYO,
                new PipelineBenchmark.Options(2_000, 10, 2, 3, 5, cases), heard::add);

        assertThat(report.runs()).hasSize(6);
        assertThat(heard).hasSize(7).startsWith(report.coldStart());
        assertThat(report.runs()).extracting(PipelineBenchmark.Run::benchCase)
                .containsExactly(cases.get(0), cases.get(1), cases.get(2), cases.get(1), cases.get(2), cases.get(0));
        for (PipelineBenchmark.Run r : report.runs()) {
            assertThat(r.filterScoreTopKEventsPerSecond()).isPositive();
            assertThat(r.tickP50Millis()).isPositive().isLessThanOrEqualTo(r.tickP99Millis());
            assertThat(r.tickP99Millis()).isLessThanOrEqualTo(r.tickMaxMillis());
        }
        PipelineBenchmark.Run exact = report.runsOf(cases.get(0)).get(0);
        PipelineBenchmark.Run seedRule = report.runsOf(cases.get(2)).get(0);
        assertThat(exact.passedPerTick()).isBetween(1_800L, 2_000L);
        assertThat(seedRule.duplicatesPerTick()).isGreaterThan(exact.duplicatesPerTick());
        assertThat(report.headline()).isEqualTo(cases.get(0));
        assertThat(report.describe()).contains("min / median / max", "load average", "rush hour · fresh · 1 thread",
                "seed rule · neutral · settled · 1 thread", "headline (neutral · settled · 2 threads)",
                "first control room in this JVM");
    }

    @Test
    void everyCaseOfTheCommandHasTwoThreadVariantsWhereThereAreTwoCores() {
        List<PipelineBenchmark.Case> all = PipelineBenchmark.Options.allCases();

        assertThat(all).hasSize(4 * Math.min(2, Runtime.getRuntime().availableProcessors()));
        assertThat(all).anyMatch(c -> c.fresh() && c.rushHour());
        assertThat(all).anyMatch(c -> c.rule() == DedupRule.SAME_SOURCE_AND_TYPE);
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
