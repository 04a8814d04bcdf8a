package dev.switchboard.city.engine.pipeline;

import dev.switchboard.places.Ward;
import dev.switchboard.core.geo.LatLon;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link Districts} over a 512 × 512 raster of district indices, filled once by scan-line from the ward
 * areas (or by nearest centre when the wards carry no area), so a lookup is two multiplications and an
 * array read. Cells are about 60 m across over Tokyo; a point within a cell of a border may land in the
 * neighbour, which is fine for heat, scoring and placement.
 */
final class WardRaster implements Districts {

    private static final int CELLS = 512;
    /** Margin around the ward centres when the wards carry no area, in degrees (about 3 km). */
    private static final double CENTRE_MARGIN_DEGREES = 0.03;

    private final String[] ids;
    private final String[] names;
    private final double[] centreLat;
    private final double[] centreLon;
    private final Map<String, Integer> indexById = new HashMap<>();
    private final double minLat;
    private final double maxLat;
    private final double minLon;
    private final double maxLon;
    private final double cellsPerLat;
    private final double cellsPerLon;
    private final short[] cells = new short[CELLS * CELLS];
    private final double lonScale;

    private WardRaster(List<Ward> wards) {
        if (wards.isEmpty()) {
            throw new IllegalArgumentException("at least one ward is needed");
        }
        if (wards.size() > Short.MAX_VALUE) {
            throw new IllegalArgumentException("too many wards: " + wards.size());
        }
        int n = wards.size();
        ids = new String[n];
        names = new String[n];
        centreLat = new double[n];
        centreLon = new double[n];
        boolean withArea = false;
        double[] box = {Double.MAX_VALUE, -Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE};
        for (int i = 0; i < n; i++) {
            Ward w = wards.get(i);
            ids[i] = w.id();
            names[i] = w.nameEn();
            centreLat[i] = w.centre().lat();
            centreLon[i] = w.centre().lon();
            if (indexById.putIfAbsent(w.id(), i) != null) {
                throw new IllegalArgumentException("duplicate ward id " + w.id());
            }
            for (List<LatLon> ring : w.area()) {
                for (LatLon p : ring) {
                    withArea = true;
                    extend(box, p.lat(), p.lon());
                }
            }
        }
        if (!withArea) {
            for (int i = 0; i < n; i++) {
                extend(box, centreLat[i] - CENTRE_MARGIN_DEGREES, centreLon[i] - CENTRE_MARGIN_DEGREES);
                extend(box, centreLat[i] + CENTRE_MARGIN_DEGREES, centreLon[i] + CENTRE_MARGIN_DEGREES);
            }
        }
        minLat = box[0];
        maxLat = Math.max(box[1], box[0] + 1e-6);
        minLon = box[2];
        maxLon = Math.max(box[3], box[2] + 1e-6);
        cellsPerLat = CELLS / (maxLat - minLat);
        cellsPerLon = CELLS / (maxLon - minLon);
        lonScale = Math.cos(Math.toRadians((minLat + maxLat) / 2));
        if (withArea) {
            Arrays.fill(cells, (short) -1);
            for (int i = 0; i < n; i++) {
                fill(i, wards.get(i).area());
            }
        } else {
            for (int r = 0; r < CELLS; r++) {
                double lat = minLat + (r + 0.5) / cellsPerLat;
                for (int c = 0; c < CELLS; c++) {
                    cells[r * CELLS + c] = (short) nearestIndex(lat, minLon + (c + 0.5) / cellsPerLon);
                }
            }
        }
    }

    static WardRaster of(List<Ward> wards) {
        return new WardRaster(List.copyOf(wards));
    }

    private static void extend(double[] box, double lat, double lon) {
        box[0] = Math.min(box[0], lat);
        box[1] = Math.max(box[1], lat);
        box[2] = Math.min(box[2], lon);
        box[3] = Math.max(box[3], lon);
    }

    /** Scan-line fill (even-odd) of one ward's rings at each row's centre latitude. */
    private void fill(int index, List<List<LatLon>> rings) {
        double[] xs = new double[64];
        for (int r = 0; r < CELLS; r++) {
            double y = minLat + (r + 0.5) / cellsPerLat;
            int count = 0;
            for (List<LatLon> ring : rings) {
                int m = ring.size();
                for (int k = 0; k < m; k++) {
                    LatLon a = ring.get(k);
                    LatLon b = ring.get((k + 1) % m);
                    if ((a.lat() <= y && y < b.lat()) || (b.lat() <= y && y < a.lat())) {
                        if (count == xs.length) {
                            xs = Arrays.copyOf(xs, count * 2);
                        }
                        xs[count++] = a.lon() + (y - a.lat()) * (b.lon() - a.lon()) / (b.lat() - a.lat());
                    }
                }
            }
            Arrays.sort(xs, 0, count);
            for (int k = 0; k + 1 < count; k += 2) {
                int from = (int) Math.ceil((xs[k] - minLon) * cellsPerLon - 0.5);
                int to = (int) Math.ceil((xs[k + 1] - minLon) * cellsPerLon - 0.5);
                for (int c = Math.max(0, from); c < Math.min(CELLS, to); c++) {
                    cells[r * CELLS + c] = (short) index;
                }
            }
        }
    }

    @Override
    public int count() {
        return ids.length;
    }

    @Override
    public String id(int index) {
        return ids[index];
    }

    @Override
    public String name(int index) {
        return names[index];
    }

    @Override
    public double centreLat(int index) {
        return centreLat[index];
    }

    @Override
    public double centreLon(int index) {
        return centreLon[index];
    }

    @Override
    public int indexAt(double lat, double lon) {
        // Written so that NaN fails every comparison and lands outside.
        if (!(lat >= minLat && lat < maxLat && lon >= minLon && lon < maxLon)) {
            return -1;
        }
        int r = Math.min(CELLS - 1, (int) ((lat - minLat) * cellsPerLat));
        int c = Math.min(CELLS - 1, (int) ((lon - minLon) * cellsPerLon));
        return cells[r * CELLS + c];
    }

    @Override
    public int nearestIndex(double lat, double lon) {
        int best = 0;
        double bestDistance = Double.MAX_VALUE;
        for (int i = 0; i < ids.length; i++) {
            double dLat = centreLat[i] - lat;
            double dLon = (centreLon[i] - lon) * lonScale;
            double d = dLat * dLat + dLon * dLon;
            if (d < bestDistance) {
                bestDistance = d;
                best = i;
            }
        }
        return best;
    }

    @Override
    public int indexOf(String id) {
        Integer index = indexById.get(id);
        return index == null ? -1 : index;
    }

    @Override
    public double minLat() {
        return minLat;
    }

    @Override
    public double maxLat() {
        return maxLat;
    }

    @Override
    public double minLon() {
        return minLon;
    }

    @Override
    public double maxLon() {
        return maxLon;
    }
}
