package dev.switchboard.city.ui;

import com.gluonhq.maps.tile.TileRetriever;
import dev.switchboard.city.engine.tiles.TileSource;
import java.io.ByteArrayInputStream;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.image.Image;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gluon Maps' tile source, registered in {@code META-INF/services/com.gluonhq.maps.tile.TileRetriever}
 * so the map never reaches for online tiles. Gluon instantiates it through ServiceLoader with no
 * arguments, so the control room hands it the active source with {@link #use(TileSource)}: the one
 * static in the program, forced by that SPI. Tiles are rendered off the FX thread.
 */
public final class OfflineTileRetriever implements TileRetriever {

    private static final Logger LOG = LoggerFactory.getLogger(OfflineTileRetriever.class);
    private static final AtomicReference<TileSource> SOURCE = new AtomicReference<>(new TileSource() {
        @Override
        public String cacheKey() {
            return "none";
        }

        @Override
        public Optional<byte[]> tile(int zoom, int x, int y) {
            return Optional.empty();
        }
    });
    private static final ExecutorService RENDERERS = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "map-tiles");
        t.setDaemon(true);
        t.setPriority(Thread.NORM_PRIORITY - 1);
        return t;
    });

    /** Makes {@code source} answer every tile request from now on; the map reloads tiles as it redraws. */
    public static void use(TileSource source) {
        SOURCE.set(source);
    }

    @Override
    public CompletableFuture<Image> loadTile(int zoom, long x, long y) {
        TileSource source = SOURCE.get();
        return CompletableFuture.supplyAsync(() -> {
            try {
                return source.tile(zoom, (int) x, (int) y)
                        .map(png -> new Image(new ByteArrayInputStream(png)))
                        .orElse(null);
            } catch (RuntimeException e) {
                LOG.warn("Tile {}/{}/{} could not be rendered", zoom, x, y, e);
                return null;
            }
        }, RENDERERS);
    }
}
