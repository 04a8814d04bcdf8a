/**
 * Training calls as data: {@link dev.switchboard.calltaking.engine.scenario.Scenario} and its parts, read from
 * YAML by {@link dev.switchboard.calltaking.engine.scenario.ScenarioLibrary} (the bundled library under
 * {@code /scenarios} on the classpath plus instructors' folders). A malformed file becomes a
 * {@link dev.switchboard.calltaking.engine.scenario.ScenarioProblem} naming file, line and field; the rest of the
 * library still loads. No JavaFX here.
 */
package dev.switchboard.calltaking.engine.scenario;
