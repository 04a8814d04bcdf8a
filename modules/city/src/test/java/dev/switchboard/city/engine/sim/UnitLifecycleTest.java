package dev.switchboard.city.engine.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.places.Base;
import dev.switchboard.places.BaseType;
import dev.switchboard.city.model.UnitState;
import dev.switchboard.city.model.UnitType;
import dev.switchboard.core.geo.LatLon;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class UnitLifecycleTest {

    private static final Base BASE = new Base("b", BaseType.POLICE, "chiyoda", "Base", new LatLon(35.69, 139.75));

    @Test
    void theMainLineAndItsTwoDetoursAreTheOnlyTransitions() {
        assertThat(UnitLifecycle.next(UnitState.IDLE)).containsExactly(UnitState.DISPATCHED);
        assertThat(UnitLifecycle.next(UnitState.DISPATCHED))
                .containsExactlyInAnyOrder(UnitState.EN_ROUTE, UnitState.RETURNING);
        assertThat(UnitLifecycle.next(UnitState.EN_ROUTE))
                .containsExactlyInAnyOrder(UnitState.ON_SCENE, UnitState.RETURNING);
        assertThat(UnitLifecycle.next(UnitState.ON_SCENE)).containsExactly(UnitState.RETURNING);
        assertThat(UnitLifecycle.next(UnitState.RETURNING))
                .containsExactlyInAnyOrder(UnitState.IDLE, UnitState.DISPATCHED);
    }

    @Test
    void anIllegalTransitionIsRefusedAndChangesNothing() {
        Unit unit = new Unit("POLICE-01", UnitType.POLICE, BASE);
        for (UnitState to : EnumSet.complementOf(EnumSet.of(UnitState.DISPATCHED))) {
            assertThatThrownBy(() -> unit.transition(to, 1000))
                    .isInstanceOf(IllegalTransitionException.class)
                    .hasMessageContaining("POLICE-01").hasMessageContaining("IDLE");
            assertThat(unit.state()).isEqualTo(UnitState.IDLE);
        }
        assertThat(unit.transition(UnitState.DISPATCHED, 2000)).isEqualTo(UnitState.IDLE);
        assertThat(unit.state()).isEqualTo(UnitState.DISPATCHED);
        assertThat(unit.stateSinceMillis()).isEqualTo(2000);
        assertThatThrownBy(() -> unit.transition(UnitState.ON_SCENE, 3000))
                .isInstanceOf(IllegalTransitionException.class);
    }

    @Test
    void aUnitWithAPatientAboardIsNotAvailable() {
        Unit unit = new Unit("AMBULANCE-01", UnitType.AMBULANCE, BASE);
        assertThat(unit.available()).isTrue();
        unit.transition(UnitState.DISPATCHED, 0);
        assertThat(unit.available()).isFalse();
        unit.transition(UnitState.RETURNING, 0);
        assertThat(unit.available()).isTrue();
        unit.patientOf = "INC-0001";
        assertThat(unit.available()).isFalse();
        assertThat(unit.view().incidentId()).isEqualTo("INC-0001");
    }
}
