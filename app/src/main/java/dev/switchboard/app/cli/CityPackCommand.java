package dev.switchboard.app.cli;

import dev.switchboard.app.Workstation;
import dev.switchboard.core.error.InputException;
import dev.switchboard.places.Bounds;
import dev.switchboard.places.CityPack;
import dev.switchboard.places.CityPackCatalog;
import dev.switchboard.places.CityPacks;
import dev.switchboard.places.RoadClass;
import dev.switchboard.places.imports.CityPackImport;
import dev.switchboard.places.imports.ImportProgress;
import dev.switchboard.store.DataDir;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code switchboard city pack import|list|use|check}: make, list, choose and check city packs. */
@Command(name = "pack", description = "City packs: import official boundaries and OpenStreetMap roads into a "
        + "pack, list the packs, choose the one the workstation uses, check a pack folder.",
        mixinStandardHelpOptions = true)
public final class CityPackCommand {

    @ParentCommand
    CityCommand city;

    @Spec
    CommandSpec spec;

    /** Builds a pack from standard data; prints progress to stderr and the summary to stdout. */
    @Command(name = "import", description = "Build a city pack from district boundaries (GeoJSON, e.g. Japan's N03), "
            + "roads (OpenStreetMap .osm / .osm.pbf, or GeoJSON), places and bases.")
    int importPack(
            @Option(names = "--wards", required = true, paramLabel = "FILE.geojson",
                    description = "District boundaries: N03 (N03_004 name, N03_007 code) or any polygons with a name.")
            Path wards,
            @Option(names = "--roads", paramLabel = "FILE", description = "Roads: .osm, .osm.pbf or .geojson "
                    + "(highway or class property). Without it, straight placeholder arterials.") Path roads,
            @Option(names = "--places", paramLabel = "FILE", description = "Named places: GeoJSON or OSM (stations, "
                    + "hospitals, police and fire stations, parks, landmarks, neighbourhoods).") Path places,
            @Option(names = "--bases", paramLabel = "FILE.geojson", description = "Stations: Points with type "
                    + "(police, fire, hospital, traffic) and name. Without it, taken from the places.") Path bases,
            @Option(names = "--land", paramLabel = "FILE.geojson", description = "Land polygons (to draw water). "
                    + "Without it, the districts' own area is the land.") Path land,
            @Option(names = "--id", required = true) String id,
            @Option(names = "--name", required = true) String name,
            @Option(names = "--out", paramLabel = "DIR", description = "A new folder for the pack. Default: "
                    + "<data dir>/packs/ID, where Settings lists it.") Path out,
            @Option(names = "--name-property", paramLabel = "PROPERTY",
                    description = "The districts' local-name property (default: N03_004, name_ja, name, ...).")
            String nameProperty,
            @Option(names = "--name-en-property", paramLabel = "PROPERTY",
                    description = "The districts' English-name property (default: name_en, name:en, name_romaji, ...).")
            String nameEnProperty,
            @Option(names = "--code-property", paramLabel = "PROPERTY",
                    description = "The districts' code property (default: N03_007, code, id).") String codeProperty,
            @Option(names = "--where", paramLabel = "PROPERTY=REGEX", description = "Keep only districts whose "
                    + "property matches, e.g. N03_004=.*区 for Tokyo's wards. Repeatable.") List<String> where,
            @Option(names = "--bounds", paramLabel = "S,W,N,E", description = "The pack's box in degrees. Default: "
                    + "the districts plus a margin.") String bounds,
            @Option(names = "--simplify", defaultValue = "2", paramLabel = "METRES",
                    description = "Road shape tolerance between junctions (0 keeps every vertex).") double simplify,
            @Option(names = "--credits", description = "Attribution shown with the map. Default: written from the "
                    + "sources.") String credits,
            @Option(names = "--use", description = "Make it the workstation's city pack.") boolean use) {
        DataDir dataDir = city.dataDir();
        Path target = out != null ? out : dataDir.root().resolve("packs").resolve(id);
        Map<String, String> filters = new LinkedHashMap<>();
        for (String w : where == null ? List.<String>of() : where) {
            int eq = w.indexOf('=');
            if (eq <= 0) {
                throw InputException.field("--where", "must be PROPERTY=REGEX, was '" + w + "'");
            }
            filters.put(w.substring(0, eq), w.substring(eq + 1));
        }
        PrintWriter err = spec.commandLine().getErr();
        ImportProgress progress = (stage, detail) -> {
            err.println("[" + stage + "] " + detail);
            err.flush();
        };
        CityPackImport.Summary summary = CityPackImport.run(new CityPackImport.Options(wards, roads, places, bases,
                land, id, name, target, nameProperty, nameEnProperty, codeProperty, filters,
                bounds == null ? null : bounds(bounds), simplify, credits), progress);
        PrintWriter outWriter = spec.commandLine().getOut();
        summary.lines().forEach(outWriter::println);
        if (use) {
            select(dataDir, target.toAbsolutePath().normalize().toString());
            outWriter.println("The workstation now uses this pack.");
        } else {
            outWriter.println("Choose it in Settings, or: switchboard city pack use " + target);
        }
        return 0;
    }

    /** Lists the packs on offer, marking the chosen one. */
    @Command(name = "list", description = "The city packs on offer: the bundled Tokyo and those under "
            + "<data dir>/packs; * marks the one in use.")
    int list() {
        try (Workstation ws = city.openWorkstationForPacks()) {
            CityPackCatalog catalog = ws.cityPacks();
            String chosen = ws.settings().get(CityPackCatalog.SELECTED);
            PrintWriter out = spec.commandLine().getOut();
            for (CityPackCatalog.Entry e : catalog.available()) {
                out.println((e.key().equals(chosen) ? "* " : "  ") + e.id() + "  " + e.name() + "  "
                        + (e.bundled() ? "(bundled)" : e.folder()));
            }
        }
        return 0;
    }

    /** Chooses the pack the workstation uses. */
    @Command(name = "use", description = "Choose the city pack: 'tokyo' for the bundled one, or a pack folder "
            + "(checked first).")
    int use(@Parameters(paramLabel = "tokyo|DIR") String pack) {
        String key;
        if (pack.equals(CityPackCatalog.BUNDLED)) {
            key = CityPackCatalog.BUNDLED;
        } else {
            Path dir = Path.of(pack);
            if (!Files.isDirectory(dir)) {
                Path inPacks = city.dataDir().root().resolve("packs").resolve(pack);
                dir = Files.isDirectory(inPacks) ? inPacks : dir;
            }
            CityPacks.load(dir);
            key = dir.toAbsolutePath().normalize().toString();
        }
        select(city.dataDir(), key);
        spec.commandLine().getOut().println("The workstation now uses " + (key.equals(CityPackCatalog.BUNDLED)
                ? "the bundled Tokyo pack" : key) + " (from the next exercise and call).");
        return 0;
    }

    /** Loads a pack folder and prints what it holds; exit 1 with the problem when it does not load. */
    @Command(name = "check", description = "Load a pack folder and print what it holds: districts, road km by "
            + "class, junctions, bases, places.")
    int check(@Parameters(paramLabel = "DIR") Path dir) {
        CityPack pack = CityPacks.load(dir);
        PrintWriter out = spec.commandLine().getOut();
        out.println("City pack '" + pack.id() + "' (" + pack.name() + ") in " + dir + " reads.");
        out.println("  districts: " + pack.wards().size());
        Map<RoadClass, double[]> km = new LinkedHashMap<>();
        pack.roads().forEachEdge((a, b, cls, meters) -> km.computeIfAbsent(cls, c -> new double[1])[0] += meters);
        StringBuilder byClass = new StringBuilder();
        for (RoadClass c : RoadClass.values()) {
            byClass.append(byClass.length() > 0 ? ", " : "").append(String.format(Locale.ROOT, "%s %.1f km",
                    c.fileName(), km.getOrDefault(c, new double[1])[0] / 1000));
        }
        out.println(String.format(Locale.ROOT, "  roads: %s; %,d segments, %,d junctions, %d connected parts "
                + "(the largest, %,d of %,d nodes, is used)", byClass, pack.roads().edgeCount(),
                pack.roads().junctionCount(), pack.roads().componentCount(), pack.roads().routableNodeCount(),
                pack.roads().nodeCount()));
        Map<String, Integer> bases = new LinkedHashMap<>();
        pack.bases().forEach(b -> bases.merge(b.type().name().toLowerCase(Locale.ROOT), 1, Integer::sum));
        out.println("  bases: " + bases);
        out.println("  places: " + pack.gazetteer().entries().size() + " names");
        out.println("  credits: " + pack.credits());
        return 0;
    }

    private static void select(DataDir dataDir, String key) {
        try (Workstation ws = Workstation.open(dataDir, java.time.Clock.systemDefaultZone())) {
            ws.settings().set(CityPackCatalog.SELECTED, key);
        }
    }

    private static Bounds bounds(String text) {
        String[] parts = text.split(",");
        if (parts.length != 4) {
            throw InputException.field("--bounds", "must be S,W,N,E in degrees, was '" + text + "'");
        }
        try {
            return new Bounds(Double.parseDouble(parts[0].strip()), Double.parseDouble(parts[1].strip()),
                    Double.parseDouble(parts[2].strip()), Double.parseDouble(parts[3].strip()));
        } catch (IllegalArgumentException e) {
            throw InputException.field("--bounds", "must be S,W,N,E with south < north and west < east: "
                    + e.getMessage());
        }
    }
}
