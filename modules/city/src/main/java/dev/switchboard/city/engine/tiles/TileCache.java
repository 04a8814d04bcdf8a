package dev.switchboard.city.engine.tiles;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps map tiles in memory (least recently used first out) and on disk under
 * {@code folder/<source cache key>/<z>/<x>/<y>.tile}, so a tile is drawn or read once per pack version.
 * Thread-safe. A disk problem is logged and the tile is served from memory or fetched again: the map never
 * fails because of the cache.
 */
public final class TileCache {

    private static final Logger LOG = LoggerFactory.getLogger(TileCache.class);

    private final Path folder;
    private final int memoryTiles;
    private final Map<String, byte[]> memory;
    private long hits;
    private long misses;

    /**
     * @param folder where tiles are stored on disk, or {@code null} for memory only
     * @param memoryTiles how many tiles to keep in memory (a 256-pixel PNG is typically 5–40 KB)
     */
    public TileCache(Path folder, int memoryTiles) {
        if (memoryTiles < 1) {
            throw new IllegalArgumentException("memoryTiles must be at least 1, was " + memoryTiles);
        }
        this.folder = folder;
        this.memoryTiles = memoryTiles;
        this.memory = new LinkedHashMap<>(Math.min(memoryTiles, 4096) * 2, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, byte[]> eldest) {
                return size() > TileCache.this.memoryTiles;
            }
        };
    }

    /** {@code source} with this cache in front of it. */
    public TileSource cached(TileSource source) {
        return new TileSource() {
            @Override
            public String cacheKey() {
                return source.cacheKey();
            }

            @Override
            public Optional<byte[]> tile(int zoom, int x, int y) {
                return get(source, zoom, x, y);
            }
        };
    }

    /** The tile from memory, else from disk, else from {@code source} (then stored in both). */
    public Optional<byte[]> get(TileSource source, int zoom, int x, int y) {
        String key = source.cacheKey() + "/" + zoom + "/" + x + "/" + y;
        synchronized (memory) {
            byte[] hit = memory.get(key);
            if (hit != null) {
                hits++;
                return Optional.of(hit);
            }
            misses++;
        }
        Path file = folder == null ? null : folder.resolve(safe(source.cacheKey()))
                .resolve(Integer.toString(zoom)).resolve(Integer.toString(x)).resolve(y + ".tile");
        byte[] bytes = file == null ? null : readDisk(file);
        if (bytes == null) {
            Optional<byte[]> fetched = source.tile(zoom, x, y);
            if (fetched.isEmpty()) {
                return fetched;
            }
            bytes = fetched.get();
            if (file != null) {
                writeDisk(file, bytes);
            }
        }
        synchronized (memory) {
            memory.put(key, bytes);
        }
        return Optional.of(bytes);
    }

    /** Tiles served from memory since start. */
    public long hits() {
        synchronized (memory) {
            return hits;
        }
    }

    /** Tiles that were not in memory since start. */
    public long misses() {
        synchronized (memory) {
            return misses;
        }
    }

    /** Forgets the tiles held in memory; the disk copy stays. */
    public void clearMemory() {
        synchronized (memory) {
            memory.clear();
        }
    }

    private static byte[] readDisk(Path file) {
        try {
            return Files.isRegularFile(file) ? Files.readAllBytes(file) : null;
        } catch (IOException e) {
            LOG.warn("Cannot read cached tile {}: {}", file, e.toString());
            return null;
        }
    }

    private static void writeDisk(Path file, byte[] bytes) {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), "tile", ".tmp");
            Files.write(tmp, bytes);
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            LOG.warn("Cannot write cached tile {}: {}", file, e.toString());
        }
    }

    /** A cache key as one safe folder name. */
    private static String safe(String key) {
        return key.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
