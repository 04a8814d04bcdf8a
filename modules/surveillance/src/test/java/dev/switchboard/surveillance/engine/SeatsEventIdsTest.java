package dev.switchboard.surveillance.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.switchboard.store.DataDir;
import dev.switchboard.store.Database;
import dev.switchboard.store.DatabaseServer;
import dev.switchboard.surveillance.TestDatabases;
import dev.switchboard.surveillance.model.EventQuery;
import dev.switchboard.testkit.TestDatabase;
import dev.switchboard.testkit.TestPostgres;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two seats storing camera events into one server database at once: no event is refused for an id the other seat
 * took. The seat's own SQLite file has one writer, and its ids are covered by the other store tests.
 */
class SeatsEventIdsTest {

    @TempDir
    Path temp;

    private Database firstDb;
    private Database secondDb;
    private final List<List<EventGenerator.Generated>> hours = new ArrayList<>();

    @BeforeEach
    void open() {
        assumeTrue(TestDatabase.onServer(), "several seats share a server database, not a seat's SQLite file");
        DataDir first = DataDir.of(temp.resolve("first")).ensureCreated();
        firstDb = TestDatabases.open(first);
        // The second seat has its own folder and reaches the first seat's database on the server.
        String url = TestDatabase.serverFor(first.root()).orElseThrow();
        secondDb = Database.open(DataDir.of(temp.resolve("second")).ensureCreated(),
                Optional.of(DatabaseServer.of(url, null, null)));
        Instant to = Harness.NOW;
        new EventGenerator(Harness.CAMERAS, 3).generate(to.minus(Duration.ofHours(6)), to, 1_200, hours::add);
    }

    @AfterEach
    void close() {
        if (secondDb != null) {
            secondDb.close();
            firstDb.close();
        }
    }

    @Test
    void twoSeatsStoringAtOnceNeverClash() {
        EventStore first = new EventStore(firstDb);
        EventStore second = new EventStore(secondDb);
        long firstBatch = first.newBatch("live", null, Harness.NOW, Harness.NOW, Harness.NOW);
        long secondBatch = second.newBatch("live", null, Harness.NOW, Harness.NOW, Harness.NOW);

        // Interleaved: each seat has stored before the other's next batch, as seats live at the same time do.
        List<Long> ids = new ArrayList<>();
        for (List<EventGenerator.Generated> hour : hours) {
            ids.addAll(idsOf(first.insert(firstBatch, hour)));
            ids.addAll(idsOf(second.insert(secondBatch, hour)));
        }
        // And truly at once.
        CompletableFuture<List<StoredEvent>> a = CompletableFuture.supplyAsync(() -> first.insert(firstBatch,
                hours.get(0)));
        CompletableFuture<List<StoredEvent>> b = CompletableFuture.supplyAsync(() -> second.insert(secondBatch,
                hours.get(1)));
        ids.addAll(idsOf(a.join()));
        ids.addAll(idsOf(b.join()));

        assertThat(ids).doesNotHaveDuplicates();
        assertThat(first.count()).isEqualTo(ids.size());
        StoredEvent last = a.join().getLast();
        assertThat(second.byId(last.event().id()).orElseThrow().description())
                .isEqualTo(last.event().description());
    }

    @Test
    void aSeatsSearchFindsWhatAnotherSeatStoredAlsoWhenItCommittedAfterAHigherId() throws Exception {
        EventStore first = new EventStore(firstDb);
        EventStore second = new EventStore(secondDb);
        long firstBatch = first.newBatch("live", null, Harness.NOW, Harness.NOW, Harness.NOW);
        long secondBatch = second.newBatch("live", null, Harness.NOW, Harness.NOW, Harness.NOW);
        try (EventSearch search = new EventSearch(first, temp.resolve("first-index"), null)) {
            search.open();
            search.ingest(first.insert(firstBatch, hours.get(0)));
            long own = hours.get(0).size();
            assertThat(search.count(EventQuery.all())).isEqualTo(own);

            // The other seat stores while this one runs: a search a second later has its events (a search looks at
            // most once a second).
            long theirs = second.insert(secondBatch, hours.get(1)).size();
            Thread.sleep(1_100);
            assertThat(search.count(EventQuery.all())).isEqualTo(own + theirs);

            // The other seat has drawn three ids but not committed its events yet, while this seat stores higher
            // ids and a search reads them.
            List<Long> drawn = secondDb.jdbi().withHandle(h -> h.createQuery(
                    "SELECT nextval(pg_get_serial_sequence('surv_event', 'id')) FROM generate_series(1, 3)")
                    .mapTo(Long.class).list());
            List<StoredEvent> later = first.insert(firstBatch, hours.get(2));
            search.ingest(later);
            assertThat(later.getFirst().event().id()).isGreaterThan(drawn.getLast());
            Thread.sleep(1_100);
            long before = own + theirs + later.size();
            assertThat(search.count(EventQuery.all())).isEqualTo(before);

            // Now they commit, below the newest id the index has.
            long copyOf = later.getFirst().event().id();
            secondDb.jdbi().useHandle(h -> {
                for (long id : drawn) {
                    h.createUpdate("""
                            INSERT INTO surv_event (id, batch_id, at_ms, camera, camera_name, ward, lat, lon,
                                object_type, behaviour, colour, clothing, direction, item_count, speed_kmh, plate,
                                confidence, phrase_id)
                            SELECT :id, batch_id, at_ms, camera, camera_name, ward, lat, lon, object_type, behaviour,
                                colour, clothing, direction, item_count, speed_kmh, plate, confidence, phrase_id
                            FROM surv_event WHERE id = :from""").bind("id", id).bind("from", copyOf).execute();
                }
            });
            Thread.sleep(1_100);
            assertThat(search.count(EventQuery.all())).isEqualTo(before + drawn.size());
            assertThat(search.count(EventQuery.all())).as("each once").isEqualTo(first.count());
        }
    }

    @Test
    void eventsStoredBeforeTheSequenceWasUsedKeepTheirIdsAndNewOnesComeAfter() {
        // A server database as the old code left it: events numbered MAX(id) + 1 by the seat, the sequence unused.
        String before = TestPostgres.freshDatabase();
        Flyway.configure().dataSource(before, TestPostgres.user(), "").locations("classpath:db/postgresql")
                .target("23").load().migrate();
        Jdbi.create(before, TestPostgres.user(), "").useHandle(h -> h.execute("""
                INSERT INTO surv_event (id, batch_id, at_ms, camera, camera_name, ward, lat, lon, object_type,
                    behaviour, colour, clothing, direction, item_count, speed_kmh, plate, confidence, phrase_id)
                SELECT i, 1, 0, 1, 'c', 'w', 0, 0, 'person', 'passing', '', '', '', 1, 0, '', 0.5, 1
                FROM generate_series(1, 500) AS i"""));
        try (Database db = Database.open(DataDir.of(temp.resolve("before")).ensureCreated(),
                Optional.of(DatabaseServer.of(before, null, null)))) {
            EventStore store = new EventStore(db);
            long batch = store.newBatch("live", null, Harness.NOW, Harness.NOW, Harness.NOW);
            List<Long> ids = idsOf(store.insert(batch, hours.get(0)));
            assertThat(ids.getFirst()).isEqualTo(501);
            assertThat(store.count()).isEqualTo(500 + ids.size());
        }
    }

    private static List<Long> idsOf(List<StoredEvent> stored) {
        List<Long> ids = stored.stream().map(s -> s.event().id()).toList();
        assertThat(ids).isSorted();
        return ids;
    }
}
