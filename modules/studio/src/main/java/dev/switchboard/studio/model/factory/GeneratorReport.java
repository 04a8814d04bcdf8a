package dev.switchboard.studio.model.factory;

import java.util.List;

/**
 * What one generator wrote.
 *
 * @param real whether its output is a working part of the stack (compiles, tests pass) rather than a structural
 *             outline to fill in
 * @param files paths relative to the run's folder
 * @param note one line on what it made, for the window
 */
public record GeneratorReport(GeneratorKind kind, boolean real, List<String> files, String note) {

    public GeneratorReport {
        files = List.copyOf(files);
    }
}
