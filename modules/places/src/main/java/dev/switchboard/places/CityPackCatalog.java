package dev.switchboard.places;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.core.error.InputException;
import dev.switchboard.core.settings.Setting;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The city packs this workstation offers and the one an instructor chose: the bundled Tokyo, every pack folder
 * under the data dir's {@code packs/}, and any other folder the setting names. Packs are read when first asked for
 * and then kept, so nothing is loaded at start-up. Thread-safe.
 */
public final class CityPackCatalog {

    /** The chosen pack: {@value #BUNDLED} for the bundled Tokyo, or the folder of an imported pack. */
    public static final Setting<String> SELECTED = Setting.ofString("city.pack", CityPackCatalog.BUNDLED);

    /** The setting's value for the bundled Tokyo pack. */
    public static final String BUNDLED = "tokyo";

    private static final Logger LOG = LoggerFactory.getLogger(CityPackCatalog.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path packsDir;
    private final Supplier<String> selected;
    private String loadedKey;
    private Active loaded;

    /** One pack on offer, described from its manifest only. */
    public record Entry(String key, String id, String name, Path folder, String credits) {

        /** Whether this is the pack that ships with the program. */
        public boolean bundled() {
            return folder == null;
        }
    }

    /**
     * The pack to run in.
     *
     * @param pack    the pack
     * @param problem null, or why the chosen pack could not be used and the bundled one is used instead
     */
    public record Active(CityPack pack, String problem) {
    }

    /**
     * @param packsDir  the folder imported packs are kept in ({@code <data dir>/packs}); need not exist
     * @param selected  reads the {@link #SELECTED} setting each time the active pack is asked for
     */
    public CityPackCatalog(Path packsDir, Supplier<String> selected) {
        this.packsDir = Objects.requireNonNull(packsDir, "packsDir");
        this.selected = Objects.requireNonNull(selected, "selected");
    }

    /** A catalog that always gives the bundled Tokyo pack (tests, benchmarks). */
    public static CityPackCatalog bundledOnly() {
        return new CityPackCatalog(Path.of("packs-none"), () -> BUNDLED);
    }

    /** The folder imported packs are kept in. */
    public Path packsDir() {
        return packsDir;
    }

    /** The bundled pack first, then the pack folders under {@link #packsDir()} by name, then a chosen folder. */
    public List<Entry> available() {
        List<Entry> out = new ArrayList<>();
        out.add(new Entry(BUNDLED, BUNDLED, "Tokyo (23 special wards)", null, null));
        if (Files.isDirectory(packsDir)) {
            try (Stream<Path> dirs = Files.list(packsDir)) {
                for (Path d : dirs.filter(Files::isDirectory).sorted().toList()) {
                    describe(d).ifPresent(out::add);
                }
            } catch (IOException e) {
                LOG.warn("Cannot list the city packs in {}", packsDir, e);
            }
        }
        String chosen = selected.get();
        if (!chosen.equals(BUNDLED) && out.stream().noneMatch(e -> e.key().equals(chosen))) {
            describe(Path.of(chosen)).ifPresent(out::add);
        }
        out.sort(Comparator.comparing((Entry e) -> !e.bundled()));
        return out;
    }

    /** The pack in {@code folder} described from its manifest, or empty when it has none that reads. */
    public static Optional<Entry> describe(Path folder) {
        Path manifest = folder.resolve("manifest.json");
        if (!Files.isRegularFile(manifest)) {
            return Optional.empty();
        }
        try {
            JsonNode m = JSON.readTree(manifest.toFile());
            String id = m.path("id").asText("");
            String name = m.path("name").asText(id);
            if (id.isBlank()) {
                return Optional.empty();
            }
            return Optional.of(new Entry(folder.toAbsolutePath().normalize().toString(), id, name,
                    folder.toAbsolutePath().normalize(), m.path("credits").asText("")));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * The chosen pack, loaded on first use. When it cannot be read, the bundled Tokyo with the reason, so an
     * exercise can always start; the reason is logged and shown to the user.
     */
    public synchronized Active active() {
        String key = selected.get();
        if (key == null || key.isBlank()) {
            key = BUNDLED;
        }
        if (key.equals(loadedKey)) {
            return loaded;
        }
        Active a;
        if (key.equals(BUNDLED)) {
            a = new Active(CityPacks.tokyo(), null);
        } else {
            try {
                a = new Active(CityPacks.load(Path.of(key)), null);
            } catch (InputException e) {
                LOG.warn("The chosen city pack {} cannot be read; using the bundled Tokyo", key, e);
                a = new Active(CityPacks.tokyo(), e.getMessage());
            }
        }
        loadedKey = key;
        loaded = a;
        return a;
    }

    /** The pack of {@link #active()}. */
    public CityPack pack() {
        return active().pack();
    }
}
