package dev.switchboard.places;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.switchboard.core.geo.LatLon;
import java.util.List;
import org.junit.jupiter.api.Test;

class RouteTest {

    private static final LatLon A = new LatLon(35.0, 139.0);
    private static final LatLon B = new LatLon(35.0, 139.01);
    private static final LatLon C = new LatLon(35.01, 139.01);

    /** East 10 s, then north 30 s. */
    private final Route route = new Route(List.of(A, B, C), 2000, 40, List.of(0.0, 10.0, 40.0));

    @Test
    void positionAtStartMiddleAndEnd() {
        assertThat(route.positionAt(0)).isEqualTo(A);
        assertThat(route.positionAt(-5)).isEqualTo(A);
        LatLon halfEast = route.positionAt(5);
        assertThat(halfEast.lat()).isCloseTo(35.0, within(1e-12));
        assertThat(halfEast.lon()).isCloseTo(139.005, within(1e-9));
        assertThat(route.positionAt(10)).isEqualTo(B);
        LatLon third = route.positionAt(20);
        assertThat(third.lat()).isCloseTo(35.0 + 0.01 / 3, within(1e-9));
        assertThat(route.positionAt(40)).isEqualTo(C);
        assertThat(route.positionAt(1000)).isEqualTo(C);
    }

    @Test
    void headingAtStartMiddleAndEndIsClamped() {
        assertThat(route.headingAt(0)).isCloseTo(90, within(0.1));
        assertThat(route.headingAt(-1)).isCloseTo(90, within(0.1));
        assertThat(route.headingAt(5)).isCloseTo(90, within(0.1));
        assertThat(route.headingAt(20)).isCloseTo(0, within(0.1));
        assertThat(route.headingAt(40)).isCloseTo(0, within(0.1));
        assertThat(route.headingAt(1e9)).isCloseTo(0, within(0.1));
    }

    @Test
    void evenPaceAndStay() {
        Route even = new Route(List.of(A, B, C), 2000, 100);
        assertThat(even.secondsAtPoints().get(0)).isZero();
        assertThat(even.secondsAtPoints().get(2)).isCloseTo(100, within(1e-9));
        Route stay = Route.stay(A);
        assertThat(stay.positionAt(10)).isEqualTo(A);
        assertThat(stay.headingAt(10)).isZero();
        assertThatThrownBy(() -> new Route(List.of(), 0, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void zeroLengthLegsStillHaveAHeading() {
        Route r = CityPacks.tokyo().roads().route(new LatLon(35.6640, 139.6982), new LatLon(35.6940, 139.7536),
                Speeds.POLICE);
        assertThat(r.headingAt(0)).isBetween(0.0, 360.0);
        assertThat(r.headingAt(r.travelSeconds())).isBetween(0.0, 360.0);
        LatLon mid = r.positionAt(r.travelSeconds() / 2);
        assertThat(mid.distanceMeters(r.start())).isPositive();
        assertThat(mid.distanceMeters(r.end())).isPositive();
        // Arrival times never go backwards.
        for (int i = 1; i < r.secondsAtPoints().size(); i++) {
            assertThat(r.secondsAtPoints().get(i)).isGreaterThanOrEqualTo(r.secondsAtPoints().get(i - 1));
        }
    }
}
