package dev.switchboard.calltaking.engine.session;

import dev.switchboard.core.settings.Setting;

/** The call console's settings. */
public final class CallSettings {

    /** The lowest {@link #MAX_LENGTH_MINUTES} may be set to. */
    public static final int SHORTEST_LIMIT_MINUTES = 1;
    /** The highest {@link #MAX_LENGTH_MINUTES} may be set to. */
    public static final int LONGEST_LIMIT_MINUTES = 240;

    /**
     * The longest a call may run, in minutes (1-240, default 30): the call is ended there ("time-limit"), and an
     * operator script that would run longer is refused before it starts. A 30-minute stereo recording is 115 MB.
     * Read when each call starts, so a change applies to the next call.
     */
    public static final Setting<Integer> MAX_LENGTH_MINUTES = Setting.ofInt("call.maxLengthMinutes", 30,
            SHORTEST_LIMIT_MINUTES, LONGEST_LIMIT_MINUTES);

    private CallSettings() {
    }
}
