package dev.switchboard.core.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class GeoTest {

    private static final LatLon SHINJUKU = new LatLon(35.6938, 139.7036);
    private static final LatLon CHIYODA = new LatLon(35.6940, 139.7536);

    @Test
    void distanceBetweenWardCentresMatchesTheMap() {
        // Shinjuku and Chiyoda ward offices are about 4.5 km apart east-west.
        assertThat(SHINJUKU.distanceMeters(CHIYODA)).isCloseTo(4520, within(30.0));
        assertThat(SHINJUKU.distanceMeters(SHINJUKU)).isZero();
    }

    @Test
    void bearingEastIsNinetyDegrees() {
        assertThat(SHINJUKU.bearingDegrees(CHIYODA)).isCloseTo(90, within(0.5));
        assertThat(CHIYODA.bearingDegrees(SHINJUKU)).isCloseTo(270, within(0.5));
    }

    @Test
    void invalidCoordinatesAreRefusedWithTheValue() {
        assertThatThrownBy(() -> new LatLon(91, 0)).hasMessageContaining("91");
        assertThatThrownBy(() -> new LatLon(0, 181)).hasMessageContaining("181");
        assertThatThrownBy(() -> new LatLon(Double.NaN, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void pixelRoundTripIsExact() {
        for (int zoom = 0; zoom <= 18; zoom += 3) {
            WebMercator.Pixel px = WebMercator.toPixel(SHINJUKU, zoom);
            LatLon back = WebMercator.fromPixel(px.x(), px.y(), zoom);
            assertThat(back.lat()).isCloseTo(SHINJUKU.lat(), within(1e-9));
            assertThat(back.lon()).isCloseTo(SHINJUKU.lon(), within(1e-9));
        }
    }

    @Test
    void tokyoTileMatchesTheSlippyMapScheme() {
        // Tokyo Station at zoom 10 is tile 10/909/403 in the OpenStreetMap scheme.
        WebMercator.Tile tile = WebMercator.tileOf(new LatLon(35.6812, 139.7671), 10);
        assertThat(tile).isEqualTo(new WebMercator.Tile(10, 909, 403));
        assertThat(tile.tmsRow()).isEqualTo(1023 - 403);
        LatLon corner = WebMercator.northWest(tile);
        assertThat(corner.lat()).isGreaterThan(35.6812);
        assertThat(corner.lon()).isLessThan(139.7671);
    }

    @Test
    void worldEdgesClampAndTilesOutsideTheZoomAreRefused() {
        assertThat(WebMercator.toPixel(new LatLon(90, 0), 0).y()).isCloseTo(0, within(1e-6));
        assertThatThrownBy(() -> new WebMercator.Tile(2, 4, 0)).hasMessageContaining("outside zoom 2");
    }

    @Test
    void metersPerPixelAtTheEquatorAndZoomZero() {
        assertThat(WebMercator.metersPerPixel(0, 0)).isCloseTo(156_543.03, within(0.01));
    }

    @Test
    void interpolateIsLinear() {
        LatLon mid = SHINJUKU.interpolate(CHIYODA, 0.5);
        assertThat(mid.lon()).isCloseTo((SHINJUKU.lon() + CHIYODA.lon()) / 2, within(1e-12));
    }
}
