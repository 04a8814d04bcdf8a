package dev.switchboard.surveillance.engine;

import dev.switchboard.ai.ChatService;
import dev.switchboard.core.account.AuditRecord;
import dev.switchboard.store.DataDir;
import dev.switchboard.store.Database;
import dev.switchboard.store.eventlog.EventLog;
import dev.switchboard.surveillance.TestDatabases;
import dev.switchboard.testkit.MutableClock;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/** A surveillance engine over a temporary store, 300 synthetic cameras and a fake embedder. */
public final class Harness implements AutoCloseable {

    public static final Instant NOW = Instant.parse("2025-06-08T03:00:00Z");
    static final CameraDirectory CAMERAS = CameraDirectory.synthetic(FakePlaces.WARDS, 300, 11);

    final DataDir dir;
    final Database db;
    final EventLog log;
    final MutableClock clock = new MutableClock(NOW);
    final FakeEmbedder embedder = new FakeEmbedder();
    final List<AuditRecord> audits = new CopyOnWriteArrayList<>();
    public final Surveillance surveillance;

    public Harness(Path temp) {
        this(temp, null, () -> false);
    }

    Harness(Path temp, ChatService chat, java.util.function.BooleanSupplier online) {
        dir = DataDir.of(temp.resolve("data")).ensureCreated();
        db = TestDatabases.open(dir);
        log = new EventLog(db, clock);
        surveillance = new Surveillance(new Surveillance.Services(db, dir.root(), CAMERAS, new FakePlaces(),
                embedder, chat, online, log, audits::add, clock)).open();
    }

    /** Generates {@code events} over {@code days} days before NOW with seed 5, embeddings done. */
    public Harness generated(int days, long events) {
        surveillance.generate(days, events, 5, NOW, Progress.NONE);
        surveillance.search().awaitEmbeddings(60, TimeUnit.SECONDS);
        surveillance.search().refreshNow();
        return this;
    }

    @Override
    public void close() {
        surveillance.close();
        log.close();
        db.close();
    }
}
