package dev.switchboard.city.engine.pack;

import dev.switchboard.core.error.InputException;
import java.nio.file.Path;

/** Where city packs come from: the bundled Tokyo pack, or a folder an instructor provides. */
public final class CityPacks {

    /** Classpath folder of the bundled Tokyo pack (copied from {@code resources/city/tokyo}). */
    public static final String TOKYO_RESOURCE = "/city/tokyo/";

    private CityPacks() {
    }

    /** The bundled Tokyo pack (23 special wards), read from the classpath once and then shared. */
    public static CityPack tokyo() {
        return TokyoHolder.PACK;
    }

    /**
     * Reads the city pack in {@code dir} ({@code manifest.json} and the GeoJSON files it names).
     *
     * @throws InputException naming the file, the line where known, and the field, when the pack is malformed
     */
    public static CityPack load(Path dir) {
        return CityPackReader.read(CityPackReader.Source.folder(dir));
    }

    /** Lazy holder: the bundled pack is read on first use, by one thread, exactly once. */
    private static final class TokyoHolder {
        static final CityPack PACK = CityPackReader.read(CityPackReader.Source.classpath(TOKYO_RESOURCE));
    }
}
