package dev.switchboard.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.city.engine.bridge.DispatchParser;
import dev.switchboard.city.engine.bridge.ParseResult;
import dev.switchboard.city.engine.pipeline.PipelineBenchmark;
import dev.switchboard.city.engine.sim.CityRun;
import dev.switchboard.city.engine.sim.CityRunResult;
import dev.switchboard.city.engine.sim.Scenarios;
import dev.switchboard.city.model.DispatchCommand;
import dev.switchboard.city.engine.pack.tiles.MbTiles;
import dev.switchboard.city.ui.Basemap;
import dev.switchboard.city.ui.MapBenchmark;
import dev.switchboard.store.DataDir;
import dev.switchboard.core.error.InputException;
import java.io.PrintWriter;
import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code switchboard city run|parse|bench}: the control room's engine without a window. */
@Command(name = "city", description = "The control room's engine, headless: run an exercise, parse a dispatch "
        + "order, benchmark the pipeline.", mixinStandardHelpOptions = true)
public final class CityCommand extends DataDirCommand {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Runs ticks of one sim second each, autopilot on, and prints per-stage counts, latencies and outcomes. */
    @Command(name = "run", description = "Run the simulation headless (1 s of sim time per tick, autopilot on) and "
            + "print per-stage counts, latencies and dispatch outcomes.")
    int run(@Option(names = "--seed", defaultValue = "42") long seed,
            @Option(names = "--ticks", defaultValue = "600") int ticks,
            @Option(names = "--events-per-tick", defaultValue = "20000") int eventsPerTick,
            @Option(names = "--scenario", description = "One of: ${COMPLETION-CANDIDATES}",
                    completionCandidates = ScenarioNames.class) String scenario,
            @Option(names = "--json", description = "Print JSON instead of text.") boolean json) {
        if (scenario != null && Scenarios.byName(scenario).isEmpty()) {
            throw InputException.field("--scenario", "'" + scenario + "' is not one of " + Scenarios.names());
        }
        if (ticks < 1 || eventsPerTick < 0 || eventsPerTick > 100_000) {
            throw InputException.field("--ticks/--events-per-tick",
                    "ticks must be at least 1 and events per tick within 0..100000");
        }
        CityRunResult result = CityRun.run(CityRun.Options.of(seed, ticks, eventsPerTick, scenario));
        spec.commandLine().getOut().println(json ? result.toJson() : result.toText());
        return 0;
    }

    /** Parses one order (or several, one per line or ';'); prints typed JSON, exit 1 when any is rejected. */
    @Command(name = "parse", description = "Parse dispatch orders into typed commands (JSON); exit 1 with the "
            + "reason when an order does not parse.")
    int parse(@Parameters(paramLabel = "ORDER") String order) {
        PrintWriter out = spec.commandLine().getOut();
        boolean allParsed = true;
        // Places are checked against the bundled city, so an order naming a place it lacks is refused here.
        var places = DispatchParser.KnownPlaces.wardsOf(dev.switchboard.city.engine.pack.CityPacks.tokyo());
        for (ParseResult result : DispatchParser.parseAll(order, places)) {
            ObjectNode node = JSON.createObjectNode();
            switch (result) {
                case ParseResult.Parsed parsed -> describe(node, parsed.command());
                case ParseResult.Rejected rejected -> {
                    allParsed = false;
                    node.put("error", rejected.reason());
                    node.put("column", rejected.column());
                }
            }
            out.println(node.toString());
        }
        return allParsed ? 0 : 1;
    }

    /** The pipeline figures for the README: throughput, tick latency, and optionally a soak. */
    @Command(name = "bench", description = "Filter+score+top-K throughput on one thread, full tick latency at "
            + "100,000 events, and with --soak a heap/GC soak.")
    int bench(@Option(names = "--events-per-tick", defaultValue = "100000") int eventsPerTick,
              @Option(names = "--ticks", defaultValue = "200") int ticks,
              @Option(names = "--seed", defaultValue = "42") long seed,
              @Option(names = "--soak", paramLabel = "DURATION", description = "e.g. PT10M") Duration soak) {
        PrintWriter out = spec.commandLine().getOut();
        out.println(PipelineBenchmark.run(eventsPerTick, ticks, seed).describe());
        if (soak != null) {
            out.println(PipelineBenchmark.soak(soak, eventsPerTick).describe());
        }
        return 0;
    }

    /** Imports, shows or removes the raster basemap (MBTiles) the control room draws under its markers. */
    @Command(name = "basemap", description = "import FILE | show | remove: the MBTiles basemap the control room "
            + "shows instead of the city pack's drawing (raster PNG/JPEG tiles).")
    int basemap(@Parameters(paramLabel = "import|show|remove") String action,
                @Parameters(paramLabel = "FILE", arity = "0..1") java.nio.file.Path file,
                @Option(names = "--skip-bad", description = "Import even when some tiles are bad (not PNG/JPEG, "
                        + "over 1 MB or 1024 px); those are never drawn.") boolean skipBad) throws java.io.IOException {
        PrintWriter out = spec.commandLine().getOut();
        DataDir dir = dataDir().ensureCreated();
        java.nio.file.Path target = Basemap.file(dir);
        switch (action) {
            case "import" -> {
                if (file == null) {
                    throw InputException.field("FILE", "give the .mbtiles file to import");
                }
                try (MbTiles tiles = MbTiles.open(file)) {
                    MbTiles.Check check = tiles.checkTiles();
                    out.println("Checked " + file + ": format " + tiles.format() + ", zoom "
                            + tiles.minZoom().map(String::valueOf).orElse("?") + "–"
                            + tiles.maxZoom().map(String::valueOf).orElse("?") + "; " + check.describe());
                    if (check.good() == 0) {
                        throw new InputException(file, 0, "tiles", "no tile can be drawn (" + check.describe()
                                + "); nothing was imported");
                    }
                    if (check.good() < check.tiles() && !skipBad) {
                        throw new InputException(file, 0, "tiles", (check.tiles() - check.good()) + " of "
                                + check.tiles() + " tiles are bad (" + check.describe() + "); nothing was imported. "
                                + "Add --skip-bad to import it anyway: bad tiles are never drawn");
                    }
                }
                java.nio.file.Files.createDirectories(target.getParent());
                java.nio.file.Path partial = target.resolveSibling("basemap.mbtiles.partial");
                java.nio.file.Files.copy(file, partial, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                java.nio.file.Files.move(partial, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
                out.println("Imported to " + target + "; the control room uses it from its next start.");
            }
            case "show" -> out.println(java.nio.file.Files.exists(target) ? "Basemap: " + target
                    : "No basemap imported; the control room draws the city pack.");
            case "remove" -> {
                boolean removed = java.nio.file.Files.deleteIfExists(target);
                out.println(removed ? "Removed " + target : "No basemap was imported.");
            }
            default -> throw InputException.field("action", "'" + action + "' is not import, show or remove");
        }
        return 0;
    }

    /** Frame figures of the map under load in a real window; needs a display (e.g. xvfb-run). */
    @Command(name = "map-bench", description = "Map with 10,000 markers and 100 moving units in a real window "
            + "(needs a display, e.g. xvfb-run): frame interval and marker-layer time p50/p95/max.")
    int mapBench(@Option(names = "--markers", defaultValue = "10000") int markers,
                 @Option(names = "--units", defaultValue = "100") int units,
                 @Option(names = "--seconds", defaultValue = "10") int seconds) throws Exception {
        spec.commandLine().getOut().println(MapBenchmark.run(markers, units, seconds));
        return 0;
    }

    private static void describe(ObjectNode node, DispatchCommand command) {
        switch (command) {
            case DispatchCommand.Dispatch d -> {
                node.put("command", "dispatch");
                node.put("unitType", d.unitType().name());
                node.put("count", d.count());
                node.put("place", d.place());
            }
            case DispatchCommand.Evacuate e -> {
                node.put("command", "evacuate");
                node.put("area", e.area());
            }
            case DispatchCommand.StandDown s -> {
                node.put("command", "standDown");
                node.put("unitId", s.unitId());
            }
        }
    }

    /** Scenario names for --help. */
    static final class ScenarioNames implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return Scenarios.names().iterator();
        }
    }
}
