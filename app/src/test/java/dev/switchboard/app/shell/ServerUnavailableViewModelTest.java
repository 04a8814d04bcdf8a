package dev.switchboard.app.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The start-up screen for an unusable server, as a plain view model. */
class ServerUnavailableViewModelTest {

    private final List<String> done = new ArrayList<>();

    private ServerUnavailableViewModel model() {
        return new ServerUnavailableViewModel("postgresql://db.center:5432/switchboard",
                "the server refused the password (FATAL: password authentication failed for user \"seat7\").",
                () -> done.add("retry"), () -> done.add("offline"), () -> done.add("quit"));
    }

    @Test
    void namesTheServerAndTheReason() {
        ServerUnavailableViewModel m = model();
        assertThat(m.title()).isEqualTo("The training center server postgresql://db.center:5432/switchboard cannot "
                + "be used");
        assertThat(m.reasonProperty().get()).startsWith("the server refused the password");
        assertThat(m.busyProperty().get()).isFalse();
    }

    @Test
    void retryWaitsForItsAnswerAndAFailureShowsTheNewReason() {
        ServerUnavailableViewModel m = model();
        m.retry();
        m.retry();
        assertThat(done).containsExactly("retry");
        assertThat(m.busyProperty().get()).isTrue();
        assertThat(m.progressProperty().get()).contains("db.center:5432");

        m.failedAgain("nothing answers at db.center:5432: the server is not running.");
        assertThat(m.busyProperty().get()).isFalse();
        assertThat(m.reasonProperty().get()).startsWith("nothing answers");
        assertThat(m.progressProperty().get()).isEmpty();
    }

    @Test
    void offlineOpensTheSeatsOwnDatabaseOnce() {
        ServerUnavailableViewModel m = model();
        m.workOffline();
        m.retry();
        assertThat(done).containsExactly("offline");
        m.quit();
        assertThat(done).containsExactly("offline", "quit");
    }
}
