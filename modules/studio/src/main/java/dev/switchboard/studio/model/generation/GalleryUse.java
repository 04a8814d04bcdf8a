package dev.switchboard.studio.model.generation;

/** Where a gallery result can be offered; the workspace that owns the target decides what to do with it. */
public enum GalleryUse {
    /** The picture of a training scenario. */
    SCENARIO_IMAGE("scenario-image"),
    /** A still from a security camera, for surveillance exercises. */
    CAMERA_STILL("camera-still"),
    /** An attachment of an incident (target: the incident's reference). */
    INCIDENT_ATTACHMENT("incident-attachment");

    private final String code;

    GalleryUse(String code) {
        this.code = code;
    }

    /** The word kept in the database. */
    public String code() {
        return code;
    }

    public static GalleryUse fromCode(String code) {
        for (GalleryUse u : values()) {
            if (u.code.equals(code)) {
                return u;
            }
        }
        throw new IllegalArgumentException("unknown use " + code);
    }
}
