package dev.switchboard.store.eventlog;

import dev.switchboard.core.id.SessionId;
import dev.switchboard.store.DataDir;
import dev.switchboard.store.Database;
import dev.switchboard.store.DatabaseServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Run in a child JVM by {@link ServerOutageTest}: a seat that opens the server (prints {@code open}), waits for a
 * line on stdin (the test cuts the server meanwhile), appends {@code n} entries to one chain, which go to its outbox
 * (prints {@code kept}), then waits to be killed while its sender empties the outbox.
 */
public final class OutboxWriter {

    static final SessionId CHAIN = new SessionId("call-killed");

    private OutboxWriter() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        DataDir dir = DataDir.of(Path.of(args[1]));
        int n = Integer.parseInt(args[2]);
        Database db = Database.openServer(dir, DatabaseServer.of(args[0], null, null));
        Outbox outbox = Outbox.open(dir, db.location());
        EventLog log = new EventLog(db, Clock.systemUTC(), outbox);
        System.out.println("open");
        System.out.flush();
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        for (int from = 0; from < n; from += 1000) {
            List<AppendRequest> batch = new ArrayList<>();
            for (int i = from; i < Math.min(n, from + 1000); i++) {
                batch.add(new AppendRequest(CHAIN, i, "test.step", "{\"i\":" + i + "}"));
            }
            log.appendAll(batch);
        }
        System.out.println("kept " + log.keptLocally());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
