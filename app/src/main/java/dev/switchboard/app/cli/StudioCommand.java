package dev.switchboard.app.cli;

import picocli.CommandLine.Command;

/**
 * {@code switchboard studio ...}: the Studio's engines, headless. Generation, the gallery, the application factory
 * and operations; market data, price forecasts and backtests, fraud simulation, training and live scoring.
 */
@Command(name = "studio", mixinStandardHelpOptions = true,
        description = "The Studio headless: generate on GPU workers, jobs, cancel, gallery, application factory, ops; "
                + "market data, price forecasts and backtests, fraud simulation, training and live scoring "
                + "(training tools, not financial advice).",
        subcommands = {StudioGenerateCommand.class, StudioJobsCommand.class, StudioCancelCommand.class,
            StudioGalleryCommand.class, StudioFactoryCommand.class, StudioOpsCommand.class, StudioMarketCommand.class,
            StudioPredictCommand.class, StudioBacktestCommand.class, StudioFraudCommand.class})
public final class StudioCommand extends DataDirCommand {
}
