package dev.switchboard.calltaking.engine.entities;

/**
 * What kind of fact an {@link ExtractedEntity} is. Values are normalised per type: {@link #WARD} the ward's English
 * name, {@link #PHONE} digits only, {@link #BREATHING} {@code yes|no|abnormal|unknown}, {@link #CONSCIOUS}
 * {@code yes|no|unknown}, {@link #PEOPLE_COUNT} a number (or {@code several}/{@code many}); a negated
 * {@link #WEAPON}, {@link #HAZARD} or {@link #INJURY} has the value {@code none}.
 */
public enum EntityType {
    WARD,
    ADDRESS,
    INTERSECTION,
    LANDMARK,
    PHONE,
    PEOPLE_COUNT,
    INJURY,
    BREATHING,
    CONSCIOUS,
    WEAPON,
    HAZARD,
    VEHICLE,
    SUSPECT
}
