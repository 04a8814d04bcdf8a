package dev.switchboard.app.cli;

import picocli.CommandLine.Command;

/**
 * {@code switchboard studio ...}: the Studio's engines, headless. Generation, the gallery, the application factory
 * and operations are here; the prediction panels add their own sub-commands.
 */
@Command(name = "studio", mixinStandardHelpOptions = true,
        description = "The Studio headless: generate on GPU workers, jobs, cancel, gallery, application factory, ops.",
        subcommands = {StudioGenerateCommand.class, StudioJobsCommand.class, StudioCancelCommand.class,
            StudioGalleryCommand.class, StudioFactoryCommand.class, StudioOpsCommand.class})
public final class StudioCommand extends DataDirCommand {
}
