package dev.switchboard.app;

import dev.switchboard.app.cli.AccountsCommand;
import dev.switchboard.app.cli.AiCommand;
import dev.switchboard.app.cli.BenchCommand;
import dev.switchboard.app.cli.CallCommand;
import dev.switchboard.app.cli.CityCommand;
import dev.switchboard.app.cli.DbCommand;
import dev.switchboard.app.cli.LogCommand;
import dev.switchboard.app.cli.ReviewCommand;
import dev.switchboard.app.cli.SpeechCommand;
import dev.switchboard.app.cli.StudioCommand;
import dev.switchboard.app.cli.SurveillanceCommand;
import dev.switchboard.app.cli.WorkersCommand;
import dev.switchboard.app.cli.WorkflowCommand;
import dev.switchboard.app.shell.GuiLauncher;
import dev.switchboard.store.DataDir;
import dev.switchboard.store.DatabaseOrigin;
import dev.switchboard.store.DatabaseServer;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Entry point: the GUI by default, or a headless sub-command. Global options come before the
 * sub-command ({@code switchboard --data-dir DIR db check}). Not an {@code Application} subclass, so
 * JavaFX can run from the class path and jpackage can launch it.
 */
@Command(name = "switchboard", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Switchboard: offline dispatch-training workstation. Without a command, opens the window.")
public final class Main implements Callable<Integer> {

    /** The headless commands; registered only when the command line asks for more than the window. */
    static final List<Class<?>> COMMANDS = List.of(DbCommand.class, LogCommand.class, AiCommand.class,
            WorkersCommand.class, CityCommand.class, BenchCommand.class, ReviewCommand.class, SpeechCommand.class,
            CallCommand.class, WorkflowCommand.class, SurveillanceCommand.class, StudioCommand.class,
            AccountsCommand.class, CommandLine.HelpCommand.class);

    @Option(names = "--data-dir", paramLabel = "DIR", scope = CommandLine.ScopeType.INHERIT,
            description = "Data folder (database, backups, logs). Default: $SWITCHBOARD_DATA, else the OS data dir.")
    Path dataDir;

    @Option(names = "--database", paramLabel = "URL", scope = CommandLine.ScopeType.INHERIT,
            description = "A training center's PostgreSQL server, e.g. jdbc:postgresql://host:5432/switchboard "
                    + "(TLS: add ?sslmode=verify-full). Default: $SWITCHBOARD_DATABASE, else this seat's own file.")
    String database;

    @Option(names = "--database-password-file", paramLabel = "FILE", scope = CommandLine.ScopeType.INHERIT,
            description = "A file whose first line is the server password. Default: "
                    + "$SWITCHBOARD_DATABASE_PASSWORD_FILE, $SWITCHBOARD_DATABASE_PASSWORD, else ~/.pgpass.")
    Path databasePasswordFile;

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
        placeNativeLibraries(args);
        MallocArenas.limit();
        // Building every sub-command's model costs about half a second (they are instantiated eagerly), which
        // would come out of the login window's start-up budget; the window needs only the global options.
        int code;
        try {
            code = (opensWindowOnly(args) ? windowCommandLine() : commandLine()).execute(args);
        } catch (OutOfMemoryError | StackOverflowError | RuntimeException e) {
            // What picocli does not hand to CliErrors (errors of the JVM): still one line, the trace to the log.
            LoggerFactory.getLogger(Main.class).error("Command {} failed", Redaction.commandLine(List.of(args)), e);
            CliErrors.print(new PrintWriter(System.err, true, StandardCharsets.UTF_8), e);
            code = 2;
        }
        if (code != GuiLauncher.KEEP_RUNNING) {
            System.exit(code);
        }
    }

    /**
     * Native libraries that JNA unpacks from jars (its own, Vosk's) go under the data dir's cache instead of the
     * temp folder; before anything loads JNA, which reads the place once. SQLite's and ONNX Runtime's are placed
     * where their data dir is opened ({@code SqliteNative}, {@code OnnxRuntimeNative}).
     */
    private static void placeNativeLibraries(String[] args) {
        try {
            JnaNative.install(DataDir.resolve(Logging.dataDirArgument(args)).cache());
        } catch (RuntimeException e) {
            // An unusable data dir: the command reports it; JNA keeps its default meanwhile.
        }
    }

    /** The command line with Switchboard's error handling: user-facing messages, no stack traces. */
    public static CommandLine commandLine() {
        CommandLine cli = windowCommandLine();
        COMMANDS.forEach(cli::addSubcommand);
        return cli;
    }

    /** Only the global options: what starting the window needs. */
    static CommandLine windowCommandLine() {
        CommandLine cli = new CommandLine(new Main());
        cli.setExecutionExceptionHandler(new CliErrors());
        return cli;
    }

    /**
     * True when {@code args} hold only the window's own options ({@code --data-dir DIR}, {@code --demo}, …), as
     * the annotations on this class declare them; help, version, a command or anything unknown needs the full
     * command line.
     */
    static boolean opensWindowOnly(String[] args) {
        try {
            CommandLine.ParseResult parsed = windowCommandLine().parseArgs(args);
            return !parsed.isUsageHelpRequested() && !parsed.isVersionHelpRequested();
        } catch (CommandLine.ParameterException e) {
            return false;
        }
    }

    /** The data-dir option as given, or null. */
    public Path dataDir() {
        return dataDir;
    }

    /**
     * The server database from {@code --database} or {@code SWITCHBOARD_DATABASE}; empty for this seat's own file.
     *
     * @throws dev.switchboard.core.error.InputException when the address or the password file cannot be used
     */
    public Optional<DatabaseServer> databaseServer() {
        return DatabaseServer.resolve(database, databasePasswordFile, System.getenv());
    }

    /** The password file option as given, or null. */
    public Path databasePasswordFile() {
        return databasePasswordFile;
    }

    @Override
    public Integer call() {
        // A bad --database or password file is one line on stderr (CliErrors), before any window opens.
        Optional<DatabaseServer> server = databaseServer();
        DatabaseOrigin origin = server.isEmpty() ? DatabaseOrigin.DEFAULT
                : DatabaseOrigin.of(database, System.getenv(DatabaseServer.ENV_URL), false);
        return GuiLauncher.launch(new LaunchOptions(dataDir, demo, smoke, measureStartup, server, origin));
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
