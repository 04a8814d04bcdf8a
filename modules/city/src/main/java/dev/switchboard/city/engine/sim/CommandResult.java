package dev.switchboard.city.engine.sim;

import java.util.List;
import java.util.Objects;

/**
 * What became of a trainee's command once the simulation applied it (at the start of the next tick).
 *
 * @param done whether it was carried out
 * @param message what happened, or why it was refused, in one sentence for the UI
 * @param incidentId the incident it concerned (or created), or null
 * @param unitIds the units it moved
 */
public record CommandResult(boolean done, String message, String incidentId, List<String> unitIds) {

    public CommandResult {
        Objects.requireNonNull(message, "message");
        unitIds = List.copyOf(unitIds);
    }

    static CommandResult refused(String why) {
        return new CommandResult(false, why, null, List.of());
    }

    static CommandResult done(String message, String incidentId, List<String> unitIds) {
        return new CommandResult(true, message, incidentId, unitIds);
    }
}
