package dev.switchboard.calltaking.engine.session;

import dev.switchboard.core.settings.Setting;

/** The call console's settings. */
public final class CallSettings {

    /**
     * The longest a call may run, in minutes (1-240, default 30): the call is ended there ("time-limit"), and an
     * operator script that would run longer is refused before it starts. A 30-minute stereo recording is 115 MB.
     */
    public static final Setting<Integer> MAX_LENGTH_MINUTES = Setting.ofInt("call.maxLengthMinutes", 30, 1, 240);

    private CallSettings() {
    }
}
