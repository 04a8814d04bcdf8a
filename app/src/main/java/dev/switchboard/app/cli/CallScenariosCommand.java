package dev.switchboard.app.cli;

import dev.switchboard.calltaking.engine.scenario.Scenario;
import dev.switchboard.calltaking.engine.scenario.ScenarioLibrary;
import dev.switchboard.calltaking.engine.scenario.ScenarioProblem;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code switchboard call scenarios}: the scenario library and whatever in it does not load. */
@Command(name = "scenarios", mixinStandardHelpOptions = true,
        description = "List the call scenarios (bundled and from --dir folders) and any problems in them "
                + "(file:line field message); exit 1 when there are problems.")
final class CallScenariosCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--dir", paramLabel = "FOLDER", description = "An instructor's scenario folder (repeatable).")
    List<Path> dirs = List.of();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        ScenarioLibrary library = ScenarioLibrary.load(dirs);
        out.printf("%-32s %-8s %-13s %s%n", "ID", "CATEGORY", "NATURE", "TITLE");
        for (Scenario s : library.scenarios()) {
            out.printf("%-32s %-8s %-13s %s%n", s.id(), s.category(), s.nature().code(), s.title());
        }
        out.println(library.scenarios().size() + " scenarios");
        for (ScenarioProblem p : library.problems()) {
            out.println(p.file() + ":" + p.line() + " " + p.field() + " " + p.message());
        }
        if (!library.problems().isEmpty()) {
            out.println(library.problems().size() + " problems");
        }
        out.flush();
        return library.problems().isEmpty() ? 0 : 1;
    }
}
