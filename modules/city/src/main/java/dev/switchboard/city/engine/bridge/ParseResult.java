package dev.switchboard.city.engine.bridge;

import dev.switchboard.city.model.DispatchCommand;
import java.util.Objects;

/** What {@link DispatchParser} made of one order: a typed command, or the reason it was refused. */
public sealed interface ParseResult {

    /** The order parsed into a command; the place is validated, not resolved. */
    record Parsed(DispatchCommand command) implements ParseResult {
        public Parsed {
            Objects.requireNonNull(command, "command");
        }
    }

    /**
     * The order was refused.
     *
     * @param reason one English sentence a trainee can act on
     * @param column 1-based column in the order where the problem starts (1 when it concerns the whole order)
     */
    record Rejected(String reason, int column) implements ParseResult {
        public Rejected {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
