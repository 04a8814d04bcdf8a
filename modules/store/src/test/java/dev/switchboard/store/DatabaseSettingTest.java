package dev.switchboard.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.core.error.InputException;
import dev.switchboard.core.error.SwitchboardException;
import dev.switchboard.store.DatabaseSetting.PasswordFrom;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The seat's saved choice of database: what the file holds, what it never holds, and how it is read back. */
class DatabaseSettingTest {

    private static final String URL = "jdbc:postgresql://db.center.local:5432/switchboard?sslmode=verify-full";

    @TempDir
    Path temp;

    @Test
    void noFileMeansNothingSaved() {
        assertThat(DatabaseSetting.read(DataDir.of(temp))).isEmpty();
    }

    @Test
    void aServerSettingIsWrittenPrivatelyAndReadBackAsItWas() throws Exception {
        DataDir dir = DataDir.of(temp);
        DatabaseSetting saved = DatabaseSetting.server(URL, "trainer", PasswordFrom.ENVIRONMENT, "CENTER_DB_PW");
        saved.write(dir);

        assertThat(DatabaseSetting.read(dir)).contains(saved);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(DatabaseSetting.file(dir))))
                .isEqualTo("rw-------");
        assertThat(saved.display()).isEqualTo("postgresql://db.center.local:5432/switchboard");
        assertThat(saved.keyringEntry()).isEqualTo("trainer@postgresql://db.center.local:5432/switchboard");
    }

    @Test
    void theFileNeverHoldsThePasswordWhereverItComesFrom() throws Exception {
        DataDir dir = DataDir.of(temp);
        String secret = "s3cret-Pa55word";
        Path passwordFile = temp.resolve("pw");
        Files.writeString(passwordFile, secret + "\n");
        Map<String, String> env = Map.of("CENTER_DB_PW", secret);
        DatabaseSetting.KeyringReader keyring = entry -> Optional.of(secret);

        for (DatabaseSetting s : new DatabaseSetting[] {
                DatabaseSetting.server(URL, "trainer", PasswordFrom.FILE, passwordFile.toString()),
                DatabaseSetting.server(URL, "trainer", PasswordFrom.ENVIRONMENT, "CENTER_DB_PW"),
                DatabaseSetting.server(URL, "trainer", PasswordFrom.KEYRING, "")}) {
            s.write(dir);
            // The password is found where the setting points ...
            assertThat(s.toServer(env, keyring).logOn().getProperty("password")).isEqualTo(secret);
            // ... and is nowhere in the file.
            assertThat(Files.readString(DatabaseSetting.file(dir))).doesNotContain(secret).contains("trainer");
        }
    }

    @Test
    void aPasswordWrittenIntoTheFileByHandIsRefusedNamingTheLine() throws Exception {
        DataDir dir = DataDir.of(temp);
        Files.writeString(DatabaseSetting.file(dir), "database = server\nurl = " + URL + "\npassword = hunter2\n");

        assertThatThrownBy(() -> DatabaseSetting.read(dir)).isInstanceOf(InputException.class)
                .hasMessageContaining(DatabaseSetting.FILE_NAME).hasMessageContaining("3")
                .hasMessageContaining("never kept in this file").hasMessageNotContaining("hunter2");
    }

    @Test
    void badAddressesAndPlacesAreRefusedWithTheField() {
        assertThatThrownBy(() -> DatabaseSetting.server("postgres://x/y", "", PasswordFrom.PGPASS, ""))
                .isInstanceOf(InputException.class).hasMessageContaining("url").hasMessageContaining("jdbc:postgresql");
        assertThatThrownBy(() -> DatabaseSetting.server(URL + "&password=x", "", PasswordFrom.PGPASS, ""))
                .isInstanceOf(InputException.class).hasMessageContaining("password");
        assertThatThrownBy(() -> DatabaseSetting.server(URL, "", PasswordFrom.ENVIRONMENT, "not a name"))
                .isInstanceOf(InputException.class).hasMessageContaining("password.place");
        assertThatThrownBy(() -> DatabaseSetting.server(URL, "", PasswordFrom.FILE, " "))
                .isInstanceOf(InputException.class).hasMessageContaining("password file");
    }

    @Test
    void aMissingVariableOrKeyringEntryIsSaidPlainly() {
        DatabaseSetting env = DatabaseSetting.server(URL, "", PasswordFrom.ENVIRONMENT, "CENTER_DB_PW");
        assertThatThrownBy(() -> env.toServer(Map.of(), e -> Optional.empty()))
                .hasMessageContaining("CENTER_DB_PW").hasMessageContaining("not set");
        DatabaseSetting kr = DatabaseSetting.server(URL, "trainer", PasswordFrom.KEYRING, "");
        assertThatThrownBy(() -> kr.toServer(Map.of(), e -> Optional.empty()))
                .isInstanceOf(SwitchboardException.class).hasMessageContaining("holds no password");
    }

    @Test
    void choosingTheSeatAgainIsSavedToo() {
        DataDir dir = DataDir.of(temp);
        DatabaseSetting.server(URL, "", PasswordFrom.PGPASS, "").write(dir);
        DatabaseSetting.seat().write(dir);
        assertThat(DatabaseSetting.read(dir)).contains(DatabaseSetting.seat());
    }

    @Test
    void theCommandLineBeatsTheEnvironmentWhichBeatsTheFile() {
        assertThat(DatabaseOrigin.of(URL, URL, true)).isEqualTo(DatabaseOrigin.COMMAND_LINE);
        assertThat(DatabaseOrigin.of(null, URL, true)).isEqualTo(DatabaseOrigin.ENVIRONMENT);
        assertThat(DatabaseOrigin.of(" ", "", true)).isEqualTo(DatabaseOrigin.SETTINGS_FILE);
        assertThat(DatabaseOrigin.of(null, null, false)).isEqualTo(DatabaseOrigin.DEFAULT);
    }
}
