package dev.switchboard.review.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.switchboard.calltaking.model.CallLog;
import dev.switchboard.review.model.RecordedSession;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MapReplayTest {

    @TempDir
    Path temp;

    @Test
    void replayOfARecordedSessionReproducesEveryLoggedUnitPosition() throws Exception {
        try (Fixture f = new Fixture(temp).withCalls()) {
            RecordedSession s = f.as(Fixture.SUPERVISOR).open(Fixture.CALL_A);
            MapReplay replay = new MapReplay(s.unitFixes(), s.incidents());
            for (CallLog.UnitUpdate logged : Fixture.UNIT_UPDATES) {
                MapReplay.UnitPosition at = replay.unitsAt(logged.atMs()).stream()
                        .filter(p -> p.unitId().equals(logged.unitId())).findFirst().orElseThrow();
                assertThat(at.lat()).isEqualTo(logged.lat());
                assertThat(at.lon()).isEqualTo(logged.lon());
                assertThat(at.state()).isEqualTo(logged.state());
            }
            assertThat(replay.incidentsAt(6_799)).isEmpty();
            assertThat(replay.incidentsAt(6_800)).singleElement()
                    .satisfies(i -> assertThat(i.lat()).isEqualTo(35.695));
        }
    }

    @Test
    void betweenFixesAUnitMovesInAStraightLineAndBeforeItsFirstFixItIsNotShown() {
        MapReplay replay = new MapReplay(new Fixture.Fixes().list(), List.of());
        assertThat(replay.unitsAt(7_999)).extracting(MapReplay.UnitPosition::unitId).containsExactly("F-1");
        MapReplay.UnitPosition mid = replay.unitsAt(8_000).get(0);
        assertThat(mid.lat()).isCloseTo(35.691, within(1e-9));
        assertThat(mid.lon()).isCloseTo(139.692, within(1e-9));
        assertThat(replay.unitsAt(60_000)).extracting(MapReplay.UnitPosition::lat).containsExactly(35.694, 35.688);
        assertThat(replay.unitsAt(6_999)).isEmpty();
    }

    @Test
    void theExtentCoversEveryFix() {
        MapReplay.Extent e = new MapReplay(new Fixture.Fixes().list(), List.of()).extent();
        assertThat(e.minLat()).isEqualTo(35.680);
        assertThat(e.maxLon()).isEqualTo(139.710);
        assertThat(new MapReplay(List.of(), List.of()).extent().isEmpty()).isTrue();
    }
}
