package dev.switchboard.core.settings;

/** Settings the workstation frame itself reads. Capability modules declare their own. */
public final class CoreSettings {

    /** Colour scheme of the window. */
    public static final Setting<ThemeChoice> THEME = Setting.ofEnum("ui.theme", ThemeChoice.class, ThemeChoice.DARK);

    /** Minutes without keyboard or mouse input before the window locks; 1 to 480. */
    public static final Setting<Integer> IDLE_LOCK_MINUTES = Setting.ofInt("security.idleLockMinutes", 15, 1, 480);

    /** Failed logons in a row before an account must wait; 3 to 20. */
    public static final Setting<Integer> MAX_FAILED_LOGONS = Setting.ofInt("security.maxFailedLogons", 5, 3, 20);

    private CoreSettings() {
    }

    /** The two colour schemes; dark suits a dimmed control room. */
    public enum ThemeChoice {
        DARK, LIGHT
    }
}
