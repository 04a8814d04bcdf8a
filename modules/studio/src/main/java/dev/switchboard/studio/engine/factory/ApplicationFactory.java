package dev.switchboard.studio.engine.factory;

import dev.switchboard.core.error.InputException;
import dev.switchboard.core.id.Ids;
import dev.switchboard.studio.model.factory.Architecture;
import dev.switchboard.studio.model.factory.ArchitecturePattern;
import dev.switchboard.studio.model.factory.FactoryRun;
import dev.switchboard.studio.model.factory.GeneratorKind;
import dev.switchboard.studio.model.factory.GeneratorReport;
import dev.switchboard.studio.model.factory.Intent;
import dev.switchboard.studio.model.factory.Specification;
import dev.switchboard.studio.model.factory.Violation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The seed's pipeline, intent → specification → architecture → code, end to end: each run reads the intent,
 * writes and validates the specification, lays out the architecture, runs the generators in parallel into a
 * new folder of its own, and is kept so it can be reopened, compared and run again. Thread-safe.
 */
public final class ApplicationFactory {

    private static final Logger LOG = LoggerFactory.getLogger(ApplicationFactory.class);

    private final IntentReader reader;
    private final FactoryRuns runs;
    private final Path root;
    private final Clock clock;

    /**
     * @param root where each run gets its folder ({@code <root>/<run id>}); runs given their own output folder
     *             (the CLI's {@code --out}) write there instead
     */
    public ApplicationFactory(IntentReader reader, FactoryRuns runs, Path root, Clock clock) {
        this.reader = Objects.requireNonNull(reader, "reader");
        this.runs = runs;
        this.root = Objects.requireNonNull(root, "root");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public FactoryRuns runs() {
        return runs;
    }

    /**
     * Runs the whole pipeline and keeps the run.
     *
     * @param out the folder to write into, which must not exist or be empty; null for the run's own folder
     * @param progress each generator's progress 0..1, from the generators' threads
     * @throws InputException naming {@code intent}, {@code stack} or {@code out} for input the factory refuses
     */
    public FactoryRun run(String intentText, String stack, boolean llm, String by, Path out,
                          BiConsumer<GeneratorKind, Double> progress) {
        String s = CodeGenerators.stack(stack);
        Intent intent = reader.read(intentText, llm);
        String id = Ids.next(clock.millis());
        Path folder = out != null ? out.toAbsolutePath().normalize() : root.resolve(id);
        checkEmpty(folder);
        Map.Entry<ArchitecturePattern, String> pattern = ArchitectureScaffolder.choose(intent);
        List<String> stackParts = stackParts(intent);
        Specification spec = SpecificationWriter.write(intent, pattern.getKey(), stackParts);
        List<Violation> violations = SpecValidator.check(intent, spec, pattern.getKey());
        String pkg = "dev.generated." + Names.packageSegment(intent.name());
        Architecture architecture = ArchitectureScaffolder.scaffold(intent, pattern.getKey(), pattern.getValue(), pkg,
                stackParts);
        FactoryContext ctx = new FactoryContext(id, intent, spec, architecture, Names.slug(intent.name()), pkg);
        List<GeneratorReport> reports = CodeGenerators.run(ctx, folder, progress);
        FactoryRun run = new FactoryRun(id, intent.text(), s, llm ? "llm" : "rules", by, clock.instant(), intent,
                spec, violations, architecture, reports, folder);
        if (runs != null) {
            runs.save(run);
        }
        LOG.info("Factory run {} by {}: {} files in {}, {} violation(s)", id, by, run.files().size(), folder,
                violations.size());
        return run;
    }

    /** Runs the intent of an earlier run again, in the same mode and stack, into a new folder. */
    public FactoryRun rerun(String runId, String by, BiConsumer<GeneratorKind, Double> progress) {
        FactoryRun old = runs.find(runId).orElseThrow(() -> InputException.field("run", "no factory run '" + runId
                + "'"));
        return run(old.intentText(), old.stack(), old.mode().equals("llm"), by, null, progress);
    }

    /** How two runs differ: their understanding, figures, violations and files. */
    public static Comparison compare(FactoryRun a, FactoryRun b) {
        List<String> changes = new ArrayList<>();
        diff(changes, "intent type", a.intent().type().label(), b.intent().type().label());
        diff(changes, "application", a.intent().app().label(), b.intent().app().label());
        diff(changes, "records", names(a), names(b));
        diff(changes, "features", a.intent().features().stream().map(f -> f.value()).toList(),
                b.intent().features().stream().map(f -> f.value()).toList());
        diff(changes, "pattern", a.architecture().pattern().label(), b.architecture().pattern().label());
        diff(changes, "complexity", a.specification().complexity(), b.specification().complexity());
        diff(changes, "scalability", a.specification().scalability(), b.specification().scalability());
        diff(changes, "security", a.specification().security().label(), b.specification().security().label());
        diff(changes, "violations", a.violations().size(), b.violations().size());
        Set<String> onlyA = new TreeSet<>(a.files());
        onlyA.removeAll(b.files());
        Set<String> onlyB = new TreeSet<>(b.files());
        onlyB.removeAll(a.files());
        List<String> changed = new ArrayList<>();
        for (String f : a.files()) {
            if (b.files().contains(f) && !sameContent(a.folder().resolve(f), b.folder().resolve(f), a.id(), b.id())) {
                changed.add(f);
            }
        }
        return new Comparison(changes, List.copyOf(onlyA), List.copyOf(onlyB), changed);
    }

    private static List<String> names(FactoryRun r) {
        return r.intent().entities().stream().map(e -> e.value()).toList();
    }

    private static void diff(List<String> out, String what, Object a, Object b) {
        if (!Objects.equals(a, b)) {
            out.add(what + ": " + a + " → " + b);
        }
    }

    /** Same bytes once each run's id is taken out (every file names the run that made it). */
    private static boolean sameContent(Path a, Path b, String idA, String idB) {
        try {
            return Files.readString(a).replace(idA, "RUN").equals(Files.readString(b).replace(idB, "RUN"));
        } catch (IOException e) {
            return false;
        }
    }

    private static List<String> stackParts(Intent intent) {
        List<String> parts = new ArrayList<>(List.of("Java 21", "Maven", "JUnit 5", "JDK HTTP server"));
        intent.technologies().forEach(t -> {
            if (!parts.contains(t.value()) && !t.value().equals("Java")) {
                parts.add(t.value() + " (asked for; outline only)");
            }
        });
        return parts;
    }

    private static void checkEmpty(Path folder) {
        try {
            if (Files.exists(folder)) {
                if (!Files.isDirectory(folder)) {
                    throw InputException.field("out", folder + " is a file; give a folder that does not exist or is "
                            + "empty");
                }
                try (var entries = Files.list(folder)) {
                    if (entries.findAny().isPresent()) {
                        throw InputException.field("out", folder + " is not empty; the factory never writes over "
                                + "files: give a new folder");
                    }
                }
            }
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + folder, e);
        }
    }

    /**
     * How two runs differ.
     *
     * @param changes one line per differing item, "what: before → after"
     * @param changedFiles files both runs wrote whose content differs
     */
    public record Comparison(List<String> changes, List<String> onlyInFirst, List<String> onlyInSecond,
                             List<String> changedFiles) {
    }
}
