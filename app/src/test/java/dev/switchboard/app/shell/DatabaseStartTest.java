package dev.switchboard.app.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.ai.engine.provider.KeyringAccess;
import dev.switchboard.app.LaunchOptions;
import dev.switchboard.store.DataDir;
import dev.switchboard.store.DatabaseOrigin;
import dev.switchboard.store.DatabaseServer;
import dev.switchboard.store.DatabaseSetting;
import dev.switchboard.store.DatabaseSetting.PasswordFrom;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which database the window opens: the command line and environment win over the saved setting. */
class DatabaseStartTest {

    private static final String SAVED = "jdbc:postgresql://saved.center:5432/switchboard";
    private static final String GIVEN = "jdbc:postgresql://given.center:5432/drills";

    @TempDir
    Path temp;

    private final KeyringAccess noKeyring = KeyringAccess.unavailable("No OS keyring is available on this machine");

    private DatabaseStart start(LaunchOptions options) {
        return new DatabaseStart(DataDir.of(temp), options, Map.of(), noKeyring);
    }

    @Test
    void theCommandLineBeatsTheSavedSetting() {
        DatabaseSetting.server(SAVED, "seat", PasswordFrom.PGPASS, "").write(DataDir.of(temp));
        DatabaseStart fromCommandLine = start(new LaunchOptions(temp, false, false, false,
                Optional.of(DatabaseServer.of(GIVEN, null, null)), DatabaseOrigin.COMMAND_LINE));
        assertThat(fromCommandLine.origin()).isEqualTo(DatabaseOrigin.COMMAND_LINE);
        assertThat(fromCommandLine.serverName()).contains("postgresql://given.center:5432/drills");

        DatabaseStart fromFile = start(new LaunchOptions(temp, false, false, false));
        assertThat(fromFile.origin()).isEqualTo(DatabaseOrigin.SETTINGS_FILE);
        assertThat(fromFile.serverName()).contains("postgresql://saved.center:5432/switchboard");
    }

    @Test
    void withNothingSavedOrTheSeatSavedTheSeatsOwnFileIsUsed() {
        assertThat(start(new LaunchOptions(temp, false, false, false)).serverName()).isEmpty();
        DatabaseSetting.seat().write(DataDir.of(temp));
        DatabaseStart seat = start(new LaunchOptions(temp, false, false, false));
        assertThat(seat.origin()).isEqualTo(DatabaseOrigin.DEFAULT);
        assertThat(seat.serverName()).isEmpty();
    }

    @Test
    void aKeyringPasswordWithoutAKeyringIsOneLineOnTheServerScreen() {
        DatabaseSetting.server(SAVED, "seat", PasswordFrom.KEYRING, "").write(DataDir.of(temp));
        assertThatThrownBy(() -> start(new LaunchOptions(temp, false, false, false)).open(Clock.systemUTC()))
                .isInstanceOfSatisfying(DatabaseStart.ServerUnavailable.class, e -> {
                    assertThat(e.server()).isEqualTo("postgresql://saved.center:5432/switchboard");
                    assertThat(e.reason()).contains("OS keyring").contains("No OS keyring is available");
                });
    }

    @Test
    void aDamagedSettingsFileIsNamedWithItsLineAndOfflineStillOpens() throws Exception {
        Files.writeString(DatabaseSetting.file(DataDir.of(temp)), "database = server\nurl = postgres://nope\n");
        DatabaseStart start = start(new LaunchOptions(temp, false, false, false));
        assertThatThrownBy(() -> start.open(Clock.systemUTC()))
                .isInstanceOfSatisfying(DatabaseStart.ServerUnavailable.class, e ->
                        assertThat(e.reason()).contains(DatabaseSetting.FILE_NAME).contains(":2").contains("url")
                                .contains("jdbc:postgresql://"));
        try (var ws = start.openOffline(Clock.systemUTC())) {
            assertThat(ws.database().isServer()).isFalse();
        }
    }
}
