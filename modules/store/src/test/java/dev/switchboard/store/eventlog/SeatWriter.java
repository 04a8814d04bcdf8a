package dev.switchboard.store.eventlog;

import dev.switchboard.core.id.SessionId;
import dev.switchboard.store.DataDir;
import dev.switchboard.store.Database;
import dev.switchboard.store.DatabaseServer;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Run in a child JVM by {@link ServerManyWritersTest}: one seat of a training center appending to its own chain
 * and to the chain all seats share, on the server, until it is killed. After every commit it prints its own
 * chain's last seq and how many shared entries it has committed so far.
 */
public final class SeatWriter {

    static final SessionId SHARED = new SessionId("shared-chain");

    private SeatWriter() {
    }

    public static void main(String[] args) {
        String url = args[0];
        String seat = args[2];
        Database db = Database.openServer(DataDir.of(Path.of(args[1])), DatabaseServer.of(url, null, null));
        EventLog log = new EventLog(db, Clock.systemUTC());
        SessionId own = new SessionId("seat-" + seat);
        long shared = 0;
        for (long round = 0; ; round++) {
            List<AppendRequest> batch = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                batch.add(new AppendRequest(own, round, "seat.step", "{\"round\":" + round + ",\"i\":" + i + "}"));
            }
            for (int i = 0; i < 5; i++) {
                batch.add(new AppendRequest(SHARED, round, "seat.shared", "{\"seat\":\"" + seat + "\"}"));
            }
            List<EventLogEntry> stored = log.appendAll(batch);
            shared += 5;
            System.out.println(stored.get(19).seq() + " " + shared);
            System.out.flush();
        }
    }
}
