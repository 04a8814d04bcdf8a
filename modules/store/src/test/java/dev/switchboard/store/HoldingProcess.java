package dev.switchboard.store;

import dev.switchboard.core.id.SessionId;
import dev.switchboard.store.eventlog.AppendRequest;
import dev.switchboard.store.eventlog.EventLog;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;

/**
 * Run in a child JVM by {@link DataDirLockTest}: opens a data dir like a running {@code call simulate}, writes one
 * entry, says "open PID", and waits; the line "halt" ends it like {@code kill -9} (no shutdown hooks, no
 * delete-on-exit).
 */
public final class HoldingProcess {

    private HoldingProcess() {
    }

    public static void main(String[] args) throws Exception {
        Database db = Database.open(DataDir.of(Path.of(args[0])));
        EventLog log = new EventLog(db, Clock.systemUTC());
        log.append(new AppendRequest(new SessionId("held"), 0, "test.held", "{}"));
        System.out.println("open " + ProcessHandle.current().pid());
        System.out.flush();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            if (line.equals("halt")) {
                Runtime.getRuntime().halt(9);
            }
        }
        Runtime.getRuntime().halt(9);
    }
}
