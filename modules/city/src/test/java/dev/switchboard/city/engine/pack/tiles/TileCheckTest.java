package dev.switchboard.city.engine.pack.tiles;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.city.engine.pack.CityPacks;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 11: basemap import accepted random-byte tiles, a 60 MB tile and a 20000×20000 PNG. */
class TileCheckTest {

    @TempDir
    Path tmp;

    @Test
    void randomBytesAHugeTileAndAHugeImageAreRefusedAndARealTilePasses() {
        byte[] real = new TileRenderer(CityPacks.tokyo()).renderPng(10, 909, 403);
        assertThat(TileCheck.problem(real)).isEmpty();

        byte[] random = new byte[4096];
        new Random(1).nextBytes(random);
        assertThat(TileCheck.problem(random)).contains("not a PNG or JPEG image");

        byte[] sixtyMegabytes = new byte[60 * 1024 * 1024];
        System.arraycopy(real, 0, sixtyMegabytes, 0, real.length);
        assertThat(TileCheck.problem(sixtyMegabytes)).contains("larger than 1024 KB");

        byte[] giant = real.clone();
        ByteBuffer.wrap(giant).putInt(16, 20_000).putInt(20, 20_000);
        assertThat(TileCheck.problem(giant)).contains("wider or taller than 1024 px");
    }

    @Test
    void anMbTilesFileIsCheckedTileByTileAndBadTilesAreNeverServed() throws Exception {
        Path file = tmp.resolve("mixed.mbtiles");
        byte[] real = new TileRenderer(CityPacks.tokyo()).renderPng(10, 909, 403);
        byte[] random = new byte[2048];
        new Random(2).nextBytes(random);
        try (MbTilesWriter writer = MbTilesWriter.create(file, Map.of("name", "mixed", "format", "png"))) {
            writer.put(10, 909, 403, real);
            writer.put(10, 909, 404, random);
        }
        try (MbTiles tiles = MbTiles.open(file)) {
            MbTiles.Check check = tiles.checkTiles();
            assertThat(check.tiles()).isEqualTo(2);
            assertThat(check.good()).isEqualTo(1);
            assertThat(check.describe()).isEqualTo("2 tiles: 1 good, 1 not a PNG or JPEG image");
            assertThat(tiles.tile(10, 909, 403)).isPresent();
            assertThat(tiles.tile(10, 909, 404)).isEmpty();
        }
    }
}
