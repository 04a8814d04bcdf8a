package dev.switchboard.city.engine.tiles;

import java.awt.Color;
import java.util.List;
import java.util.Objects;

/**
 * Colours of the offline map tiles.
 *
 * @param name short name, part of the tile cache key
 * @param wardTints fills laid over the land for the wards, used in turn so neighbours differ slightly
 */
public record TilePalette(String name, Color water, Color land, List<Color> wardTints, Color wardBorder,
                          Color coast, Color street, Color arterial, Color arterialCasing, Color label,
                          Color labelHalo) {

    /** The control-room palette: dark water and land, muted borders, bright arterials. */
    public static final TilePalette DARK = new TilePalette("dark",
            new Color(0x0b1622), new Color(0x1b2430),
            List.of(new Color(0x1d2733), new Color(0x1f2a36), new Color(0x1c2530), new Color(0x202b38)),
            new Color(0x3d5068), new Color(0x2f4a66), new Color(0x3a4656), new Color(0x8a94a6),
            new Color(0x141b24), new Color(0xc8d3e0), new Color(0x0b1622));

    /** A light palette for bright rooms and printed reports. */
    public static final TilePalette LIGHT = new TilePalette("light",
            new Color(0xaad3df), new Color(0xf2efe9),
            List.of(new Color(0xf2efe9), new Color(0xefece4), new Color(0xf4f1ea), new Color(0xece9e1)),
            new Color(0xa89fb4), new Color(0x7fa6bd), new Color(0xffffff), new Color(0xfcd6a4),
            new Color(0xc7b79b), new Color(0x3c3c46), new Color(0xffffff));

    public TilePalette {
        Objects.requireNonNull(name, "name");
        wardTints = List.copyOf(wardTints);
        if (wardTints.isEmpty()) {
            throw new IllegalArgumentException("A palette needs at least one ward tint");
        }
    }
}
