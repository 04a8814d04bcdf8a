package dev.switchboard.city.engine.tiles;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.places.CityPack;
import dev.switchboard.places.CityPacks;
import dev.switchboard.core.geo.LatLon;
import dev.switchboard.core.geo.WebMercator;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.HashSet;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class TileRendererTest {

    private static final CityPack TOKYO = CityPacks.tokyo();
    private static final TileRenderer DARK = new TileRenderer(TOKYO);

    @Test
    void shibuyaAtZoom13IsADetailedPng() throws IOException {
        WebMercator.Tile t = WebMercator.tileOf(new LatLon(35.6640, 139.6982), 13);
        byte[] png = DARK.renderPng(13, t.x(), t.y());
        assertThat(png).startsWith(0x89, 'P', 'N', 'G');
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image.getWidth()).isEqualTo(256);
        assertThat(image.getHeight()).isEqualTo(256);
        assertThat(distinctColours(image)).isGreaterThan(20);
    }

    @Test
    void tilesAtSeaAreUniformWater() throws IOException {
        int water = TilePalette.DARK.water().getRGB() & 0xffffff;
        // Inside the pack, in Tokyo Bay.
        WebMercator.Tile bay = WebMercator.tileOf(new LatLon(35.53, 139.88), 14);
        // Far outside the pack, in the Pacific.
        WebMercator.Tile pacific = WebMercator.tileOf(new LatLon(30.0, 150.0), 10);
        for (WebMercator.Tile t : new WebMercator.Tile[] {bay, pacific}) {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(DARK.renderPng(t.zoom(), t.x(), t.y())));
            assertThat(distinctColours(image)).as(t.toString()).isEqualTo(1);
            assertThat(image.getRGB(128, 128) & 0xffffff).isEqualTo(water);
        }
    }

    @Test
    void lightPaletteDrawsTheSameCityInOtherColoursAndCachesApart() throws IOException {
        TileRenderer light = new TileRenderer(TOKYO, TilePalette.LIGHT);
        WebMercator.Tile t = WebMercator.tileOf(new LatLon(35.6940, 139.7536), 12);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(light.renderPng(12, t.x(), t.y())));
        assertThat(distinctColours(image)).isGreaterThan(20);
        assertThat(light.cacheKey()).isNotEqualTo(DARK.cacheKey()).startsWith("tokyo-");
        assertThat(new TileRenderer(TOKYO).cacheKey()).isEqualTo(DARK.cacheKey());
    }

    @Test
    void lowAndHighZoomsRender() {
        WebMercator.Tile low = WebMercator.tileOf(new LatLon(35.68, 139.75), 9);
        WebMercator.Tile high = WebMercator.tileOf(new LatLon(35.68, 139.75), 18);
        assertThat(DARK.tile(low.zoom(), low.x(), low.y())).isPresent();
        assertThat(DARK.tile(high.zoom(), high.x(), high.y())).isPresent();
    }

    static int distinctColours(BufferedImage image) {
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                colours.add(image.getRGB(x, y));
            }
        }
        return colours.size();
    }
}
