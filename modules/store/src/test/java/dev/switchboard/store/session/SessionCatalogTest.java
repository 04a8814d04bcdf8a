package dev.switchboard.store.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.core.error.InputException;
import dev.switchboard.core.id.SessionId;
import dev.switchboard.core.id.UserId;
import dev.switchboard.store.Database;
import dev.switchboard.store.TestStore;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionCatalogTest {

    private static final Instant T0 = Instant.parse("2025-03-01T09:00:00Z");
    private static final UserId AIKO = new UserId("aiko-id");
    private static final UserId KENJI = new UserId("kenji-id");

    @TempDir
    Path tmp;

    private Database db;
    private SessionCatalog catalog;

    @BeforeEach
    void open() {
        db = new TestStore(tmp).open();
        catalog = new SessionCatalog(db);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void listsRecentSessionsNewestFirst() {
        SessionSummary a1 = started("a1", AIKO, 0);
        SessionSummary k1 = started("k1", KENJI, 60);
        SessionSummary a2 = started("a2", AIKO, 120);
        for (SessionSummary s : new SessionSummary[] {a1, k1, a2}) {
            catalog.insert(s);
        }

        assertThat(catalog.recent(10)).containsExactly(a2, k1, a1);
        assertThat(catalog.recent(2)).containsExactly(a2, k1);
        assertThat(catalog.recentFor(AIKO, 10)).containsExactly(a2, a1);
        assertThat(catalog.recentFor(new UserId("nobody"), 10)).isEmpty();
        assertThat(catalog.count()).isEqualTo(3);
    }

    @Test
    void finishRecordsTheEnd() {
        SessionSummary s = started("a1", AIKO, 0);
        catalog.insert(s);

        catalog.finish(s.id(), T0.plusSeconds(600), "finished", 87.5);

        assertThat(catalog.recent(1)).containsExactly(new SessionSummary(s.id(), AIKO, "Aiko", "call",
                "Kitchen fire, Shinjuku", T0, T0.plusSeconds(600), "finished", 87.5));
        catalog.finish(s.id(), T0.plusSeconds(700), "abandoned", null);
        assertThat(catalog.recent(1).get(0).score()).isNull();
        assertThatThrownBy(() -> catalog.finish(new SessionId("missing"), T0, "finished", null))
                .isInstanceOf(InputException.class);
    }

    private static SessionSummary started(String id, UserId trainee, int seconds) {
        return new SessionSummary(new SessionId(id), trainee, trainee == AIKO ? "Aiko" : "Kenji", "call",
                "Kitchen fire, Shinjuku", T0.plusSeconds(seconds), null, "running", null);
    }

    @Test
    void runningSessionsAreFoundForRecoveryAndStatusChangesAreKept() {
        SessionId live = new SessionId("s-live");
        SessionId done = new SessionId("s-done");
        catalog.insert(new SessionSummary(live, AIKO, "Aiko", "call", "Kitchen fire", T0, null, "running", null));
        catalog.insert(new SessionSummary(done, KENJI, "Kenji", "call", "Fall", T0.plusSeconds(5), null, "running",
                null));
        catalog.finish(done, T0.plusSeconds(60), "complete", 81.5);

        assertThat(catalog.running()).extracting(SessionSummary::id).containsExactly(live);
        catalog.setStatus(done, "signed-off");
        assertThat(catalog.find(done)).get().satisfies(s -> {
            assertThat(s.status()).isEqualTo("signed-off");
            assertThat(s.score()).isEqualTo(81.5);
        });
        assertThat(catalog.find(new SessionId("nope"))).isEmpty();
        assertThatThrownBy(() -> catalog.setStatus(new SessionId("nope"), "complete"))
                .isInstanceOf(InputException.class).hasMessageContaining("nope");
    }

    @Test
    void aRecordingIsOpenUntilClosedWithItsLengthAndChecksum() {
        SessionId call = new SessionId("s-call");
        RecordingCatalog recordings = new RecordingCatalog(db);
        recordings.started(call, "s-call/call.wav", "call", 16_000, 2, T0);
        assertThat(recordings.unclosed()).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo("recording");
            assertThat(r.durationMs()).isNull();
            assertThat(r.sha256()).isNull();
        });

        recordings.closed(call, "s-call/call.wav", 83_450, "ab".repeat(32), "interrupted");
        assertThat(recordings.unclosed()).isEmpty();
        assertThat(recordings.of(call)).singleElement().satisfies(r -> {
            assertThat(r.file()).isEqualTo("s-call/call.wav");
            assertThat(r.sampleRate()).isEqualTo(16_000);
            assertThat(r.channels()).isEqualTo(2);
            assertThat(r.durationMs()).isEqualTo(83_450L);
            assertThat(r.sha256()).hasSize(64);
            assertThat(r.status()).isEqualTo("interrupted");
        });
    }
}
