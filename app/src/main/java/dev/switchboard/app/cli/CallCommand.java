package dev.switchboard.app.cli;

import picocli.CommandLine.Command;

/** {@code switchboard call …}: the call console's engine without a window. */
@Command(name = "call", description = "The call console's engine, headless: list scenarios, simulate a call.",
        mixinStandardHelpOptions = true,
        subcommands = {CallScenariosCommand.class, CallSimulateCommand.class, CallExtractCommand.class})
public final class CallCommand extends DataDirCommand {
}
