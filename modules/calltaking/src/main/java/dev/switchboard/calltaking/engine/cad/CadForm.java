package dev.switchboard.calltaking.engine.cad;

import dev.switchboard.calltaking.engine.entities.PlaceNames;
import dev.switchboard.places.Place;
import dev.switchboard.calltaking.model.CallLog;
import dev.switchboard.core.incident.ResponderType;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * The CAD incident form of one call: a value per {@link CadField}, who set it ({@value #BY_EXTRACTION} or
 * {@value #BY_TRAINEE}), whether the trainee confirmed it, and the history of every change. A value the trainee
 * typed counts as confirmed; extraction never overwrites a confirmed value. Thread-safe (the session writes, the
 * console reads).
 *
 * <p>{@link CadField#UNITS} holds unit types separated by commas ({@code POLICE, AMBULANCE}); {@link #units()}
 * reads it. The location is verified with {@link #verifyLocation(PlaceNames)}; changing the address or ward
 * afterwards drops the verification.
 */
public final class CadForm {

    /** Who set a value: the entity extractor. */
    public static final String BY_EXTRACTION = "extraction";
    /** Who set a value: the trainee. */
    public static final String BY_TRAINEE = "trainee";

    private record Entry(String value, String by, boolean confirmed) {
    }

    private final Map<CadField, Entry> fields = new EnumMap<>(CadField.class);
    private final List<CallLog.CadEdit> history = new ArrayList<>();
    private final LongSupplier clockMs;
    private final NatureCodes codes;
    private Place verified;
    private String locationProblem;

    /** A form whose edits are stamped with milliseconds since the form was made, checked against the standard codes. */
    public CadForm() {
        this(elapsedSinceNow(), NatureCodes.standard());
    }

    /**
     * @param clockMs the time stamped on edits, e.g. ms since the session's recording started
     * @param codes   the nature codes a {@link CadField#NATURE_CODE} must be one of
     */
    public CadForm(LongSupplier clockMs, NatureCodes codes) {
        this.clockMs = Objects.requireNonNull(clockMs, "clockMs");
        this.codes = Objects.requireNonNull(codes, "codes");
    }

    private static LongSupplier elapsedSinceNow() {
        long t0 = System.nanoTime();
        return () -> (System.nanoTime() - t0) / 1_000_000;
    }

    /** The field's value, or null when it is empty. */
    public synchronized String get(CadField f) {
        Entry e = fields.get(f);
        return e == null ? null : e.value();
    }

    /** Who set the field's value last ({@value #BY_EXTRACTION} or {@value #BY_TRAINEE}), or null when empty. */
    public synchronized String setBy(CadField f) {
        Entry e = fields.get(f);
        return e == null ? null : e.by();
    }

    /**
     * Sets a field. A trainee's value is confirmed at once; an extraction's value is ignored when the field is
     * confirmed. A blank value clears the field. Changing {@link CadField#ADDRESS} or {@link CadField#WARD} drops the
     * verified location.
     *
     * @param by {@value #BY_EXTRACTION} or {@value #BY_TRAINEE}
     * @return whether the form changed
     */
    public synchronized boolean set(CadField f, String v, String by) {
        Objects.requireNonNull(f, "field");
        if (!BY_EXTRACTION.equals(by) && !BY_TRAINEE.equals(by)) {
            throw new IllegalArgumentException("by must be '" + BY_EXTRACTION + "' or '" + BY_TRAINEE + "', was "
                    + by);
        }
        Entry old = fields.get(f);
        boolean trainee = BY_TRAINEE.equals(by);
        if (!trainee && old != null && old.confirmed()) {
            return false;
        }
        String value = v == null ? "" : v.strip();
        if (f == CadField.NATURE_CODE) {
            value = value.toUpperCase(Locale.ROOT);
        }
        String oldValue = old == null ? null : old.value();
        if (value.isEmpty()) {
            if (old == null) {
                return false;
            }
            fields.remove(f);
        } else {
            if (value.equals(oldValue) && (old.confirmed() || !trainee)) {
                return false;
            }
            fields.put(f, new Entry(value, by, trainee));
        }
        history.add(new CallLog.CadEdit(clockMs.getAsLong(), f.name(), oldValue, value.isEmpty() ? null : value, by));
        if ((f == CadField.ADDRESS || f == CadField.WARD) && !Objects.equals(oldValue, value)) {
            verified = null;
            locationProblem = null;
        }
        return true;
    }

    /** Whether the trainee confirmed (or typed) the field's value. */
    public synchronized boolean confirmed(CadField f) {
        Entry e = fields.get(f);
        return e != null && e.confirmed();
    }

    /** The trainee accepts the field's current value; extraction will no longer change it. No-op when empty. */
    public synchronized void confirm(CadField f) {
        Entry e = fields.get(f);
        if (e != null && !e.confirmed()) {
            fields.put(f, new Entry(e.value(), e.by(), true));
        }
    }

    /** Every change so far, oldest first (field names as {@link CadField#name()}). */
    public synchronized List<CallLog.CadEdit> history() {
        return List.copyOf(history);
    }

    /** All non-empty fields, in field order. */
    public synchronized Map<CadField, String> values() {
        Map<CadField, String> out = new EnumMap<>(CadField.class);
        fields.forEach((k, e) -> out.put(k, e.value()));
        return out;
    }

    /** The place found by the last successful {@link #verifyLocation(PlaceNames)}, if the address has not changed. */
    public synchronized Optional<Place> verifiedLocation() {
        return Optional.ofNullable(verified);
    }

    /**
     * Resolves the address (with the ward, when set) to a place with coordinates. Succeeds for a block address with
     * its area, a landmark, a station, a crossing of two roads that meet or a neighbourhood; fails for a ward alone
     * (too coarse to send a unit to), a place outside the 23 wards (a call to transfer), a place in another ward
     * than {@link CadField#WARD} says, or an address nobody can place. {@link #missing()} then says why.
     *
     * @return whether the location is now verified
     */
    public synchronized boolean verifyLocation(PlaceNames g) {
        verified = null;
        locationProblem = null;
        String address = get(CadField.ADDRESS);
        String wardText = get(CadField.WARD);
        Optional<Place> ward = wardText == null ? Optional.empty() : g.ward(wardText);
        if (wardText != null && ward.isEmpty()) {
            locationProblem = "ward '" + wardText + "' is not one of the 23 wards";
            return false;
        }
        if (address == null) {
            locationProblem = "an address, landmark or crossing";
            return false;
        }
        Optional<Place> place = ward.isPresent() ? g.resolve(address + ", " + ward.get().wardEn())
                : g.resolve(address);
        if (place.isEmpty() || place.get().kind().equals("ward")) {
            place = g.resolve(address);
        }
        if (place.isEmpty() || place.get().kind().equals("ward")) {
            locationProblem = "a location more precise than '" + address + "' (block address with area, landmark or"
                    + " crossing)";
            return false;
        }
        Place p = place.get();
        if (p.outside()) {
            locationProblem = "a location inside the 23 wards ('" + p.name() + "' is in " + p.wardEn()
                    + ": transfer the call)";
            return false;
        }
        if (ward.isPresent() && !ward.get().wardId().equals(p.wardId())) {
            locationProblem = "one ward: '" + p.name() + "' is in " + p.wardEn() + ", the form says "
                    + ward.get().wardEn();
            return false;
        }
        verified = p;
        return true;
    }

    /** The unit types in {@link CadField#UNITS}, in order, without repeats; unknown names are skipped. */
    public synchronized List<ResponderType> units() {
        return parseUnits(get(CadField.UNITS));
    }

    static List<ResponderType> parseUnits(String text) {
        List<ResponderType> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        for (String part : text.split("[,;/+]|\\s+and\\s+")) {
            String s = part.strip().toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
            for (ResponderType r : ResponderType.values()) {
                if (r.name().equals(s) && !out.contains(r)) {
                    out.add(r);
                }
            }
        }
        return out;
    }

    /** True when the location is verified, the nature code is in the table and at least one unit is chosen. */
    public synchronized boolean readyToDispatch() {
        return missing().isEmpty();
    }

    /** What still stands between the form and a dispatch, in words; empty when ready. */
    public synchronized List<String> missing() {
        List<String> out = new ArrayList<>();
        if (verified == null) {
            out.add(locationProblem == null ? "a verified location" : "a verified location: " + locationProblem);
        }
        String code = get(CadField.NATURE_CODE);
        if (code == null) {
            out.add("a nature code");
        } else if (codes.find(code).isEmpty()) {
            out.add("a known nature code ('" + code + "' is not in the table)");
        }
        if (units().isEmpty()) {
            out.add("at least one unit");
        }
        return out;
    }
}
