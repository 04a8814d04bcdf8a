package dev.switchboard.app.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.app.Workstation;
import dev.switchboard.core.account.Account;
import dev.switchboard.speech.Speech;
import dev.switchboard.store.DataDir;
import dev.switchboard.testkit.HeadlessFx;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Home's status card follows the speech warm-up rather than keeping what it read at sign-in. */
class HomeViewModelTest {

    @TempDir
    Path temp;

    private Workstation ws;
    private Account instructor;

    @BeforeEach
    void start() {
        HeadlessFx.start();
        ws = Workstation.open(DataDir.of(temp), Clock.systemUTC());
        instructor = ws.accounts().createFirstInstructor("sato", "Sato Haruki", "first-day-pw".toCharArray());
    }

    @AfterEach
    void stop() {
        ws.close(false);
    }

    @Test
    void theStatusCardSaysSpeechIsReadyOnceTheWarmUpHasEndedWithoutCheckingAgain() throws Exception {
        HomeViewModel model = HeadlessFx.callOnFx(() -> new HomeViewModel(new TestContext(ws, instructor)));
        HeadlessFx.runOnFx(model::refresh);
        assertThat(model.statusProperty().get().speechReady()).as("read before any warm-up").isFalse();
        CountDownLatch ready = new CountDownLatch(1);
        HeadlessFx.runOnFx(() -> model.statusProperty().addListener((obs, was, now) -> {
            if (now.speechReady()) {
                ready.countDown();
            }
        }));

        // The build turns the warm-up off for window tests; this test wants a real one.
        String off = System.clearProperty(Speech.NO_WARM_UP);
        try {
            ws.speech().warmUpInBackground();
        } finally {
            if (off != null) {
                System.setProperty(Speech.NO_WARM_UP, off);
            }
        }
        ws.speech().warmUpEnded().toCompletableFuture().get(5, TimeUnit.MINUTES);
        assertThat(ws.speech().status()).isEqualTo("speech: ready");

        assertThat(ready.await(30, TimeUnit.SECONDS)).as("the card's speech line was read again").isTrue();
        assertThat(model.statusProperty().get().speech()).isEqualTo("speech: ready");
    }
}
