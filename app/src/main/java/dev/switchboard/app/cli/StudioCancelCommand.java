package dev.switchboard.app.cli;

import dev.switchboard.app.Workstation;
import dev.switchboard.core.error.InputException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code switchboard studio cancel JOB}: cancels a queued or running generation job. */
@Command(name = "cancel", mixinStandardHelpOptions = true, description = "Cancel a queued or running job.")
final class StudioCancelCommand implements Callable<Integer> {

    @ParentCommand
    StudioCommand parent;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "JOB")
    String job;

    @Override
    public Integer call() {
        try (Workstation ws = parent.openWorkstation()) {
            var queue = ws.queueClient();
            var found = queue.job(job).orElseThrow(() -> InputException.field("JOB", "no job '" + job
                    + "'; 'switchboard studio jobs' lists them"));
            if (!queue.cancel(job)) {
                spec.commandLine().getOut().println("Job " + job + " had already ended ("
                        + found.state().name().toLowerCase(java.util.Locale.ROOT) + ").");
                return 1;
            }
            spec.commandLine().getOut().println("Cancelled " + job + ".");
            return 0;
        }
    }
}
