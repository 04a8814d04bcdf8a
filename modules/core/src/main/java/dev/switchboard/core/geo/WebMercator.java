package dev.switchboard.core.geo;

/**
 * Web-Mercator (EPSG:3857) projection in the slippy-map tile scheme used by OpenStreetMap, MBTiles
 * (XYZ rows) and Gluon Maps: at zoom {@code z} the world is {@code 256·2^z} pixels square.
 */
public final class WebMercator {

    /** Tile edge in pixels. */
    public static final int TILE_SIZE = 256;
    /** The latitude limit of the projection, in degrees. */
    public static final double MAX_LATITUDE = 85.05112878;
    /** The sphere radius EPSG:3857 is defined on (WGS-84 semi-major axis), in metres. */
    public static final double SPHERE_RADIUS_METERS = 6_378_137.0;

    private WebMercator() {
    }

    /** World pixel coordinates (x, y) of {@code p} at {@code zoom}; y grows southward. */
    public static Pixel toPixel(LatLon p, double zoom) {
        double size = TILE_SIZE * Math.pow(2, zoom);
        double lat = Math.max(-MAX_LATITUDE, Math.min(MAX_LATITUDE, p.lat()));
        double sinLat = Math.sin(Math.toRadians(lat));
        double x = (p.lon() + 180) / 360 * size;
        double y = (0.5 - Math.log((1 + sinLat) / (1 - sinLat)) / (4 * Math.PI)) * size;
        return new Pixel(x, y);
    }

    /** The position at world pixel ({@code x}, {@code y}) at {@code zoom}. */
    public static LatLon fromPixel(double x, double y, double zoom) {
        double size = TILE_SIZE * Math.pow(2, zoom);
        double lon = x / size * 360 - 180;
        double n = Math.PI - 2 * Math.PI * y / size;
        double lat = Math.toDegrees(Math.atan(Math.sinh(n)));
        return new LatLon(Math.max(-90, Math.min(90, lat)), Math.max(-180, Math.min(180, lon)));
    }

    /** The XYZ tile that contains {@code p} at integer {@code zoom}. */
    public static Tile tileOf(LatLon p, int zoom) {
        Pixel px = toPixel(p, zoom);
        int max = (1 << zoom) - 1;
        int tx = (int) Math.min(max, Math.max(0, Math.floor(px.x() / TILE_SIZE)));
        int ty = (int) Math.min(max, Math.max(0, Math.floor(px.y() / TILE_SIZE)));
        return new Tile(zoom, tx, ty);
    }

    /** The north-west corner of {@code tile}. */
    public static LatLon northWest(Tile tile) {
        return fromPixel((double) tile.x() * TILE_SIZE, (double) tile.y() * TILE_SIZE, tile.zoom());
    }

    /** Metres covered by one pixel at latitude {@code lat} and {@code zoom}. */
    public static double metersPerPixel(double lat, double zoom) {
        return Math.cos(Math.toRadians(lat)) * 2 * Math.PI * SPHERE_RADIUS_METERS
                / (TILE_SIZE * Math.pow(2, zoom));
    }

    /** World pixel coordinates. */
    public record Pixel(double x, double y) {
    }

    /** An XYZ tile address (row 0 at the north). */
    public record Tile(int zoom, int x, int y) {
        public Tile {
            if (zoom < 0 || zoom > 30) {
                throw new IllegalArgumentException("Zoom must be within 0..30, was " + zoom);
            }
            int n = 1 << zoom;
            if (x < 0 || x >= n || y < 0 || y >= n) {
                throw new IllegalArgumentException(
                        "Tile " + x + "/" + y + " is outside zoom " + zoom + " (0.." + (n - 1) + ")");
            }
        }

        /** The TMS row used inside MBTiles files (row 0 at the south). */
        public int tmsRow() {
            return (1 << zoom) - 1 - y;
        }
    }
}
