package dev.switchboard.calltaking.engine.cad;

/** The fields of the CAD incident form the trainee fills during a call. */
public enum CadField {
    ADDRESS,
    WARD,
    CALLBACK,
    NATURE_CODE,
    PRIORITY,
    UNITS,
    PEOPLE,
    INJURIES,
    BREATHING,
    CONSCIOUS,
    HAZARDS,
    WEAPONS,
    SUSPECT,
    VEHICLES,
    NOTES
}
