package dev.switchboard.calltaking.engine.caller;

/** What a trainee's line does in the call: asks for something, instructs, reassures, puts on hold. */
public enum Intent {
    GREETING,
    ASK_LOCATION,
    ASK_ADDRESS_DETAIL,
    ASK_CALLBACK,
    ASK_WHAT_HAPPENED,
    ASK_INJURIES,
    ASK_BREATHING,
    ASK_CONSCIOUS,
    ASK_WEAPONS,
    ASK_HAZARDS,
    ASK_SAFETY,
    ASK_SUSPECT,
    ASK_VEHICLES,
    ASK_PEOPLE,
    ASK_NAME,
    ASK_AGE,
    REASSURE,
    INSTRUCTION,
    CPR_INSTRUCTION,
    HELP_COMING,
    YES_NO,
    HOLD,
    OTHER;

    /** Whether this intent asks the caller for information. */
    public boolean isQuestion() {
        return name().startsWith("ASK_");
    }
}
