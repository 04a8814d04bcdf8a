package dev.switchboard.store.eventlog;

import dev.switchboard.core.id.SessionId;
import dev.switchboard.store.DataDir;
import dev.switchboard.store.Database;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Run in a child JVM by {@link EventLogCrashTest}: appends to the event log forever, printing the last
 * durable seq of each chain after every durable step, until it is killed.
 */
public final class CrashingWriter {

    static final SessionId SYNC = new SessionId("sync-chain");
    static final SessionId QUEUED = new SessionId("queued-chain");

    private CrashingWriter() {
    }

    public static void main(String[] args) {
        Database db = Database.open(DataDir.of(Path.of(args[0])));
        EventLog log = new EventLog(db, Clock.systemUTC());
        long queued = 0;
        for (long round = 0; ; round++) {
            List<AppendRequest> batch = new ArrayList<>();
            for (int i = 0; i < 250; i++) {
                batch.add(new AppendRequest(SYNC, round, "crash.sync", "{\"round\":" + round + ",\"i\":" + i + "}"));
            }
            List<EventLogEntry> stored = log.appendAll(batch);
            System.out.println("sync " + stored.get(stored.size() - 1).seq());
            for (int i = 0; i < 250; i++) {
                log.enqueue(new AppendRequest(QUEUED, round, "crash.queued", "{\"round\":" + round + "}"));
                queued++;
            }
            log.flush();
            System.out.println("queued " + queued);
            System.out.flush();
        }
    }
}
