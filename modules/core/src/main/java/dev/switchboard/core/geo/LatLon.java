package dev.switchboard.core.geo;

/** A WGS-84 position in decimal degrees. */
public record LatLon(double lat, double lon) {

    /** Mean Earth radius used for distances, in metres. */
    public static final double EARTH_RADIUS_METERS = 6_371_008.8;

    public LatLon {
        if (!(lat >= -90 && lat <= 90)) {
            throw new IllegalArgumentException("Latitude must be within -90..90 degrees, was " + lat);
        }
        if (!(lon >= -180 && lon <= 180)) {
            throw new IllegalArgumentException("Longitude must be within -180..180 degrees, was " + lon);
        }
    }

    /** Great-circle distance to {@code other} (haversine), in metres. */
    public double distanceMeters(LatLon other) {
        double phi1 = Math.toRadians(lat);
        double phi2 = Math.toRadians(other.lat);
        double dPhi = phi2 - phi1;
        double dLambda = Math.toRadians(other.lon - lon);
        double a = Math.sin(dPhi / 2) * Math.sin(dPhi / 2)
                + Math.cos(phi1) * Math.cos(phi2) * Math.sin(dLambda / 2) * Math.sin(dLambda / 2);
        return 2 * EARTH_RADIUS_METERS * Math.asin(Math.min(1, Math.sqrt(a)));
    }

    /** Initial bearing towards {@code other}, in degrees clockwise from north (0..360). */
    public double bearingDegrees(LatLon other) {
        double phi1 = Math.toRadians(lat);
        double phi2 = Math.toRadians(other.lat);
        double dLambda = Math.toRadians(other.lon - lon);
        double y = Math.sin(dLambda) * Math.cos(phi2);
        double x = Math.cos(phi1) * Math.sin(phi2) - Math.sin(phi1) * Math.cos(phi2) * Math.cos(dLambda);
        return (Math.toDegrees(Math.atan2(y, x)) + 360) % 360;
    }

    /** The point a fraction {@code t} (0..1) of the way to {@code other}, linear in degrees. */
    public LatLon interpolate(LatLon other, double t) {
        return new LatLon(lat + (other.lat - lat) * t, lon + (other.lon - lon) * t);
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "%.5f, %.5f", lat, lon);
    }
}
