package dev.switchboard.city.engine.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.city.model.Recommendation;
import org.junit.jupiter.api.Test;

/** Same seed and same trainee actions at the same ticks ⇒ identical snapshots. */
class DeterminismTest {

    @Test
    void equalSeedsGiveEqualRunsAndOtherSeedsDiffer() {
        CityRunResult a = CityRun.run(CityRun.Options.of(42, 400, 5_000, "gang-violence"));
        CityRunResult b = CityRun.run(CityRun.Options.of(42, 400, 5_000, "gang-violence"));
        CityRunResult c = CityRun.run(CityRun.Options.of(43, 400, 5_000, "gang-violence"));

        assertThat(a.digest()).isEqualTo(b.digest()).isNotEqualTo(c.digest());
        assertThat(a.counts()).isEqualTo(b.counts());
        assertThat(a.totals()).isEqualTo(b.totals());
        assertThat(a.outcomes()).isEqualTo(b.outcomes());
    }

    @Test
    void theTraineesActionsAtTheSameTicksReplayExactly() {
        assertThat(session(7)).isEqualTo(session(7));
        assertThat(session(7)).isNotEqualTo(session(8));
    }

    /** A session in which the trainee accepts every other recommendation and rejects the rest, tick by tick. */
    private static String session(long seed) {
        SnapshotDigest digest = new SnapshotDigest();
        SimulationConfig config = SimulationConfig.defaults().withEventsPerTick(2_000)
                .withSensorIncidents(0.9, 0.8, 2, 120_000);
        try (SimFixture f = new SimFixture(seed, config)) {
            f.sim.startScenario(Scenarios.byName("expressway-pileup").orElseThrow());
            boolean accept = true;
            for (int t = 0; t < 900; t++) {
                for (Recommendation r : f.last.recommendations()) {
                    if (accept) {
                        f.sim.accept(r.id());
                    } else {
                        f.sim.reject(r.id(), "testing");
                    }
                    accept = !accept;
                }
                digest.add(f.tick());
            }
            assertThat(f.sim.totals().dispatches()).isPositive();
        }
        return digest.hex();
    }
}
