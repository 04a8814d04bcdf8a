package dev.switchboard.city.engine.pack.tiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.switchboard.core.error.InputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MbTilesTest {

    /** A PNG signature and an IHDR of 256×256: enough for the tile check, which reads headers only. */
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13, 'I', 'H', 'D', 'R',
        0, 0, 1, 0, 0, 0, 1, 0, 8, 6, 0, 0, 0};

    @TempDir
    Path dir;

    @Test
    void roundTripFlipsRowsToTms() throws Exception {
        Path file = dir.resolve("base.mbtiles");
        try (MbTilesWriter writer = MbTilesWriter.create(file,
                Map.of("name", "test", "format", "png", "minzoom", "2", "maxzoom", "3"))) {
            writer.put(3, 5, 1, PNG);
            writer.put(2, 0, 0, PNG.clone());
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT tile_row FROM tiles WHERE zoom_level = 3")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(1)).isEqualTo(6);
        }
        try (MbTiles tiles = MbTiles.open(file)) {
            assertThat(tiles.tile(3, 5, 1)).hasValue(PNG);
            assertThat(tiles.tile(3, 5, 6)).isEmpty();
            assertThat(tiles.tile(2, 0, 0)).isPresent();
            assertThat(tiles.tile(2, 0, 3)).isEmpty();
            assertThat(tiles.tile(3, 99, 0)).isEmpty();
            assertThat(tiles.format()).isEqualTo("png");
            assertThat(tiles.metadata()).containsEntry("name", "test");
            assertThat(tiles.minZoom()).contains(2);
            assertThat(tiles.maxZoom()).contains(3);
            assertThat(tiles.cacheKey()).startsWith("mbtiles-base.mbtiles-");
        }
    }

    @Test
    void formatIsSniffedWhenMetadataLacksIt() throws Exception {
        Path file = dir.resolve("nofmt.mbtiles");
        try (MbTilesWriter writer = MbTilesWriter.create(file, Map.of("name", "x"))) {
            // A JPEG signature and a start-of-frame of 256×256.
            writer.put(1, 1, 1, new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xc0, 0, 17, 8, 1, 0, 1, 0,
                3});
        }
        try (MbTiles tiles = MbTiles.open(file)) {
            assertThat(tiles.format()).isEqualTo("jpg");
        }
    }

    @Test
    void rejectsFilesThatAreNotRasterMbTiles() throws Exception {
        Path missing = dir.resolve("missing.mbtiles");
        InputException e = catchThrowableOfType(InputException.class, () -> MbTiles.open(missing));
        assertThat(e.file()).isEqualTo(missing);
        assertThat(Files.exists(missing)).isFalse();

        Path text = dir.resolve("text.mbtiles");
        Files.writeString(text, "this is not a database, just some text that is long enough to look like one");
        e = catchThrowableOfType(InputException.class, () -> MbTiles.open(text));
        assertThat(e.file()).isEqualTo(text);
        assertThat(e.getMessage()).contains("text.mbtiles");

        Path noTiles = dir.resolve("empty.mbtiles");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + noTiles);
             Statement st = c.createStatement()) {
            st.executeUpdate("CREATE TABLE metadata (name TEXT, value TEXT)");
        }
        e = catchThrowableOfType(InputException.class, () -> MbTiles.open(noTiles));
        assertThat(e.field()).isEqualTo("tiles");
        assertThat(e.getMessage()).contains("empty.mbtiles");

        Path vector = dir.resolve("vector.mbtiles");
        try (MbTilesWriter writer = MbTilesWriter.create(vector, Map.of("format", "pbf"))) {
            writer.put(0, 0, 0, new byte[] {1});
        }
        e = catchThrowableOfType(InputException.class, () -> MbTiles.open(vector));
        assertThat(e.field()).isEqualTo("metadata.format");
        assertThat(e.getMessage()).contains("vector.mbtiles").contains("pbf");
    }
}
