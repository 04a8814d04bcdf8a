package dev.switchboard.city.engine.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class CityRunTest {

    @Test
    void aRunReportsCountsLatenciesAndDispatchOutcomes() throws Exception {
        CityRunResult r = CityRun.run(CityRun.Options.of(3, 600, 5_000, "expressway-pileup"));

        assertThat(r.counts().generated()).isGreaterThanOrEqualTo(600L * 5_000);
        assertThat(r.counts().passedFilter()).isLessThan(r.counts().generated());
        assertThat(r.counts().topK()).isPositive().isLessThanOrEqualTo(600L * 200);
        assertThat(r.latencies()).extracting(CityRunResult.StageLatency::stage)
                .containsExactly("generate", "filter", "score", "topK", "commands", "incidents", "coordinator",
                        "units", "snapshot", "tick");
        CityRunResult.StageLatency tick = r.latency("tick");
        assertThat(tick.sumMillis()).isPositive();
        assertThat(tick.p99Millis()).isBetween(tick.meanMillis() * 0.0, tick.maxMillis());
        assertThat(r.totals().incidentsCreated()).isGreaterThanOrEqualTo(1);
        assertThat(r.totals().dispatches()).isGreaterThanOrEqualTo(4);
        assertThat(r.totals().meanResponseSeconds()).isPositive();
        assertThat(r.outcomes()).anySatisfy(o -> assertThat(o.title()).isEqualTo("Traffic accident in Minato"));
        assertThat(r.usage().naiveTokens()).isEqualTo(r.counts().generated() * 40);

        JsonNode json = new ObjectMapper().readTree(r.toJson());
        assertThat(json.get("seed").asLong()).isEqualTo(3);
        assertThat(json.get("counts").get("generated").asLong()).isEqualTo(r.counts().generated());
        assertThat(json.get("latencies").get(0).has("p99Millis")).isTrue();
        assertThat(json.get("totals").get("meanResponseSeconds").asDouble()).isPositive();
        assertThat(json.get("digest").asText()).hasSize(64);

        assertThat(r.toText()).contains("seed 3", "top-K", "p99", "mean response", "Traffic accident in Minato",
                r.digest());
    }

    @Test
    void unknownScenariosAreRefusedWithTheKnownNames() {
        assertThatThrownBy(() -> CityRun.Options.of(1, 10, 10, "zombies"))
                .hasMessageContaining("gang-violence").hasMessageContaining("earthquake");
    }
}
