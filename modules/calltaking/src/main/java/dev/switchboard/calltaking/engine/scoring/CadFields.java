package dev.switchboard.calltaking.engine.scoring;

import dev.switchboard.core.geo.LatLon;
import java.util.Locale;
import java.util.Optional;

/**
 * How the call session writes what the CAD form's own fields do not cover into {@code call.cad.edited} entries:
 * the verified location as a pseudo-field, and a trainee's confirmation as an edit by {@code confirmed}.
 */
public final class CadFields {

    /**
     * The pseudo-field logged when the location becomes verified (the address resolves in the gazetteer and the
     * trainee confirmed it); its value is {@link #location}'s text.
     */
    public static final String LOCATION = "LOCATION";
    /** The {@code by} of an edit that records the trainee confirming a field's value unchanged. */
    public static final String BY_CONFIRMED = "confirmed";

    private CadFields() {
    }

    /** The logged value of a verified location, e.g. {@code "Shibuya Station (shibuya) @35.65800,139.70160"}. */
    public static String location(String name, String wardId, LatLon at) {
        return name + " (" + wardId + ") @" + String.format(Locale.ROOT, "%.5f,%.5f", at.lat(), at.lon());
    }

    /** The place of a {@link #location} value in words, without the ward id and coordinates: "Shibuya Station". */
    public static String place(String value) {
        if (value == null) {
            return "";
        }
        int cut = value.indexOf(" (");
        int at = value.lastIndexOf(" @");
        return (cut > 0 ? value.substring(0, cut) : at > 0 ? value.substring(0, at) : value).strip();
    }

    /** The position in a {@link #location} value. */
    public static Optional<LatLon> position(String value) {
        if (value == null) {
            return Optional.empty();
        }
        int at = value.lastIndexOf('@');
        if (at < 0) {
            return Optional.empty();
        }
        String[] parts = value.substring(at + 1).split(",");
        try {
            return Optional.of(new LatLon(Double.parseDouble(parts[0]), Double.parseDouble(parts[1])));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
