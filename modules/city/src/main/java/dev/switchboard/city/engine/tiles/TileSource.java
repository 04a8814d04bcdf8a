package dev.switchboard.city.engine.tiles;

import java.util.Optional;

/** Where map tiles come from: drawn from a city pack, or read from an imported MBTiles file. Thread-safe. */
public interface TileSource {

    /**
     * Identifies the tiles this source gives, for caching: it changes whenever the tiles would change
     * (another pack, pack content, palette or file). Safe for use as a folder name.
     */
    String cacheKey();

    /** The 256-pixel PNG or JPEG image of XYZ tile {@code zoom/x/y}, or empty when the source has none. */
    Optional<byte[]> tile(int zoom, int x, int y);
}
