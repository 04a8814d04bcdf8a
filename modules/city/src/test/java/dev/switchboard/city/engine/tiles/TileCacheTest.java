package dev.switchboard.city.engine.tiles;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TileCacheTest {

    @TempDir
    Path dir;

    /** A source that counts how often it is asked and has no tiles at zoom 0. */
    static final class CountingSource implements TileSource {
        final AtomicInteger calls = new AtomicInteger();
        final String key;

        CountingSource(String key) {
            this.key = key;
        }

        @Override
        public String cacheKey() {
            return key;
        }

        @Override
        public Optional<byte[]> tile(int zoom, int x, int y) {
            calls.incrementAndGet();
            return zoom == 0 ? Optional.empty() : Optional.of((key + zoom + "/" + x + "/" + y).getBytes());
        }
    }

    @Test
    void servesFromMemoryThenFromDiskAfterARestart() {
        CountingSource source = new CountingSource("pack-v1");
        TileCache cache = new TileCache(dir, 100);
        TileSource cached = cache.cached(source);
        assertThat(cached.tile(5, 1, 2)).hasValueSatisfying(b -> assertThat(new String(b)).isEqualTo("pack-v15/1/2"));
        assertThat(cached.tile(5, 1, 2)).isPresent();
        assertThat(source.calls).hasValue(1);
        assertThat(cache.hits()).isEqualTo(1);
        assertThat(dir.resolve("pack-v1/5/1/2.tile")).exists();

        TileCache restarted = new TileCache(dir, 100);
        assertThat(restarted.get(source, 5, 1, 2)).isPresent();
        assertThat(source.calls).hasValue(1);
    }

    @Test
    void anotherVersionIsAnotherEntry() {
        TileCache cache = new TileCache(dir, 100);
        CountingSource v1 = new CountingSource("pack-v1");
        CountingSource v2 = new CountingSource("pack-v2");
        cache.get(v1, 3, 1, 1);
        assertThat(cache.get(v2, 3, 1, 1)).hasValueSatisfying(b -> assertThat(new String(b)).startsWith("pack-v2"));
        assertThat(v2.calls).hasValue(1);
    }

    @Test
    void evictsTheLeastRecentlyUsedFromMemoryAndKeepsMissingTilesMissing() {
        CountingSource source = new CountingSource("s");
        TileCache cache = new TileCache(null, 2);
        cache.get(source, 1, 0, 0);
        cache.get(source, 1, 0, 1);
        cache.get(source, 1, 0, 0);
        cache.get(source, 1, 1, 0);
        assertThat(source.calls).hasValue(3);
        cache.get(source, 1, 0, 0);
        assertThat(source.calls).hasValue(3);
        cache.get(source, 1, 0, 1);
        assertThat(source.calls).hasValue(4);
        assertThat(cache.get(source, 0, 0, 0)).isEmpty();
    }
}
