package dev.switchboard.calltaking.engine.scenario;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The scenarios a trainee can take: bundled ones plus instructors' folders. (Work in progress.) */
public final class ScenarioLibrary {

    private final List<Scenario> scenarios;
    private final List<ScenarioProblem> problems;

    private ScenarioLibrary(List<Scenario> scenarios, List<ScenarioProblem> problems) {
        this.scenarios = List.copyOf(scenarios);
        this.problems = List.copyOf(problems);
    }

    /** The bundled library plus every {@code *.yaml} in {@code extraDirs}. */
    public static ScenarioLibrary load(List<Path> extraDirs) {
        return new ScenarioLibrary(List.of(), List.of());
    }

    public List<Scenario> scenarios() {
        return scenarios;
    }

    public Optional<Scenario> find(String id) {
        return scenarios.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    public List<ScenarioProblem> problems() {
        return problems;
    }
}
