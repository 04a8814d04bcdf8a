package dev.switchboard.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.switchboard.app.Workstation;
import dev.switchboard.core.error.InputException;
import dev.switchboard.studio.model.factory.Evidence;
import dev.switchboard.studio.model.factory.FactoryRun;
import dev.switchboard.studio.model.factory.GeneratorReport;
import dev.switchboard.studio.model.factory.Specification;
import dev.switchboard.studio.model.factory.Violation;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code switchboard studio factory "INTENT" --out DIR}: the application factory end to end; writes the
 * specification, architecture and code into DIR (which must be new or empty) and prints the validation report.
 */
@Command(name = "factory", mixinStandardHelpOptions = true,
        description = "Intent → specification → architecture → code into --out DIR (new or empty); prints the "
                + "validation report. The run is kept in the Studio.")
final class StudioFactoryCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    @ParentCommand
    StudioCommand parent;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "INTENT", description = "What to build, e.g. \"Create a REST API to track incidents\".")
    String intent;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "Where to write (new or empty).")
    Path out;

    @Option(names = "--stack", defaultValue = "java-maven", description = "The stack; java-maven is the one made "
            + "for real.")
    String stack;

    @Option(names = "--llm", description = "Read the intent with the language model of the Studio use (falls back "
            + "to the rules).")
    boolean llm;

    @Option(names = "--json", description = "Print the run as JSON.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        if (out == null) {
            throw InputException.field("--out", "give a new or empty folder to write into");
        }
        PrintWriter w = spec.commandLine().getOut();
        try (Workstation ws = parent.openWorkstation()) {
            FactoryRun run = ws.factory().run(intent, stack, llm, DataDirCommand.cliActor(), out, (k, p) -> { });
            if (json) {
                ObjectNode n = JSON.valueToTree(run);
                n.put("folder", run.folder().toString());
                w.println(JSON.writeValueAsString(n));
                return 0;
            }
            w.println("Run " + run.id() + " (" + run.mode() + ") wrote " + run.files().size() + " files to "
                    + run.folder());
            w.println("Understood: " + run.intent().type().label() + ", " + run.intent().app().label() + " \""
                    + run.intent().name() + "\"; records " + run.intent().entities().stream().map(Evidence::value)
                    .collect(Collectors.joining(", ")));
            w.println("Architecture: " + run.architecture().pattern().label() + " (" + run.architecture().why() + ")");
            Specification s = run.specification();
            w.printf(Locale.ROOT, "Validation: complexity %.1f (≤ 10), scalability %d (≥ 5), security %s, "
                    + "services %d, coverage target %d %% (≥ 70)%n", s.complexity(), s.scalability(),
                    s.security().label(), s.services(), s.coverageTarget());
            if (run.violations().isEmpty()) {
                w.println("  every rule holds");
            }
            for (Violation v : run.violations()) {
                w.println("  BROKEN " + v.rule() + ": found " + v.found() + "; " + v.fix());
            }
            for (GeneratorReport g : run.generators()) {
                w.printf(Locale.ROOT, "%-15s %-10s %3d file(s)  %s%n", g.kind().label(), g.real() ? "real"
                        : "structural", g.files().size(), g.note());
            }
            return 0;
        }
    }
}
