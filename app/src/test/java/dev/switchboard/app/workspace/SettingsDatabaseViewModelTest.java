package dev.switchboard.app.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.ai.engine.provider.KeyringAccess;
import dev.switchboard.app.shell.DatabaseInUse;
import dev.switchboard.store.DataDir;
import dev.switchboard.store.Database;
import dev.switchboard.store.DatabaseOrigin;
import dev.switchboard.store.DatabaseServer;
import dev.switchboard.store.DatabaseSetting;
import dev.switchboard.store.DatabaseSetting.PasswordFrom;
import dev.switchboard.store.ServerProbe;
import dev.switchboard.testkit.TestPostgres;
import dev.switchboard.uikit.TaskRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Settings → Database as a plain view model, against a real PostgreSQL server. */
class SettingsDatabaseViewModelTest {

    @TempDir
    Path temp;

    /** A keyring kept in memory, as the OS one would keep it. */
    private static final class MemoryKeyring implements KeyringAccess {
        final Map<String, String> entries = new HashMap<>();

        @Override
        public boolean available() {
            return true;
        }

        @Override
        public String unavailableReason() {
            return "";
        }

        @Override
        public Optional<String> read(String entry) {
            return Optional.ofNullable(entries.get(entry));
        }

        @Override
        public void store(String entry, String secret) {
            entries.put(entry, secret);
        }
    }

    private SettingsDatabaseViewModel model(DatabaseOrigin origin, KeyringAccess keyring) {
        DatabaseInUse inUse = new DatabaseInUse(origin, Optional.empty(), false, DataDir.of(temp), keyring);
        return new SettingsDatabaseViewModel(inUse, TaskRunner.direct(), Map.of(), ServerProbe::of);
    }

    private static String bare(String url) {
        return url.substring(0, url.indexOf('?'));
    }

    @Test
    void testConnectionReportsTheServersVersionAndTheSchemaState() {
        String url = TestPostgres.freshDatabase();
        SettingsDatabaseViewModel m = model(DatabaseOrigin.DEFAULT, new MemoryKeyring());
        m.useServerProperty().set(true);
        m.urlProperty().set(bare(url));
        m.userProperty().set(TestPostgres.user());
        m.passwordFromProperty().set(PasswordFrom.PGPASS);

        m.testConnection();
        assertThat(m.resultOkProperty().get()).as(m.resultProperty().get()).isTrue();
        assertThat(m.resultProperty().get()).contains("PostgreSQL 17").contains("the database is empty");

        Database.openServer(DataDir.of(temp.resolve("other-seat")), DatabaseServer.of(url, null, null)).close();
        m.testConnection();
        assertThat(m.resultProperty().get()).contains("PostgreSQL 17").contains("up to date (schema v");
        assertThat(DatabaseSetting.read(DataDir.of(temp))).as("testing saves nothing").isEmpty();
    }

    @Test
    void anUnreachableServerIsOneLineNamingIt() throws Exception {
        int port;
        try (var s = new java.net.ServerSocket(0)) {
            port = s.getLocalPort();
        }
        SettingsDatabaseViewModel m = model(DatabaseOrigin.DEFAULT, new MemoryKeyring());
        m.useServerProperty().set(true);
        m.urlProperty().set("jdbc:postgresql://127.0.0.1:" + port + "/switchboard");
        m.passwordFromProperty().set(PasswordFrom.PGPASS);
        m.testConnection();
        assertThat(m.resultOkProperty().get()).isFalse();
        assertThat(m.resultProperty().get()).startsWith("Cannot connect to postgresql://127.0.0.1:" + port
                + "/switchboard: nothing answers").doesNotContain("\n");
    }

    @Test
    void saveKeepsTheTypedPasswordInTheKeyringAndNeverInTheFile() throws Exception {
        MemoryKeyring keyring = new MemoryKeyring();
        SettingsDatabaseViewModel m = model(DatabaseOrigin.DEFAULT, keyring);
        m.useServerProperty().set(true);
        m.urlProperty().set("jdbc:postgresql://db.center:5432/switchboard?sslmode=verify-full");
        m.userProperty().set("seat7");
        m.passwordFromProperty().set(PasswordFrom.KEYRING);
        m.keyringPasswordProperty().set("typed-Secret-42");

        m.save();
        assertThat(m.resultOkProperty().get()).as(m.resultProperty().get()).isTrue();
        assertThat(m.resultProperty().get()).contains("db.center:5432/switchboard").contains("next start");
        assertThat(m.keyringPasswordProperty().get()).as("the typed password is not kept on screen").isEmpty();
        String file = Files.readString(DatabaseSetting.file(DataDir.of(temp)));
        assertThat(file).doesNotContain("typed-Secret-42").contains("password.from = keyring");
        assertThat(keyring.entries).containsEntry("seat7@postgresql://db.center:5432/switchboard", "typed-Secret-42");

        // The next visit shows what was saved, and the start-up finds the password in the keyring.
        SettingsDatabaseViewModel again = model(DatabaseOrigin.DEFAULT, keyring);
        assertThat(again.useServerProperty().get()).isTrue();
        assertThat(again.passwordFromProperty().get()).isEqualTo(PasswordFrom.KEYRING);
        assertThat(again.keyringPasswordProperty().get()).isEmpty();
        assertThat(DatabaseSetting.read(DataDir.of(temp)).orElseThrow().toServer(Map.of(), keyring::read))
                .hasToString("postgresql://db.center:5432/switchboard");
    }

    @Test
    void aSavedChoiceIsHandedToTheAuditAndARefusedOneIsNot() {
        java.util.List<DatabaseSetting> audited = new java.util.ArrayList<>();
        DatabaseInUse inUse = new DatabaseInUse(DatabaseOrigin.DEFAULT, Optional.empty(), false, DataDir.of(temp),
                new MemoryKeyring());
        SettingsDatabaseViewModel m = new SettingsDatabaseViewModel(inUse, TaskRunner.direct(), Map.of(),
                ServerProbe::of, audited::add);
        m.useServerProperty().set(true);
        m.urlProperty().set("not an address");
        m.save();
        assertThat(m.resultOkProperty().get()).isFalse();
        assertThat(audited).as("nothing saved, nothing audited").isEmpty();

        m.urlProperty().set("jdbc:postgresql://db.center:5432/switchboard");
        m.userProperty().set("seat7");
        m.passwordFromProperty().set(PasswordFrom.PGPASS);
        m.save();
        assertThat(m.resultOkProperty().get()).as(m.resultProperty().get()).isTrue();
        assertThat(audited).singleElement().satisfies(s -> {
            assertThat(s.isServer()).isTrue();
            assertThat(s.display()).isEqualTo("postgresql://db.center:5432/switchboard");
        });
    }

    @Test
    void withoutAKeyringSettingsSaysSoAndOffersTheOtherSources() {
        SettingsDatabaseViewModel m = model(DatabaseOrigin.DEFAULT,
                KeyringAccess.unavailable("No OS keyring is available on this machine (no Secret Service)"));
        assertThat(m.keyringAvailable()).isFalse();
        assertThat(m.keyringNote()).startsWith("No OS keyring is available on this machine")
                .contains("password file").contains("environment variable");
    }

    @Test
    void theCommandLineIsSaidToWinAndABadAddressSavesNothing() {
        SettingsDatabaseViewModel m = model(DatabaseOrigin.COMMAND_LINE, new MemoryKeyring());
        assertThat(m.overrideNote()).contains("--database").contains("wins over what is saved here");
        m.useServerProperty().set(true);
        m.urlProperty().set("postgres://db.center/switchboard");
        m.save();
        assertThat(m.resultOkProperty().get()).isFalse();
        assertThat(m.resultProperty().get()).contains("url").contains("jdbc:postgresql://host:5432/switchboard");
        assertThat(DatabaseSetting.read(DataDir.of(temp))).isEmpty();

        m.urlProperty().set("jdbc:postgresql://db.center/switchboard");
        m.passwordFromProperty().set(PasswordFrom.ENVIRONMENT);
        m.passwordVariableProperty().set("CENTER_DB_PASSWORD");
        m.save();
        assertThat(m.resultProperty().get()).contains("without --database or SWITCHBOARD_DATABASE");
        assertThat(DatabaseSetting.read(DataDir.of(temp))).isPresent();
    }
}
