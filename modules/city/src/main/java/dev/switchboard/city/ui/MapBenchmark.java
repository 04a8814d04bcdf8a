package dev.switchboard.city.ui;

import com.gluonhq.maps.MapView;
import dev.switchboard.city.engine.pack.CityPack;
import dev.switchboard.city.engine.pack.CityPacks;
import dev.switchboard.city.engine.pack.tiles.TileCache;
import dev.switchboard.city.engine.pack.tiles.TileRenderer;
import dev.switchboard.city.model.UnitState;
import dev.switchboard.city.model.UnitType;
import dev.switchboard.city.model.UnitView;
import dev.switchboard.core.geo.LatLon;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * The map under load, in a real window: 10,000 sensor markers and 100 moving units redrawn every
 * frame over offline tiles. Reports frame intervals and the time the marker layer takes per frame,
 * p50/p95/max, after a 3 s warm-up in which the first tiles are rendered. Run it under a display
 * (Xvfb) with {@code switchboard city map-bench}.
 */
public final class MapBenchmark {

    private MapBenchmark() {
    }

    /** Runs for {@code seconds} and returns the figures; the toolkit must not be running yet. */
    public static String run(int markers, int units, int seconds) throws Exception {
        CityPack pack = CityPacks.tokyo();
        OfflineTileRetriever.use(new TileCache(null, 1024).cached(new TileRenderer(pack)));
        CompletableFuture<String> result = new CompletableFuture<>();
        Platform.startup(() -> {
            MapView map = new MapView();
            MarkerLayer layer = new MarkerLayer();
            map.addLayer(layer);
            map.setZoom(12);
            map.setCenter(35.688, 139.745);
            Stage stage = new Stage();
            stage.setScene(new Scene(map, 1280, 800));
            stage.show();
            SplittableRandom random = new SplittableRandom(42);
            float[] heat = new float[markers * 2];
            for (int i = 0; i < markers; i++) {
                heat[2 * i] = (float) (35.55 + random.nextDouble() * 0.25);
                heat[2 * i + 1] = (float) (139.60 + random.nextDouble() * 0.28);
            }
            double[][] paths = new double[units][4];
            for (double[] p : paths) {
                p[0] = 35.60 + random.nextDouble() * 0.15;
                p[1] = 139.65 + random.nextDouble() * 0.18;
                p[2] = (random.nextDouble() - 0.5) * 0.0004;
                p[3] = (random.nextDouble() - 0.5) * 0.0004;
            }
            long[] frames = new long[seconds * 240];
            long[] draws = new long[frames.length];
            int[] n = {0};
            long[] last = {0};
            long start = System.nanoTime();
            new AnimationTimer() {
                @Override
                public void handle(long now) {
                    boolean warmingUp = now - start < TimeUnit.SECONDS.toNanos(3);
                    if (last[0] != 0 && !warmingUp && n[0] < frames.length) {
                        frames[n[0]] = now - last[0];
                        draws[n[0]] = layer.lastDrawNanos();
                        n[0]++;
                    }
                    last[0] = now;
                    List<UnitView> fleet = new ArrayList<>(units);
                    for (int i = 0; i < units; i++) {
                        double[] p = paths[i];
                        p[0] += p[2];
                        p[1] += p[3];
                        fleet.add(new UnitView("U-" + i, UnitType.values()[i % 5], UnitState.EN_ROUTE,
                                new LatLon(p[0], p[1]), Math.toDegrees(Math.atan2(p[3], p[2])), null, "base"));
                    }
                    layer.show(heat, List.of(), List.of(), fleet, null, null);
                    if (now - start > TimeUnit.SECONDS.toNanos(seconds + 3L)) {
                        stop();
                        stage.close();
                        result.complete(describe(markers, units, Arrays.copyOf(frames, n[0]),
                                Arrays.copyOf(draws, n[0])));
                    }
                }
            }.start();
        });
        String figures = result.get(seconds + 60L, TimeUnit.SECONDS);
        Platform.exit();
        return figures;
    }

    private static String describe(int markers, int units, long[] frames, long[] draws) {
        Arrays.sort(frames);
        Arrays.sort(draws);
        return String.format(Locale.ROOT, "map: %,d markers + %d moving units, %d frames; frame interval p50 %.1f ms, "
                + "p95 %.1f ms, max %.1f ms; marker layer per frame p50 %.2f ms, p95 %.2f ms, max %.2f ms",
                markers, units, frames.length, pct(frames, 50), pct(frames, 95), frames[frames.length - 1] / 1e6,
                pct(draws, 50), pct(draws, 95), draws[draws.length - 1] / 1e6);
    }

    private static double pct(long[] sorted, int p) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, sorted.length * p / 100)] / 1e6;
    }
}
