package dev.switchboard.calltaking.engine.scenario;

/**
 * Where the emergency really is: what the scorer compares the trainee's CAD form with.
 *
 * @param wardId       the city pack's ward id, e.g. {@code shibuya}
 * @param ward         the ward's English name, e.g. {@code Shibuya}
 * @param address      block address, e.g. {@code 2-21-1 Shibuya, Shibuya-ku}; empty when there is none (an
 *                     expressway)
 * @param intersection nearest intersection, may be empty
 * @param landmark     nearest landmark the caller may name, may be empty
 */
public record LocationTruth(String wardId, String ward, String address, String intersection, String landmark,
                            double lat, double lon) {

    public LocationTruth {
        wardId = wardId == null ? "" : wardId;
        ward = ward == null ? "" : ward;
        address = address == null ? "" : address;
        intersection = intersection == null ? "" : intersection;
        landmark = landmark == null ? "" : landmark;
    }
}
