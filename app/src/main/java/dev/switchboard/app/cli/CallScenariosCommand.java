package dev.switchboard.app.cli;

import dev.switchboard.calltaking.engine.scenario.Scenario;
import dev.switchboard.calltaking.engine.scenario.ScenarioLibrary;
import dev.switchboard.calltaking.engine.scenario.ScenarioProblem;
import dev.switchboard.store.DataDir;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code switchboard call scenarios}: the scenario library and whatever in it does not load. */
@Command(name = "scenarios", mixinStandardHelpOptions = true,
        description = "List the call scenarios (bundled, from <data dir>/scenarios and from --dir folders) and any "
                + "problems in them (file:line: field: message); exit 1 when there are problems.")
final class CallScenariosCommand implements Callable<Integer> {

    /** The instructors' scenario folder inside the data dir. */
    static final String FOLDER = "scenarios";

    @Spec
    CommandSpec spec;

    @ParentCommand
    CallCommand parent;

    @Option(names = "--dir", paramLabel = "FOLDER", description = "An instructor's scenario folder (repeatable).")
    List<Path> dirs = List.of();

    /** {@code <data dir>/scenarios} first, then the folders given; the data dir's folder need not exist. */
    static List<Path> folders(DataDir dir, List<Path> extra) {
        List<Path> all = new ArrayList<>();
        all.add(dir.root().resolve(FOLDER));
        extra.stream().filter(p -> !all.contains(p.toAbsolutePath().normalize())).forEach(all::add);
        return all;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        ScenarioLibrary library = ScenarioLibrary.load(folders(parent.dataDir(), dirs));
        out.printf("%-32s %-8s %-13s %s%n", "ID", "CATEGORY", "NATURE", "TITLE");
        for (Scenario s : library.scenarios()) {
            out.printf("%-32s %-8s %-13s %s%n", s.id(), s.category(), s.nature().code(), s.title());
        }
        out.println(library.scenarios().size() + " scenarios");
        for (ScenarioProblem p : library.problems()) {
            out.println(p);
        }
        if (!library.problems().isEmpty()) {
            out.println(library.problems().size() + " problems");
        }
        out.flush();
        return library.problems().isEmpty() ? 0 : 1;
    }
}
