package dev.switchboard.app;

import dev.switchboard.app.cli.AiCommand;
import dev.switchboard.app.cli.BenchCommand;
import dev.switchboard.app.cli.CallCommand;
import dev.switchboard.app.cli.CityCommand;
import dev.switchboard.app.cli.DbCommand;
import dev.switchboard.app.cli.LogCommand;
import dev.switchboard.app.cli.ReviewCommand;
import dev.switchboard.app.cli.SpeechCommand;
import dev.switchboard.app.cli.WorkersCommand;
import dev.switchboard.app.shell.GuiLauncher;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Entry point: the GUI by default, or a headless sub-command. Global options come before the
 * sub-command ({@code switchboard --data-dir DIR db check}). Not an {@code Application} subclass, so
 * JavaFX can run from the class path and jpackage can launch it.
 */
@Command(name = "switchboard", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Switchboard: offline dispatch-training workstation. Without a command, opens the window.",
        subcommands = {DbCommand.class, LogCommand.class, AiCommand.class, WorkersCommand.class, CityCommand.class,
            BenchCommand.class, ReviewCommand.class, SpeechCommand.class, CallCommand.class,
            CommandLine.HelpCommand.class})
public final class Main implements Callable<Integer> {

    @Option(names = "--data-dir", paramLabel = "DIR", scope = CommandLine.ScopeType.INHERIT,
            description = "Data folder (database, backups, logs). Default: $SWITCHBOARD_DATA, else the OS data dir.")
    Path dataDir;

    @Option(names = "--demo", description = "On an empty database, create demo accounts and show their sign-in.")
    boolean demo;

    @Option(names = "--smoke", description = "Self-check: open the window and database, write and verify an "
            + "event-log entry, then exit 0.")
    boolean smoke;

    @Option(names = "--measure-startup", description = "Print the time from JVM start to a usable login window, "
            + "then exit.")
    boolean measureStartup;

    /** Runs the command line and exits with its code, unless the GUI keeps the process alive. */
    public static void main(String[] args) {
        Logging.configure(args);
        int code = commandLine().execute(args);
        if (code != GuiLauncher.KEEP_RUNNING) {
            System.exit(code);
        }
    }

    /** The command line with Switchboard's error handling: user-facing messages, no stack traces. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new Main());
        cli.setExecutionExceptionHandler(new CliErrors());
        return cli;
    }

    /** The data-dir option as given, or null. */
    public Path dataDir() {
        return dataDir;
    }

    @Override
    public Integer call() {
        return GuiLauncher.launch(new LaunchOptions(dataDir, demo, smoke, measureStartup));
    }

    /** Prints the version from the build. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            BuildInfo build = BuildInfo.current();
            return new String[] {build.name() + " " + build.version(),
                    "Java " + Runtime.version() + " (" + System.getProperty("java.vendor") + ")"};
        }
    }
}
