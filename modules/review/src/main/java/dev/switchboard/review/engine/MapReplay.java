package dev.switchboard.review.engine;

import dev.switchboard.review.model.IncidentMark;
import dev.switchboard.review.model.UnitFix;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The map replay's positions at any moment, from the logged unit fixes: between two fixes of a unit its
 * position is interpolated linearly; at a fix it is exactly the logged one; after its last fix it stays
 * there; before its first fix the unit is not on the map. Immutable; thread-safe.
 */
public final class MapReplay {

    /** Where one unit is drawn at a moment. */
    public record UnitPosition(String unitId, String unitType, String state, double lat, double lon,
                               double heading) {
    }

    /** The box around everything the replay shows, for fitting the map; degrees. */
    public record Extent(double minLat, double minLon, double maxLat, double maxLon) {
        public boolean isEmpty() {
            return minLat > maxLat;
        }
    }

    private final String[] ids;
    private final long[][] times;
    private final UnitFix[][] fixes;
    private final List<IncidentMark> incidents;

    public MapReplay(List<UnitFix> unitFixes, List<IncidentMark> incidents) {
        Map<String, List<UnitFix>> byUnit = new LinkedHashMap<>();
        unitFixes.stream().sorted(Comparator.comparingLong(UnitFix::atMs))
                .forEach(f -> byUnit.computeIfAbsent(f.unitId(), k -> new ArrayList<>()).add(f));
        ids = byUnit.keySet().toArray(String[]::new);
        times = new long[ids.length][];
        fixes = new UnitFix[ids.length][];
        for (int u = 0; u < ids.length; u++) {
            List<UnitFix> list = byUnit.get(ids[u]);
            fixes[u] = list.toArray(UnitFix[]::new);
            times[u] = list.stream().mapToLong(UnitFix::atMs).toArray();
        }
        this.incidents = incidents.stream().sorted(Comparator.comparingLong(IncidentMark::atMs)).toList();
    }

    /** The units on the map at {@code ms}, in the order they first appear in the log. */
    public List<UnitPosition> unitsAt(long ms) {
        List<UnitPosition> out = new ArrayList<>(ids.length);
        for (int u = 0; u < ids.length; u++) {
            long[] t = times[u];
            int i = Arrays.binarySearch(t, ms);
            if (i >= 0) {
                while (i + 1 < t.length && t[i + 1] == ms) {
                    i++;
                }
                out.add(at(fixes[u][i]));
                continue;
            }
            int before = -(i + 1) - 1;
            if (before < 0) {
                continue;
            }
            UnitFix a = fixes[u][before];
            if (before + 1 >= t.length) {
                out.add(at(a));
                continue;
            }
            UnitFix b = fixes[u][before + 1];
            double f = (double) (ms - a.atMs()) / (b.atMs() - a.atMs());
            out.add(new UnitPosition(a.unitId(), a.unitType(), a.state(), a.lat() + (b.lat() - a.lat()) * f,
                    a.lon() + (b.lon() - a.lon()) * f, a.heading()));
        }
        return out;
    }

    /** The incidents known at {@code ms}. */
    public List<IncidentMark> incidentsAt(long ms) {
        List<IncidentMark> out = new ArrayList<>();
        for (IncidentMark i : incidents) {
            if (i.atMs() > ms) {
                break;
            }
            out.add(i);
        }
        return out;
    }

    /** Whether there is anything to draw at all. */
    public boolean isEmpty() {
        return ids.length == 0 && incidents.isEmpty();
    }

    /** The box around every fix and incident; {@link Extent#isEmpty()} when there are none. */
    public Extent extent() {
        double minLat = Double.POSITIVE_INFINITY;
        double minLon = Double.POSITIVE_INFINITY;
        double maxLat = Double.NEGATIVE_INFINITY;
        double maxLon = Double.NEGATIVE_INFINITY;
        for (UnitFix[] unit : fixes) {
            for (UnitFix f : unit) {
                minLat = Math.min(minLat, f.lat());
                maxLat = Math.max(maxLat, f.lat());
                minLon = Math.min(minLon, f.lon());
                maxLon = Math.max(maxLon, f.lon());
            }
        }
        for (IncidentMark i : incidents) {
            minLat = Math.min(minLat, i.lat());
            maxLat = Math.max(maxLat, i.lat());
            minLon = Math.min(minLon, i.lon());
            maxLon = Math.max(maxLon, i.lon());
        }
        return new Extent(minLat, minLon, maxLat, maxLon);
    }

    private static UnitPosition at(UnitFix f) {
        return new UnitPosition(f.unitId(), f.unitType(), f.state(), f.lat(), f.lon(), f.heading());
    }
}
