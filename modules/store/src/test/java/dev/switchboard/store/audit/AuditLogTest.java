package dev.switchboard.store.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.core.account.AuditAction;
import dev.switchboard.core.account.AuditRecord;
import dev.switchboard.core.account.AuditRecord.Outcome;
import dev.switchboard.core.id.SessionId;
import dev.switchboard.store.Database;
import dev.switchboard.store.TestStore;
import dev.switchboard.store.eventlog.EventLog;
import dev.switchboard.store.eventlog.EventLogEntry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditLogTest {

    private static final Instant T0 = Instant.parse("2025-03-01T09:00:00Z");

    @TempDir
    Path tmp;

    private Database db;
    private EventLog eventLog;
    private AuditLog audit;

    private final AuditRecord logonOk = rec(0, "aiko", AuditAction.LOGON, "aiko", Outcome.SUCCESS, "");
    private final AuditRecord logonBad = rec(60, "kenji", AuditAction.LOGON, "kenji", Outcome.FAILURE,
            "Wrong user name or password.");
    private final AuditRecord roleChange = rec(120, "aiko", AuditAction.ROLE_CHANGE, "kenji", Outcome.SUCCESS,
            "TRAINEE -> SUPERVISOR");
    private final AuditRecord denied = rec(180, "kenji", AuditAction.ACCOUNT_CREATE, "mallory", Outcome.DENIED,
            "requires instructor, has SUPERVISOR");
    private final AuditRecord playback = rec(240, "Aiko", AuditAction.RECORDING_ACCESS, "session 01JX",
            Outcome.SUCCESS, "played \"call\" audio\nline two");

    @BeforeEach
    void open() {
        db = new TestStore(tmp).open();
        eventLog = new EventLog(db, Clock.systemUTC());
        audit = new AuditLog(eventLog);
        for (AuditRecord r : List.of(logonOk, logonBad, roleChange, denied, playback)) {
            audit.record(r);
        }
    }

    @AfterEach
    void close() {
        eventLog.close();
        db.close();
    }

    @Test
    void recordsAreDurableEntriesOfTheAuditChain() {
        List<EventLogEntry> entries = eventLog.read(SessionId.AUDIT, 1, 10);

        assertThat(entries).extracting(EventLogEntry::type).containsExactly("audit.logon", "audit.logon",
                "audit.role_change", "audit.account_create", "audit.recording_access");
        assertThat(entries).extracting(EventLogEntry::simTimeMillis).containsOnly(0L);
        assertThat(entries.get(2).payload()).isEqualTo("{\"at\":\"2025-03-01T09:02:00.000000000Z\",\"actor\":\"aiko\","
                + "\"action\":\"ROLE_CHANGE\",\"target\":\"kenji\",\"outcome\":\"SUCCESS\","
                + "\"detail\":\"TRAINEE -> SUPERVISOR\"}");
        assertThat(eventLog.verify(Optional.of(SessionId.AUDIT)).intact()).isTrue();
    }

    @Test
    void allReturnsNewestFirstAndRoundTrips() {
        assertThat(audit.query(AuditQuery.all(100))).containsExactly(playback, denied, roleChange, logonBad, logonOk);
        assertThat(audit.query(AuditQuery.all(2))).containsExactly(playback, denied);
    }

    @Test
    void filtersByActorIgnoringCase() {
        assertThat(audit.query(query("AIK", Set.of(), Set.of(), null, null, null)))
                .containsExactly(playback, roleChange, logonOk);
    }

    @Test
    void filtersByActionAndOutcome() {
        assertThat(audit.query(query(null, Set.of(AuditAction.LOGON), Set.of(), null, null, null)))
                .containsExactly(logonBad, logonOk);
        assertThat(audit.query(query(null, Set.of(), Set.of(Outcome.FAILURE, Outcome.DENIED), null, null, null)))
                .containsExactly(denied, logonBad);
        assertThat(audit.query(query(null, Set.of(AuditAction.LOGON), Set.of(Outcome.SUCCESS), null, null, null)))
                .containsExactly(logonOk);
    }

    @Test
    void filtersByTimeFromInclusiveToExclusive() {
        assertThat(audit.query(query(null, Set.of(), Set.of(), T0.plusSeconds(60), T0.plusSeconds(180), null)))
                .containsExactly(roleChange, logonBad);
        assertThat(audit.query(query(null, Set.of(), Set.of(), T0.plusMillis(60_001), null, null)))
                .containsExactly(playback, denied, roleChange);
    }

    @Test
    void filtersByTextInActorTargetOrDetail() {
        assertThat(audit.query(query(null, Set.of(), Set.of(), null, null, "supervisor")))
                .containsExactly(denied, roleChange);
        assertThat(audit.query(query(null, Set.of(), Set.of(), null, null, "MALLORY"))).containsExactly(denied);
        assertThat(audit.query(query(null, Set.of(), Set.of(), null, null, "\"call\""))).containsExactly(playback);
        assertThat(audit.query(query(null, Set.of(), Set.of(), null, null, "action"))).isEmpty();
    }

    @Test
    void combinesFilters() {
        assertThat(audit.query(query("kenji", Set.of(AuditAction.LOGON, AuditAction.ACCOUNT_CREATE),
                Set.of(Outcome.FAILURE), T0, T0.plusSeconds(3600), "wrong")))
                .containsExactly(logonBad);
    }

    private static AuditQuery query(String actor, Set<AuditAction> actions, Set<Outcome> outcomes, Instant from,
                                    Instant to, String text) {
        return new AuditQuery(actor, actions, outcomes, from, to, text, 500);
    }

    private static AuditRecord rec(int seconds, String actor, AuditAction action, String target, Outcome outcome,
                                   String detail) {
        return new AuditRecord(T0.plusSeconds(seconds), actor, action, target, outcome, detail);
    }
}
