package dev.switchboard.city.engine.tiles;

import dev.switchboard.core.settings.Setting;

/** Settings of the control-room map. */
public final class MapSettings {

    /** Whether the map may fetch OpenStreetMap tiles from the internet; off by default (offline workstation). */
    public static final Setting<Boolean> ONLINE_TILES = Setting.ofBoolean("map.onlineTiles", false);

    /** One-line explanation of {@link #ONLINE_TILES} for the settings page. */
    public static final String ONLINE_TILES_DESCRIPTION =
            "Load OpenStreetMap tiles from the internet when online (off: the map is drawn from the city pack "
                    + "or an imported MBTiles file, and nothing leaves this computer).";

    private MapSettings() {
    }
}
