package dev.switchboard.app.cli;

import dev.switchboard.app.Main;
import dev.switchboard.app.Workstation;
import dev.switchboard.store.DataDir;
import java.time.Clock;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * A top-level sub-command that works on the data dir given by the global options
 * ({@code switchboard --data-dir DIR <command>}); picocli injects the parent and the spec here.
 */
abstract class DataDirCommand {

    @ParentCommand
    Main main;

    @Spec
    CommandSpec spec;

    /** The data dir from --data-dir, SWITCHBOARD_DATA or the OS default. */
    DataDir dataDir() {
        return DataDir.resolve(main.dataDir());
    }

    /**
     * Opens the database: the server's when {@code --database} or {@code SWITCHBOARD_DATABASE} names one, else the
     * file under the data dir (corruption surfaces as a DatabaseCorruptException).
     */
    Workstation openWorkstation() {
        return Workstation.open(dataDir(), Clock.systemDefaultZone(), main.databaseServer());
    }

    /** Who is acting, for audit records written by a command. */
    static String cliActor() {
        return "cli:" + System.getProperty("user.name", "unknown");
    }
}
