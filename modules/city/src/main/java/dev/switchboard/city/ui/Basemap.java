package dev.switchboard.city.ui;

import dev.switchboard.city.engine.tiles.MbTiles;
import dev.switchboard.city.engine.tiles.TileSource;
import dev.switchboard.store.DataDir;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * An imported raster basemap ({@code <data>/maps/basemap.mbtiles}) shown under the control room's
 * markers instead of the city pack's own drawing; where it has no tile, the pack's tile is used.
 */
public final class Basemap {

    private Basemap() {
    }

    /** Where an imported basemap lives under {@code dataDir}. */
    public static Path file(DataDir dataDir) {
        return dataDir.root().resolve("maps").resolve("basemap.mbtiles");
    }

    /** The imported basemap layered over {@code fallback}, or {@code fallback} when none is imported. */
    public static TileSource over(DataDir dataDir, TileSource fallback) {
        Path file = file(dataDir);
        if (!Files.exists(file)) {
            return fallback;
        }
        MbTiles tiles = MbTiles.open(file);
        return new TileSource() {
            @Override
            public String cacheKey() {
                return tiles.cacheKey() + "+" + fallback.cacheKey();
            }

            @Override
            public Optional<byte[]> tile(int zoom, int x, int y) {
                Optional<byte[]> own = tiles.tile(zoom, x, y);
                return own.isPresent() ? own : fallback.tile(zoom, x, y);
            }
        };
    }
}
