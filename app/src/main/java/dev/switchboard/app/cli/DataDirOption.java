package dev.switchboard.app.cli;

import dev.switchboard.app.Workstation;
import dev.switchboard.store.DataDir;
import java.time.Clock;

/** What a sub-command needs from the global options: the data dir, and a way to open the workstation. */
interface DataDirOption {

    DataDir dataDir();

    /** Opens the database under the data dir; corruption surfaces as a DatabaseCorruptException. */
    default Workstation openWorkstation() {
        return Workstation.open(dataDir(), Clock.systemDefaultZone());
    }

    /** Who is acting, for audit records written by a command. */
    static String cliActor() {
        return "cli:" + System.getProperty("user.name", "unknown");
    }
}
