package dev.switchboard.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.city.engine.bridge.DispatchParser;
import dev.switchboard.city.engine.bridge.ParseResult;
import dev.switchboard.city.engine.pipeline.DedupRule;
import dev.switchboard.city.engine.pipeline.PipelineBenchmark;
import dev.switchboard.city.engine.sim.CityRun;
import dev.switchboard.city.engine.sim.CityRunResult;
import dev.switchboard.city.engine.sim.Scenarios;
import dev.switchboard.city.model.DispatchCommand;
import dev.switchboard.city.engine.tiles.MbTiles;
import dev.switchboard.city.ui.Basemap;
import dev.switchboard.city.ui.MapBenchmark;
import dev.switchboard.app.Workstation;
import dev.switchboard.places.CityPack;
import dev.switchboard.places.CityPacks;
import dev.switchboard.places.RouteBenchmark;
import dev.switchboard.store.DataDir;
import dev.switchboard.core.error.InputException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code switchboard city run|parse|bench}: the control room's engine without a window. */
@Command(name = "city", description = "The control room's engine, headless: run an exercise, parse a dispatch "
        + "order, benchmark the pipeline and routing; city packs.", mixinStandardHelpOptions = true,
        subcommands = CityPackCommand.class)
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
            @Option(names = "--dedup", defaultValue = "observation", paramLabel = "observation|source-type",
                    description = "Duplicates are exact re-sends of one observation (default), or, as in the "
                            + "source design, any record of the same sensor and type within 5 s.") String dedup,
            @Option(names = "--json", description = "Print JSON instead of text.") boolean json) {
        if (scenario != null && Scenarios.byName(scenario).isEmpty()) {
            throw InputException.field("--scenario", "'" + scenario + "' is not one of " + Scenarios.names());
        }
        if (ticks < 1 || eventsPerTick < 0 || eventsPerTick > 100_000) {
            throw InputException.field("--ticks/--events-per-tick",
                    "ticks must be at least 1 and events per tick within 0..100000");
        }
        CityRunResult result = CityRun.run(CityRun.Options.of(seed, ticks, eventsPerTick, scenario)
                .withDedupRule(dedupRule(dedup)));
        spec.commandLine().getOut().println(json ? result.toJson() : result.toText());
        return 0;
    }

    private static DedupRule dedupRule(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "observation" -> DedupRule.SAME_OBSERVATION;
            case "source-type" -> DedupRule.SAME_SOURCE_AND_TYPE;
            default -> throw InputException.field("--dedup", "'" + value + "' is not observation or source-type");
        };
    }

    /** Parses one order (or several, one per line or ';'); prints typed JSON, exit 1 when any is rejected. */
    @Command(name = "parse", description = "Parse dispatch orders into typed commands (JSON); exit 1 with the "
            + "reason when an order does not parse.")
    int parse(@Parameters(paramLabel = "ORDER") String order) {
        PrintWriter out = spec.commandLine().getOut();
        boolean allParsed = true;
        // Places are checked against the bundled city, so an order naming a place it lacks is refused here.
        var places = DispatchParser.KnownPlaces.wardsOf(dev.switchboard.places.CityPacks.tokyo());
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

    /** The pipeline figures for the README: throughput and tick latency per case, spread and load; a soak. */
    @Command(name = "bench", description = "Pipeline figures: filter+score+top-K throughput and full tick latency "
            + "(min/median/max over the runs, with the load average), settled and fresh, neutral and rush hour, "
            + "both dedup rules, on one thread and on two; with --soak a heap/GC soak.")
    int bench(@Option(names = "--events-per-tick", defaultValue = "100000") int eventsPerTick,
              @Option(names = "--ticks", defaultValue = "300", description = "Measured ticks per run.") int ticks,
              @Option(names = "--runs", defaultValue = "10", description = "Runs per case.") int runs,
              @Option(names = "--warmup", defaultValue = "100", description = "Ticks before a settled run is "
                      + "measured.") int warmup,
              @Option(names = "--seed", defaultValue = "42") long seed,
              @Option(names = "--case", paramLabel = "headline|rush|fresh|seed-rule", split = ",",
                      description = "Only these cases (default all): headline = neutral and settled, rush = rush "
                              + "hour settled, fresh = rush hour in a new pipeline without GC settling, seed-rule "
                              + "= the source design's dedup rule.") List<String> kinds,
              @Option(names = "--threads", description = "Only cases on this many threads (1 or 2; default "
                      + "both).") Integer threads,
              @Option(names = "--soak", paramLabel = "DURATION", description = "e.g. PT10M") Duration soak) {
        if (eventsPerTick < 1 || eventsPerTick > 10_000_000 || ticks < 1 || runs < 1 || warmup < 0) {
            throw InputException.field("--events-per-tick/--ticks/--runs/--warmup",
                    "events per tick must be within 1..10000000, ticks and runs at least 1, warm-up not negative");
        }
        if (kinds != null) {
            for (String k : kinds) {
                if (!List.of("headline", "rush", "fresh", "seed-rule").contains(k)) {
                    throw InputException.field("--case", "'" + k + "' is not headline, rush, fresh or seed-rule");
                }
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<PipelineBenchmark.Case> cases = new ArrayList<>();
        for (PipelineBenchmark.Case c : PipelineBenchmark.Options.allCases()) {
            if ((threads == null || c.threads() == threads) && (kinds == null || kinds.contains(kind(c)))) {
                cases.add(c);
            }
        }
        if (cases.isEmpty()) {
            throw InputException.field("--threads", "no case runs on " + threads + " threads on this machine");
        }
        int total = runs * cases.size() + 1;
        int[] done = {0};
        PipelineBenchmark.Report report = PipelineBenchmark.run(new PipelineBenchmark.Options(eventsPerTick, ticks,
                runs, seed, warmup, cases), r -> {
                    done[0]++;
                    err.printf(Locale.ROOT, "run %d/%d  %-42s %5.1f M/s  tick p99 %6.2f ms  load %.2f%n", done[0],
                            total, r.benchCase().label(), r.filterScoreTopKEventsPerSecond() / 1e6,
                            r.tickP99Millis(), r.loadAverage());
                    err.flush();
                });
        out.println(report.describe());
        if (soak != null) {
            out.println(PipelineBenchmark.soak(soak, eventsPerTick).describe());
        }
        return 0;
    }

    private static String kind(PipelineBenchmark.Case c) {
        if (c.rule() == DedupRule.SAME_SOURCE_AND_TYPE) {
            return "seed-rule";
        }
        return c.fresh() ? "fresh" : c.rushHour() ? "rush" : "headline";
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

    /** Closest-unit search on a large road network, for the README: min/median/p99/max and the load average. */
    @Command(name = "route-bench", description = "Closest unit by road travel time among --units units, on a "
            + "generated city of at least --segments road segments or on a pack (--pack DIR, or 'active' for the "
            + "chosen one): min/median/p99/max per search and the load average.")
    int routeBench(@Option(names = "--segments", defaultValue = "200000") int segments,
                   @Option(names = "--units", defaultValue = "100") int units,
                   @Option(names = "--queries", defaultValue = "2000") int queries,
                   @Option(names = "--seed", defaultValue = "7") long seed,
                   @Option(names = "--pack", paramLabel = "DIR|active") String pack) {
        if (units < 1 || queries < 1 || segments < 4) {
            throw InputException.field("--units/--queries/--segments", "must be positive");
        }
        RouteBenchmark.Result result;
        if (pack == null) {
            result = RouteBenchmark.onGrid(segments, units, queries, seed);
        } else {
            long start = System.nanoTime();
            CityPack loaded;
            if (pack.equals("active")) {
                try (Workstation ws = openWorkstationForPacks()) {
                    loaded = ws.cityPacks().pack();
                }
            } else {
                loaded = CityPacks.load(java.nio.file.Path.of(pack));
            }
            result = RouteBenchmark.onPack(loaded, (System.nanoTime() - start) / 1e6, units, queries, seed);
        }
        spec.commandLine().getOut().println(result.describe());
        return result.mismatches() == 0 ? 0 : 1;
    }

    /** The workstation, opened only to read the settings and the packs. */
    Workstation openWorkstationForPacks() {
        return openWorkstation();
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
