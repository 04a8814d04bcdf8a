package dev.switchboard.store.eventlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.core.error.SwitchboardException;
import dev.switchboard.core.id.SessionId;
import dev.switchboard.store.Database;
import dev.switchboard.store.TestStore;
import dev.switchboard.testkit.MutableClock;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventLogTest {

    private static final SessionId ALPHA = new SessionId("alpha");
    private static final SessionId BRAVO = new SessionId("bravo");
    private static final SessionId CHARLIE = new SessionId("charlie");

    @TempDir
    Path tmp;

    private final MutableClock clock = new MutableClock(Instant.parse("2025-03-01T09:00:00Z"), ZoneOffset.UTC);
    private Database db;
    private EventLog log;

    @BeforeEach
    void open() {
        db = new TestStore(tmp).open();
        log = new EventLog(db, clock);
    }

    @AfterEach
    void close() {
        log.close();
        db.close();
    }

    @Test
    void chainsArePerSessionAndStartAtOne() {
        EventLogEntry a1 = log.append(event(ALPHA, 100, "call.answered"));
        clock.advance(Duration.ofMillis(5));
        EventLogEntry b1 = log.append(event(BRAVO, 0, "unit.dispatched"));
        EventLogEntry a2 = log.append(event(ALPHA, 250, "call.ended"));

        assertThat(a1.seq()).isEqualTo(1);
        assertThat(b1.seq()).isEqualTo(1);
        assertThat(a2.seq()).isEqualTo(2);
        assertThat(a1.prevHash()).isEqualTo(new byte[32]);
        assertThat(b1.prevHash()).isEqualTo(new byte[32]);
        assertThat(a2.prevHash()).isEqualTo(a1.hash());
        assertThat(a1.hash()).hasSize(32).isNotEqualTo(b1.hash());
        assertThat(a1.id()).isLessThan(b1.id());
        assertThat(b1.id()).isLessThan(a2.id());
        assertThat(a1.wallTime()).isEqualTo(Instant.parse("2025-03-01T09:00:00Z"));
        assertThat(b1.wallTime()).isEqualTo(Instant.parse("2025-03-01T09:00:00.005Z"));
        assertThat(log.read(ALPHA, 1, 10)).containsExactly(a1, a2);
        assertThat(log.read(BRAVO, 1, 10)).containsExactly(b1);
    }

    @Test
    void appendAllStoresABatchInOrderAcrossSessions() {
        List<AppendRequest> batch = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            SessionId session = i % 3 == 0 ? ALPHA : i % 3 == 1 ? BRAVO : CHARLIE;
            batch.add(event(session, i, "sensor.reading"));
        }

        List<EventLogEntry> stored = log.appendAll(batch);

        assertThat(stored).hasSize(3000);
        assertThat(stored.get(2999).seq()).isEqualTo(1000);
        assertThat(stored).extracting(EventLogEntry::id).isSorted().doesNotHaveDuplicates();
        assertThat(log.count()).isEqualTo(3000);
        assertThat(log.count(BRAVO)).isEqualTo(1000);
        assertThat(log.sessions()).containsExactly(ALPHA, BRAVO, CHARLIE);
        assertThat(log.read(CHARLIE, 998, 10)).extracting(EventLogEntry::seq).containsExactly(998L, 999L, 1000L);
        assertThat(log.read(CHARLIE, 1, 10)).containsExactlyElementsOf(stored.stream()
                .filter(e -> e.session().equals(CHARLIE)).limit(10).toList());
        assertThat(log.appendAll(List.of())).isEmpty();

        VerifyReport report = log.verify(Optional.empty());
        assertThat(report.intact()).isTrue();
        assertThat(report.entriesChecked()).isEqualTo(3000);
        assertThat(report.chainsChecked()).isEqualTo(3);
        assertThat(log.verify(Optional.of(BRAVO)).entriesChecked()).isEqualTo(1000);
    }

    @Test
    void aReopenedLogContinuesEachChain() {
        EventLogEntry last = log.appendAll(List.of(event(ALPHA, 1, "a"), event(ALPHA, 2, "b"))).get(1);
        log.close();
        db.close();
        db = new TestStore(tmp).open();
        log = new EventLog(db, clock);

        EventLogEntry next = log.append(event(ALPHA, 3, "c"));

        assertThat(next.seq()).isEqualTo(3);
        assertThat(next.prevHash()).isEqualTo(last.hash());
        assertThat(log.verify(Optional.empty()).intact()).isTrue();
    }

    @Test
    void theDatabaseRefusesUpdatesAndDeletes() {
        log.append(event(ALPHA, 1, "call.answered"));

        assertThatThrownBy(() -> db.jdbi().useHandle(h -> h.execute("UPDATE event_log SET payload = '{}'")))
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> db.jdbi().useHandle(h -> h.execute("DELETE FROM event_log")))
                .hasMessageContaining("append-only");
        assertThat(log.count()).isEqualTo(1);
    }

    @Test
    void verifyNamesTheFirstTamperedRow() throws Exception {
        appendMany(ALPHA, 100);
        List<EventLogEntry> bravo = appendMany(BRAVO, 100);
        appendMany(CHARLIE, 100);
        EventLogEntry victim = bravo.get(40);

        try (Connection raw = bypassTriggers()) {
            raw.createStatement().execute("UPDATE event_log SET payload = '{\"units\":0}' WHERE id = " + victim.id());
            raw.createStatement().execute("UPDATE event_log SET payload = '{\"units\":9}' WHERE id = "
                    + bravo.get(70).id());
        }
        VerifyReport report = log.verify(Optional.empty());

        assertThat(report.firstBreak()).hasValue(new VerifyReport.Break(BRAVO, 41, victim.id(), "hash mismatch"));
        assertThat(report.entriesChecked()).isEqualTo(140);
        assertThat(report.chainsChecked()).isEqualTo(2);
        assertThat(log.verify(Optional.of(CHARLIE)).intact()).isTrue();
    }

    @Test
    void verifyFindsADeletedRowAsASeqGap() throws Exception {
        List<EventLogEntry> alpha = appendMany(ALPHA, 50);

        try (Connection raw = bypassTriggers()) {
            raw.createStatement().execute("DELETE FROM event_log WHERE id = " + alpha.get(41).id());
        }

        assertThat(log.verify(Optional.of(ALPHA)).firstBreak())
                .hasValue(new VerifyReport.Break(ALPHA, 43, alpha.get(42).id(), "seq gap: expected 42 found 43"));
    }

    @Test
    void verifyFindsAChangedPrevHashBeforeLaterDamage() throws Exception {
        List<EventLogEntry> alpha = appendMany(ALPHA, 10);

        try (Connection raw = bypassTriggers()) {
            String zeros = db.isServer() ? "decode(repeat('00', 32), 'hex')" : "zeroblob(32)";
            String random = db.isServer() ? "sha256(random()::text::bytea)" : "randomblob(32)";
            raw.createStatement().execute("UPDATE event_log SET hash = " + zeros + " WHERE id = " + alpha.get(9).id());
            raw.createStatement().execute("UPDATE event_log SET prev_hash = " + random + " WHERE id = "
                    + alpha.get(4).id());
        }

        assertThat(log.verify(Optional.empty()).firstBreak())
                .hasValue(new VerifyReport.Break(ALPHA, 5, alpha.get(4).id(), "prev_hash does not match previous row"));
    }

    @Test
    void anotherWriterOnTheSameSessionDoesNotForkTheChain() {
        log.append(event(ALPHA, 1, "a"));
        try (EventLog second = new EventLog(db, clock)) {
            second.append(event(ALPHA, 2, "b"));
            second.append(event(ALPHA, 3, "c"));
        }

        EventLogEntry next = log.append(event(ALPHA, 4, "d"));

        assertThat(next.seq()).isEqualTo(4);
        assertThat(log.verify(Optional.empty()).intact()).isTrue();
    }

    @Test
    void aFailedAppendStoresNothingAndTheChainCarriesOn() {
        log.append(event(ALPHA, 1, "a"));
        failInsertsOfType("boom");

        assertThatThrownBy(() -> log.appendAll(List.of(event(ALPHA, 2, "b"), event(ALPHA, 3, "boom"))))
                .isInstanceOf(SwitchboardException.class)
                .hasMessageContaining("2 entries");

        assertThat(log.count()).isEqualTo(1);
        assertThat(log.append(event(ALPHA, 4, "c")).seq()).isEqualTo(2);
        assertThat(log.verify(Optional.empty()).intact()).isTrue();
    }

    @Test
    void requestsAreChecked() {
        assertThatThrownBy(() -> new AppendRequest(ALPHA, 0, " ", "{}")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AppendRequest(ALPHA, 0, "x".repeat(101), "{}"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AppendRequest(ALPHA, 0, "ok", null)).isInstanceOf(NullPointerException.class);
        assertThat(new AppendRequest(ALPHA, 0, "x".repeat(100), "").type()).hasSize(100);
    }

    @Test
    void jsonWritesRecordsAndTimes() {
        record Dispatched(String unit, Instant at, int etaSeconds) {
        }

        assertThat(log.json(new Dispatched("P-101", Instant.parse("2025-03-01T09:00:00Z"), 240)))
                .isEqualTo("{\"unit\":\"P-101\",\"at\":\"2025-03-01T09:00:00Z\",\"etaSeconds\":240}");
    }

    @Test
    void aClosedLogRefusesWork() {
        log.close();

        assertThatThrownBy(() -> log.append(event(ALPHA, 1, "a"))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> log.enqueue(event(ALPHA, 1, "a"))).isInstanceOf(IllegalStateException.class);
    }

    private List<EventLogEntry> appendMany(SessionId session, int n) {
        List<AppendRequest> batch = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            batch.add(event(session, i * 10L, "unit.moved"));
        }
        return log.appendAll(batch);
    }

    /** A separate raw connection with the append-only triggers dropped, as a tamperer would. */
    private Connection bypassTriggers() throws Exception {
        if (db.isServer()) {
            Connection raw = DriverManager.getConnection(db.server().orElseThrow().url());
            try (Statement s = raw.createStatement()) {
                s.execute("ALTER TABLE event_log DISABLE TRIGGER USER");
            }
            return raw;
        }
        Connection raw = DriverManager.getConnection("jdbc:sqlite:" + db.file());
        try (Statement s = raw.createStatement()) {
            s.execute("PRAGMA busy_timeout = 5000");
            s.execute("DROP TRIGGER event_log_no_update");
            s.execute("DROP TRIGGER event_log_no_delete");
        }
        return raw;
    }

    private void failInsertsOfType(String type) {
        if (db.isServer()) {
            String name = "fail_" + type.replace('.', '_');
            db.jdbi().useHandle(h -> h.execute("CREATE FUNCTION " + name + "() RETURNS trigger LANGUAGE plpgsql AS "
                    + "$$ BEGIN IF NEW.type = '" + type + "' THEN RAISE EXCEPTION 'refused by test'; END IF; "
                    + "RETURN NEW; END; $$; CREATE TRIGGER " + name + " BEFORE INSERT ON event_log FOR EACH ROW "
                    + "EXECUTE FUNCTION " + name + "()"));
            return;
        }
        db.jdbi().useHandle(h -> h.execute("CREATE TRIGGER fail_" + type + " BEFORE INSERT ON event_log "
                + "WHEN NEW.type = '" + type + "' BEGIN SELECT RAISE(ABORT, 'refused by test'); END"));
    }

    static AppendRequest event(SessionId session, long simMillis, String type) {
        return new AppendRequest(session, simMillis, type, "{\"unit\":\"P-101\",\"sim\":" + simMillis + "}");
    }
}
