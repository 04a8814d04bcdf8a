package dev.switchboard.ai.engine.chat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.ai.AiUse;
import dev.switchboard.ai.ChatRequest;
import dev.switchboard.ai.TestDatabases;
import dev.switchboard.store.DataDir;
import dev.switchboard.store.Database;
import dev.switchboard.testkit.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResponseCacheTest {

    @TempDir
    Path tmp;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-14T09:00:00Z"));
    private final byte[] key = CacheKey.of("lab", "m", ChatRequest.ask(AiUse.CALLER, "", "q"));

    @Test
    void anAnswerIsServedAtOnceAndSurvivesARestart() {
        try (Database db = TestDatabases.open(DataDir.of(tmp))) {
            try (ResponseCache cache = new ResponseCache(db, clock, Duration.ofHours(24))) {
                cache.put(key, "lab", "m", "answer", 3, 1);
                assertThat(cache.get(key)).map(ResponseCache.Entry::answer).contains("answer");
            }
            try (ResponseCache reopened = new ResponseCache(db, clock, Duration.ofHours(24))) {
                assertThat(reopened.get(key)).hasValueSatisfying(e -> {
                    assertThat(e.answer()).isEqualTo("answer");
                    assertThat(e.tokensIn()).isEqualTo(3);
                    assertThat(e.createdAt()).isEqualTo(clock.instant());
                });
            }
        }
    }

    @Test
    void expiredEntriesAreNeitherServedNorKept() {
        try (Database db = TestDatabases.open(DataDir.of(tmp));
             ResponseCache cache = new ResponseCache(db, clock, Duration.ofMinutes(10))) {
            cache.put(key, "lab", "m", "old", 1, 1);
            cache.flush();
            clock.advance(Duration.ofMinutes(11));

            assertThat(cache.get(key)).isEmpty();
            assertThat(cache.purgeExpired()).isEqualTo(1);
        }
    }

    @Test
    void aZeroTtlTurnsTheCacheOff() {
        try (Database db = TestDatabases.open(DataDir.of(tmp));
             ResponseCache cache = new ResponseCache(db, clock, Duration.ZERO)) {
            cache.put(key, "lab", "m", "x", 1, 1);

            assertThat(cache.enabled()).isFalse();
            assertThat(cache.get(key)).isEmpty();
        }
    }
}
