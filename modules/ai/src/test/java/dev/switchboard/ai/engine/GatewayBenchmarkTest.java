package dev.switchboard.ai.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The benchmark runs end to end; its figures are read by people, not asserted. */
class GatewayBenchmarkTest {

    @Test
    void runsAndReportsItsFigures() {
        GatewayBenchmark.Result result = GatewayBenchmark.run(200);

        assertThat(result.calls()).isEqualTo(200);
        assertThat(result.p99Micros()).isGreaterThanOrEqualTo(result.p50Micros());
        assertThat(result.summary()).contains("overhead p50", "target");
    }
}
