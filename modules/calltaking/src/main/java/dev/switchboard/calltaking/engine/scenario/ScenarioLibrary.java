package dev.switchboard.calltaking.engine.scenario;

import dev.switchboard.core.error.InputException;
import dev.switchboard.core.io.TextFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The training calls a trainee can take: the library bundled in the jar under {@code /scenarios} (listed in
 * {@code /scenarios/index.txt}, since a jar cannot be listed portably) plus every {@code *.yaml} / {@code *.yml}
 * file in the instructors' folders, usually {@code <data dir>/scenarios}. A file with mistakes is left out and
 * reported in {@link #problems()} with file, line and field; the rest still loads. A scenario whose id is already
 * taken by an earlier file is left out too, except that an instructor's file may replace a bundled scenario on
 * purpose: it wins, and a note in {@link #problems()} says so. Immutable once loaded.
 */
public final class ScenarioLibrary {

    /** Where the bundled library lives on the classpath. */
    public static final String BUNDLED_ROOT = "/scenarios/";
    /** The bundled library's list of files, one name a line, {@code #} comments. */
    public static final String INDEX = BUNDLED_ROOT + "index.txt";
    /** Start of the message of a problem that is only a note (a bundled scenario replaced). */
    public static final String NOTE = "note: ";

    private final List<Scenario> scenarios;
    private final List<ScenarioProblem> problems;

    private ScenarioLibrary(List<Scenario> scenarios, List<ScenarioProblem> problems) {
        this.scenarios = List.copyOf(scenarios);
        this.problems = List.copyOf(problems);
    }

    /**
     * The bundled library plus every scenario file directly inside each of {@code extraDirs}, in name order.
     * Folders that do not exist are skipped (a fresh data dir has none); never throws for a bad file.
     */
    public static ScenarioLibrary load(List<Path> extraDirs) {
        Map<String, Scenario> byId = new LinkedHashMap<>();
        Map<String, Boolean> bundled = new LinkedHashMap<>();
        List<ScenarioProblem> problems = new ArrayList<>();
        for (String name : bundledNames(problems)) {
            String file = "bundled:" + name;
            Optional<String> text = readResource(BUNDLED_ROOT + name);
            if (text.isEmpty()) {
                problems.add(new ScenarioProblem(INDEX, 0, "", "lists '" + name + "' but the jar has no such file"));
                continue;
            }
            read(file, text.get(), byId, bundled, true, problems);
        }
        for (Path dir : extraDirs == null ? List.<Path>of() : extraDirs) {
            for (Path path : scenarioFiles(dir, problems)) {
                String text;
                try {
                    // The size first: a 50 MB value would keep the YAML parser busy for minutes.
                    text = TextFiles.readUtf8(path, YamlTree.MAX_CHARS, "a scenario");
                } catch (InputException e) {
                    problems.add(new ScenarioProblem(path.toString(), e.line(), "", e.problem()));
                    continue;
                }
                read(path.toString(), text, byId, bundled, false, problems);
            }
        }
        return new ScenarioLibrary(new ArrayList<>(byId.values()), problems);
    }

    /** The bundled library only. */
    public static ScenarioLibrary bundled() {
        return load(List.of());
    }

    /**
     * Checks one scenario file's text without adding it to any library, e.g. for an editor or a CLI check.
     *
     * @param file the name to report problems under
     */
    public static ScenarioLibrary check(String file, String yaml) {
        ScenarioReader reader = new ScenarioReader(file);
        Optional<Scenario> scenario = reader.read(yaml);
        return new ScenarioLibrary(scenario.stream().toList(), reader.problems());
    }

    /** Every scenario that loaded: bundled ones in index order, then instructors' ones in file-name order. */
    public List<Scenario> scenarios() {
        return scenarios;
    }

    public Optional<Scenario> find(String id) {
        return scenarios.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    /** Mistakes found while loading, and notes (message starting with {@link #NOTE}); empty when all is well. */
    public List<ScenarioProblem> problems() {
        return problems;
    }

    /** The problems that left a file or a scenario out, without the notes. */
    public List<ScenarioProblem> errors() {
        return problems.stream().filter(p -> !p.message().startsWith(NOTE)).toList();
    }

    private static void read(String file, String text, Map<String, Scenario> byId, Map<String, Boolean> bundled,
                             boolean isBundled, List<ScenarioProblem> problems) {
        ScenarioReader reader = new ScenarioReader(file);
        Optional<Scenario> scenario = reader.read(text);
        problems.addAll(reader.problems());
        if (scenario.isEmpty()) {
            return;
        }
        Scenario s = scenario.get();
        Scenario earlier = byId.get(s.id());
        if (earlier != null) {
            if (!isBundled && bundled.getOrDefault(s.id(), false)) {
                problems.add(new ScenarioProblem(file, idLine(text), "id", NOTE + "replaces the bundled scenario '"
                        + s.id() + "' (" + earlier.source() + ")"));
                byId.put(s.id(), s);
                bundled.put(s.id(), false);
            } else {
                problems.add(new ScenarioProblem(file, idLine(text), "id", "id '" + s.id() + "' is already used by "
                        + earlier.source() + "; this file is left out"));
            }
            return;
        }
        byId.put(s.id(), s);
        bundled.put(s.id(), isBundled);
    }

    private static int idLine(String text) {
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("id:")) {
                return i + 1;
            }
        }
        return 0;
    }

    private static List<String> bundledNames(List<ScenarioProblem> problems) {
        Optional<String> index = readResource(INDEX);
        if (index.isEmpty()) {
            problems.add(new ScenarioProblem(INDEX, 0, "", "the bundled scenario index is missing from the jar"));
            return List.of();
        }
        return index.get().lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    }

    private static Optional<String> readResource(String name) {
        try (InputStream in = ScenarioLibrary.class.getResourceAsStream(name)) {
            if (in == null) {
                return Optional.empty();
            }
            return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static List<Path> scenarioFiles(Path dir, List<ScenarioProblem> problems) {
        if (dir == null || !Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> {
                        String n = p.getFileName().toString();
                        return n.endsWith(".yaml") || n.endsWith(".yml");
                    })
                    .sorted(Comparator.comparing(p -> p.getFileName().toString()))
                    .toList();
        } catch (IOException e) {
            problems.add(new ScenarioProblem(dir.toString(), 0, "", "folder could not be listed: " + e.getMessage()));
            return List.of();
        }
    }
}
