package dev.switchboard.ai.engine.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.switchboard.ai.AiUse;
import dev.switchboard.ai.TestDatabases;
import dev.switchboard.store.DataDir;
import dev.switchboard.store.Database;
import dev.switchboard.testkit.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UsageLedgerTest {

    @TempDir
    Path tmp;

    @Test
    void aggregatesPerDayProviderModelAndUseInTheClocksZone() {
        // 23:30 UTC on the 14th is already the 15th in Tokyo.
        MutableClock clock = new MutableClock(Instant.parse("2026-03-14T14:30:00Z"), ZoneId.of("Asia/Tokyo"));
        try (Database db = TestDatabases.open(DataDir.of(tmp));
             UsageLedger ledger = new UsageLedger(db, clock, Duration.ofHours(1))) {
            ledger.record(AiUse.CALLER, "lab", "m", new UsageLedger.Call(false, 100, 10, 0.5, 0, false));
            ledger.record(AiUse.CALLER, "lab", "m", new UsageLedger.Call(false, 50, 5, 0.25, 2, false));
            ledger.record(AiUse.CALLER, "lab", "m", UsageLedger.Call.cached());
            ledger.record(AiUse.CHAT, "lab", "m", UsageLedger.Call.offline(3));
            clock.advance(Duration.ofHours(10));
            ledger.record(AiUse.CALLER, "lab", "m", new UsageLedger.Call(false, 1, 1, 0.01, 0, false));

            List<UsageRow> rows = ledger.query(LocalDate.of(2026, 3, 14), LocalDate.of(2026, 3, 16));

            assertThat(rows).extracting(UsageRow::day).containsExactly(LocalDate.of(2026, 3, 14),
                    LocalDate.of(2026, 3, 14), LocalDate.of(2026, 3, 15));
            UsageRow caller = rows.get(0);
            assertThat(caller.use()).isEqualTo(AiUse.CALLER);
            assertThat(caller.calls()).isEqualTo(3);
            assertThat(caller.cacheHits()).isEqualTo(1);
            assertThat(caller.tokensIn()).isEqualTo(150);
            assertThat(caller.tokensOut()).isEqualTo(15);
            assertThat(caller.costUsd()).isCloseTo(0.75, within(1e-12));
            assertThat(caller.failures()).isEqualTo(2);
            assertThat(rows.get(1).fallbacks()).isEqualTo(1);
            assertThat(rows.get(1).failures()).isEqualTo(3);
            assertThat(rows.get(2).calls()).isEqualTo(1);
        }
    }

    @Test
    void closingWritesWhatIsPendingAndLaterFlushesAdd() {
        MutableClock clock = new MutableClock(Instant.parse("2026-03-14T09:00:00Z"), ZoneId.of("UTC"));
        LocalDate day = LocalDate.of(2026, 3, 14);
        try (Database db = TestDatabases.open(DataDir.of(tmp))) {
            UsageLedger first = new UsageLedger(db, clock, Duration.ofHours(1));
            first.record(AiUse.STUDIO, "p", "m", new UsageLedger.Call(false, 7, 3, 0, 0, false));
            first.close();
            try (UsageLedger second = new UsageLedger(db, clock, Duration.ofHours(1))) {
                second.record(AiUse.STUDIO, "p", "m", new UsageLedger.Call(false, 3, 1, 0, 0, false));
                second.flush();
                second.flush();
                assertThat(second.query(day, day)).singleElement().satisfies(r -> {
                    assertThat(r.calls()).isEqualTo(2);
                    assertThat(r.tokensIn()).isEqualTo(10);
                    assertThat(r.tokensOut()).isEqualTo(4);
                });
            }
        }
    }

    @Test
    void theCacheKeyCoversEveryPartOfTheRequest() {
        dev.switchboard.ai.ChatRequest base = dev.switchboard.ai.ChatRequest.ask(AiUse.CALLER, "sys", "q");
        byte[] key = CacheKey.of("p", "m", base);

        assertThat(key).hasSize(32).isEqualTo(CacheKey.of("p", "m", base));
        assertThat(CacheKey.of("p", "m", dev.switchboard.ai.ChatRequest.ask(AiUse.CHAT, "sys", "q")))
                .as("the use does not change the answer").isEqualTo(key);
        assertThat(CacheKey.of("p2", "m", base)).isNotEqualTo(key);
        assertThat(CacheKey.of("p", "m2", base)).isNotEqualTo(key);
        assertThat(CacheKey.of("p", "m", dev.switchboard.ai.ChatRequest.ask(AiUse.CALLER, "sys2", "q")))
                .isNotEqualTo(key);
        assertThat(CacheKey.of("p", "m", new dev.switchboard.ai.ChatRequest(AiUse.CALLER, "sys",
                base.messages(), 0.3, 512, false))).isNotEqualTo(key);
        assertThat(CacheKey.of("p", "m", new dev.switchboard.ai.ChatRequest(AiUse.CALLER, "sys",
                base.messages(), 0.2, 513, false))).isNotEqualTo(key);
        assertThat(CacheKey.of("p", "m", new dev.switchboard.ai.ChatRequest(AiUse.CALLER, "sys",
                base.messages(), 0.2, 512, true))).isNotEqualTo(key);
        // Length prefixes keep "s"+"ysq" apart from "sys"+"q".
        assertThat(CacheKey.of("p", "m", dev.switchboard.ai.ChatRequest.ask(AiUse.CALLER, "s", "ysq")))
                .isNotEqualTo(key);
    }
}
