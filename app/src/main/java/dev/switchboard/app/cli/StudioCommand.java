package dev.switchboard.app.cli;

import picocli.CommandLine.Command;

/** {@code switchboard studio …}: the studio's engines without a window. */
@Command(name = "studio", description = "The studio, headless: market data, price forecasts and backtests, fraud "
        + "simulation, training and live scoring. Training tools, not financial advice.",
        mixinStandardHelpOptions = true,
        subcommands = {StudioMarketCommand.class, StudioPredictCommand.class, StudioBacktestCommand.class,
            StudioFraudCommand.class})
public final class StudioCommand extends DataDirCommand {
}
