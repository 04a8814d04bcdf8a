package dev.switchboard.ai.engine.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The benchmark runs end to end on a small scale and measures what it says (no timing is asserted). */
class QueueBenchmarkTest {

    @Test
    void overheadIsMeasuredWithTheClipsStillQueued() throws Exception {
        QueueBenchmark.Overhead o = QueueBenchmark.overhead(200, 20);

        assertThat(o.probes()).isEqualTo(20);
        assertThat(o.queued()).isEqualTo(199); // one clip is on the busy video worker
        for (QueueBenchmark.Spread s : List.of(o.dispatched(), o.received())) {
            assertThat(s.minMicros()).isPositive().isLessThanOrEqualTo(s.medianMicros());
            assertThat(s.medianMicros()).isLessThanOrEqualTo(s.p99Micros());
            assertThat(s.p99Micros()).isLessThanOrEqualTo(s.maxMicros());
        }
        // A job is dispatched before its request can reach the worker.
        assertThat(o.dispatched().medianMicros()).isLessThanOrEqualTo(o.received().medianMicros());
    }

    @Test
    void threeUsersTakeTurns() throws Exception {
        QueueBenchmark.Fairness f = QueueBenchmark.fairness(12, 6, 2);

        assertThat(f.total()).isEqualTo(20);
        assertThat(f.firstWindow()).isEqualTo(Map.of("ann", 2, "bob", 2, "cat", 2));
        assertThat(f.lastPosition().get("cat")).isEqualTo(6);
        assertThat(f.lastPosition().get("ann")).isEqualTo(20);
    }

    @Test
    void aDyingWorkersJobReachesTheSpare() throws Exception {
        List<Duration> times = QueueBenchmark.failover(1);

        assertThat(times).hasSize(1);
        assertThat(times.get(0)).isPositive();
    }
}
