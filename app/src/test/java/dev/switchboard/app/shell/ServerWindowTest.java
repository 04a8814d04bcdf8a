package dev.switchboard.app.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.app.LaunchOptions;
import dev.switchboard.store.DatabaseOrigin;
import dev.switchboard.store.DatabaseServer;
import dev.switchboard.store.DatabaseSetting;
import dev.switchboard.store.DatabaseSetting.PasswordFrom;
import dev.switchboard.testkit.HeadlessFx;
import dev.switchboard.testkit.TestPostgres;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Optional;
import javafx.scene.control.Label;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The real window on a training center's PostgreSQL server, and when that server cannot be used at start. */
@ExtendWith(HeadlessFx.class)
class ServerWindowTest {

    @TempDir
    Path temp;

    private WindowHarness ui;

    @AfterEach
    void close() {
        if (ui != null) {
            ui.close();
        }
    }

    private static String closedPortUrl() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        return "jdbc:postgresql://127.0.0.1:" + port + "/switchboard";
    }

    private LaunchOptions onServer(String url) {
        return new LaunchOptions(temp.resolve("data"), true, false, false,
                Optional.of(DatabaseServer.of(url, TestPostgres.user(), null)), DatabaseOrigin.COMMAND_LINE);
    }

    @Test
    void theWindowWorksOnTheServerAndSaysWhichInTheStatusBarHomeAndSettings() {
        String url = TestPostgres.freshDatabase();
        ui = new WindowHarness(temp.resolve("data")).start(onServer(url));
        ui.signIn("instructor", "instructor-demo");
        ui.await("#home-greeting");

        assertThat(ui.workstation().database().isServer()).isTrue();
        String where = DatabaseInUse.hostAndDatabase(DatabaseServer.of(url, null, null).display());
        Label status = ui.await("#status-database");
        assertThat(HeadlessFx.callOnFx(status::getText)).isEqualTo("Server " + where);
        assertThat(ui.find("#offline-banner")).isEmpty();

        ui.click("#nav-settings");
        Label inEffect = ui.await("#db-in-effect");
        assertThat(HeadlessFx.callOnFx(inEffect::getText)).contains("training center server " + where)
                .contains("--database on the command line");
        Label override = ui.await("#db-override");
        assertThat(HeadlessFx.callOnFx(override::getText)).contains("wins over what is saved here");
    }

    @Test
    void anUnreachableServerOffersRetryAndOfflineAndOfflineIsMarkedAllSession() throws Exception {
        String url = closedPortUrl();
        ui = new WindowHarness(temp.resolve("data")).start(onServer(url));

        Label title = ui.await("#server-title");
        String where = DatabaseServer.of(url, null, null).display();
        assertThat(HeadlessFx.callOnFx(title::getText)).contains(where);
        Label reason = ui.await("#server-reason");
        assertThat(HeadlessFx.callOnFx(reason::getText)).startsWith("Nothing answers at 127.0.0.1:")
                .doesNotContain("Exception");
        assertThat(ui.find("#server-retry")).isPresent();

        // Trying again against a server that is still away keeps the screen with the reason.
        ui.click("#server-retry");
        WindowHarness.waitUntil(() -> !HeadlessFx.callOnFx(() -> ui.<javafx.scene.control.Button>await("#server-retry")
                .isDisabled()));
        assertThat(HeadlessFx.callOnFx(reason::getText)).startsWith("Nothing answers");

        ui.click("#server-offline");
        ui.await("#signIn");
        assertThat(ui.find("#offline-banner")).as("offline is said on the login screen").isPresent();
        ui.signIn("instructor", "instructor-demo");
        ui.await("#home-greeting");
        assertThat(ui.window.offline()).isTrue();
        assertThat(ui.workstation().database().isServer()).isFalse();
        assertThat(ui.find("#offline-banner")).as("and in the signed-in window").isPresent();
        Label status = ui.await("#status-database");
        assertThat(HeadlessFx.callOnFx(status::getText)).isEqualTo("Offline · this seat’s database");
    }

    @Test
    void theSavedServerIsUsedAtStartAndARetryThatSucceedsGoesOnToSignIn() throws Exception {
        Path data = temp.resolve("data");
        var dir = dev.switchboard.store.DataDir.of(data);
        DatabaseSetting.server(closedPortUrl(), TestPostgres.user(), PasswordFrom.PGPASS, "").write(dir);
        ui = new WindowHarness(data).start(true);
        ui.await("#server-title");

        // The instructor's server comes back (here: the saved address is corrected); Try again goes on.
        String url = TestPostgres.freshDatabase();
        DatabaseSetting.server(url.substring(0, url.indexOf('?')), TestPostgres.user(), PasswordFrom.PGPASS, "")
                .write(dir);
        ui.click("#server-retry");
        ui.signIn("instructor", "instructor-demo");
        ui.await("#home-greeting");
        assertThat(ui.workstation().database().isServer()).isTrue();
        assertThat(ui.window.offline()).isFalse();
        assertThat(ui.window.databaseInUse().origin()).isEqualTo(DatabaseOrigin.SETTINGS_FILE);
    }
}
