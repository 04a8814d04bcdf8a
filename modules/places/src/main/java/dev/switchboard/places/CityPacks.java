package dev.switchboard.places;

import dev.switchboard.core.error.InputException;
import java.nio.file.Path;

/** Where city packs come from: the bundled Tokyo pack, or a folder an instructor provides. */
public final class CityPacks {

    /** Classpath folder of the bundled Tokyo pack (copied from {@code resources/city/tokyo}). */
    public static final String TOKYO_RESOURCE = "/city/tokyo/";

    private CityPacks() {
    }

    private static volatile CityPack tokyo;

    /**
     * The bundled Tokyo pack (23 special wards), read from the classpath on first use and then shared.
     *
     * @throws InputException if the bundled files are missing or damaged (a broken installation)
     */
    public static CityPack tokyo() {
        CityPack pack = tokyo;
        if (pack == null) {
            synchronized (CityPacks.class) {
                pack = tokyo;
                if (pack == null) {
                    pack = CityPackReader.read(CityPackReader.Source.classpath(TOKYO_RESOURCE));
                    tokyo = pack;
                }
            }
        }
        return pack;
    }

    /**
     * Reads the city pack in {@code dir} ({@code manifest.json} and the GeoJSON files it names).
     *
     * @throws InputException naming the file, the line where known, and the field, when the pack is malformed
     */
    public static CityPack load(Path dir) {
        return CityPackReader.read(CityPackReader.Source.folder(dir));
    }
}
