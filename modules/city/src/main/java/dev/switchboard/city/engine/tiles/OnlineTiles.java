package dev.switchboard.city.engine.tiles;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Online raster tiles (OpenStreetMap by default) for a workstation whose instructor allowed them with
 * {@link MapSettings#ONLINE_TILES}; off by default, and never required. Tiles are kept on disk so a tile is
 * fetched once (as the OSM tile usage policy asks), and any tile that cannot be fetched comes from the offline
 * {@code fallback} instead — a lost connection degrades to the offline city map, never to a blank one.
 */
public final class OnlineTiles implements TileSource {

    /** The OpenStreetMap standard tile layer; {z}, {x} and {y} are replaced. */
    public static final String OSM_TEMPLATE = "https://tile.openstreetmap.org/{z}/{x}/{y}.png";
    /** Sent with every request, as the OSM tile usage policy requires an identifying User-Agent. */
    public static final String USER_AGENT = "Switchboard/0.1 (offline dispatch-training workstation)";

    private static final Logger LOG = LoggerFactory.getLogger(OnlineTiles.class);
    /** After a failure, the network is left alone this long before the next attempt. */
    private static final long BACKOFF_MILLIS = 30_000;

    private final String template;
    private final Path cacheDir;
    private final TileSource fallback;
    private final HttpClient http;
    private final AtomicLong offlineUntil = new AtomicLong();

    /**
     * @param template URL with {z}, {x}, {y}
     * @param cacheDir where fetched tiles are kept, e.g. {@code <data>/cache/tiles/osm}
     * @param fallback what answers when the network does not
     */
    public OnlineTiles(String template, Path cacheDir, TileSource fallback) {
        this.template = Objects.requireNonNull(template, "template");
        if (!template.contains("{z}") || !template.contains("{x}") || !template.contains("{y}")) {
            throw new IllegalArgumentException("A tile URL needs {z}, {x} and {y}, was " + template);
        }
        this.cacheDir = Objects.requireNonNull(cacheDir, "cacheDir");
        this.fallback = Objects.requireNonNull(fallback, "fallback");
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(4))
                .followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    @Override
    public String cacheKey() {
        return "online:" + template + "+" + fallback.cacheKey();
    }

    @Override
    public Optional<byte[]> tile(int zoom, int x, int y) {
        Path cached = cacheDir.resolve(zoom + "/" + x + "/" + y + ".png");
        try {
            if (Files.isRegularFile(cached)) {
                return Optional.of(Files.readAllBytes(cached));
            }
        } catch (IOException e) {
            LOG.debug("Cached tile {} unreadable", cached, e);
        }
        if (System.currentTimeMillis() >= offlineUntil.get()) {
            Optional<byte[]> fetched = fetch(zoom, x, y, cached);
            if (fetched.isPresent()) {
                return fetched;
            }
        }
        return fallback.tile(zoom, x, y);
    }

    /** The URL of tile {@code zoom/x/y}. */
    String url(int zoom, int x, int y) {
        return template.replace("{z}", Integer.toString(zoom)).replace("{x}", Integer.toString(x))
                .replace("{y}", Integer.toString(y));
    }

    private Optional<byte[]> fetch(int zoom, int x, int y, Path cached) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url(zoom, x, y)))
                    .timeout(Duration.ofSeconds(8)).header("User-Agent", USER_AGENT).GET().build();
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            byte[] body = response.body();
            if (response.statusCode() != 200 || !isImage(body)) {
                LOG.info("Online tile {}/{}/{}: HTTP {}; using the offline map", zoom, x, y, response.statusCode());
                return Optional.empty();
            }
            store(cached, body);
            return Optional.of(body);
        } catch (IOException | RuntimeException e) {
            offlineUntil.set(System.currentTimeMillis() + BACKOFF_MILLIS);
            LOG.info("Online tiles unreachable ({}); using the offline map for {} s", e.toString(),
                    BACKOFF_MILLIS / 1000);
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private static void store(Path cached, byte[] body) {
        try {
            Files.createDirectories(cached.getParent());
            Path tmp = Files.createTempFile(cached.getParent(), "tile", ".part");
            Files.write(tmp, body);
            Files.move(tmp, cached, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOG.debug("Could not cache tile {}", cached, e);
        }
    }

    /** PNG or JPEG by magic number: an HTML error page must not be drawn as a tile. */
    static boolean isImage(byte[] b) {
        boolean png = b.length > 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G';
        boolean jpeg = b.length > 3 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xD8;
        return png || jpeg;
    }
}
