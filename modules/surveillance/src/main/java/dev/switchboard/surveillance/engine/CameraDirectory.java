package dev.switchboard.surveillance.engine;

import dev.switchboard.core.geo.LatLon;
import dev.switchboard.surveillance.model.Camera;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The city's cameras: the control room's security cameras (same positions and wards), each given a number, a scene
 * and a name here. The composition root supplies the sites; tests build synthetic ones. Immutable, thread-safe.
 */
public final class CameraDirectory {

    private static final Camera.Scene[] SCENES = Camera.Scene.values();
    // How often each scene occurs, in SCENES order: streets and junctions dominate a city's cameras.
    private static final double[] SCENE_WEIGHTS = {0.30, 0.20, 0.12, 0.10, 0.08, 0.06, 0.08, 0.06};

    private final List<Camera> cameras;

    private CameraDirectory(List<Camera> cameras) {
        this.cameras = Collections.unmodifiableList(cameras);
    }

    /** A camera position from the control room: its sensor id, ward and position. */
    public record Site(long sensorId, String wardId, String wardName, LatLon position) {
        public Site {
            Objects.requireNonNull(wardId, "wardId");
            Objects.requireNonNull(wardName, "wardName");
            Objects.requireNonNull(position, "position");
        }
    }

    /** Cameras numbered from 1 in the order of {@code sites}; scenes and names are derived from the number. */
    public static CameraDirectory of(List<Site> sites) {
        if (sites.isEmpty()) {
            throw new IllegalArgumentException("a camera directory needs at least one camera");
        }
        List<Camera> out = new ArrayList<>(sites.size());
        for (int i = 0; i < sites.size(); i++) {
            Site s = sites.get(i);
            int number = i + 1;
            Camera.Scene scene = sceneOf(number);
            String name = String.format(Locale.ROOT, "%s %04d · %s", s.wardName(), number, scene.label());
            out.add(new Camera(number, s.sensorId(), name, s.wardId(), s.wardName(), s.position(), scene));
        }
        return new CameraDirectory(out);
    }

    /** A deterministic stand-in for tests: {@code count} cameras spread around the given wards' centres. */
    public static CameraDirectory synthetic(List<PlaceResolver.Ward> wards, int count, long seed) {
        java.util.SplittableRandom r = new java.util.SplittableRandom(seed);
        List<Site> sites = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            PlaceResolver.Ward w = wards.get(r.nextInt(wards.size()));
            double lat = w.centre().lat() + (r.nextDouble() * 2 - 1) * 0.015;
            double lon = w.centre().lon() + (r.nextDouble() * 2 - 1) * 0.018;
            sites.add(new Site(2_000_000L + i, w.id(), w.name(), new LatLon(lat, lon)));
        }
        return of(sites);
    }

    private static Camera.Scene sceneOf(int number) {
        long h = number * 0x9E3779B97F4A7C15L;
        h ^= h >>> 29;
        double u = (h >>> 11) * 0x1.0p-53;
        double sum = 0;
        for (int i = 0; i < SCENES.length; i++) {
            sum += SCENE_WEIGHTS[i];
            if (u < sum) {
                return SCENES[i];
            }
        }
        return SCENES[SCENES.length - 1];
    }

    public List<Camera> cameras() {
        return cameras;
    }

    public int size() {
        return cameras.size();
    }

    /** Camera {@code number} (1-based). */
    public Optional<Camera> camera(int number) {
        return number >= 1 && number <= cameras.size() ? Optional.of(cameras.get(number - 1)) : Optional.empty();
    }

    /** The cameras within {@code radiusMeters} of {@code centre}, nearest first. */
    public List<Camera> near(LatLon centre, double radiusMeters) {
        List<Camera> out = new ArrayList<>();
        for (Camera c : cameras) {
            if (c.position().distanceMeters(centre) <= radiusMeters) {
                out.add(c);
            }
        }
        out.sort(java.util.Comparator.comparingDouble(c -> c.position().distanceMeters(centre)));
        return out;
    }

    /** The camera closest to {@code centre}. */
    public Camera nearest(LatLon centre) {
        Camera best = cameras.get(0);
        double bestD = Double.MAX_VALUE;
        for (Camera c : cameras) {
            double d = c.position().distanceMeters(centre);
            if (d < bestD) {
                bestD = d;
                best = c;
            }
        }
        return best;
    }
}
