package dev.switchboard.city.engine.tiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OnlineTilesTest {

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13};
    private static final byte[] OFFLINE = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 1, 1, 1, 1};

    @TempDir
    Path dir;
    private HttpServer server;
    private final List<String> requests = new ArrayList<>();
    private final List<String> agents = new ArrayList<>();

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void fetchesOnceWithAnIdentifyingAgentThenServesFromDisk() throws IOException {
        String template = serve(200, PNG);
        OnlineTiles tiles = new OnlineTiles(template, dir.resolve("osm"), offline());

        assertThat(tiles.tile(12, 3638, 1613)).contains(PNG);
        assertThat(tiles.tile(12, 3638, 1613)).contains(PNG);

        assertThat(requests).containsExactly("/12/3638/1613.png");
        assertThat(agents).containsExactly(OnlineTiles.USER_AGENT);
        assertThat(Files.readAllBytes(dir.resolve("osm/12/3638/1613.png"))).isEqualTo(PNG);
    }

    @Test
    void anErrorPageOrADeadServerFallsBackToTheOfflineMap() throws IOException {
        OnlineTiles errorPage = new OnlineTiles(serve(200, "<html>blocked</html>".getBytes()), dir.resolve("a"),
                offline());
        assertThat(errorPage.tile(10, 1, 2)).contains(OFFLINE);
        assertThat(Files.exists(dir.resolve("a/10/1/2.png"))).isFalse();

        OnlineTiles notFound = new OnlineTiles(serve(404, PNG), dir.resolve("b"), offline());
        assertThat(notFound.tile(10, 1, 2)).contains(OFFLINE);

        OnlineTiles dead = new OnlineTiles("http://127.0.0.1:9/{z}/{x}/{y}.png", dir.resolve("c"), offline());
        assertThat(dead.tile(10, 1, 2)).contains(OFFLINE);
    }

    @Test
    void aTemplateWithoutTilePlaceholdersIsRefused() {
        assertThatThrownBy(() -> new OnlineTiles("https://example.org/tiles.png", dir, offline()))
                .hasMessageContaining("{z}, {x} and {y}");
    }

    @Test
    void onlineTilesAreOffUntilAnInstructorAllowsThem() {
        assertThat(MapSettings.ONLINE_TILES.defaultValue()).isFalse();
    }

    private String serve(int status, byte[] body) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            requests.add(exchange.getRequestURI().getPath());
            agents.add(exchange.getRequestHeaders().getFirst("User-Agent"));
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/{z}/{x}/{y}.png";
    }

    private static TileSource offline() {
        return new TileSource() {
            @Override
            public String cacheKey() {
                return "offline";
            }

            @Override
            public Optional<byte[]> tile(int zoom, int x, int y) {
                return Optional.of(OFFLINE);
            }
        };
    }
}
