package dev.switchboard.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.app.Workstation;
import dev.switchboard.core.id.SessionId;
import dev.switchboard.store.DataDir;
import dev.switchboard.store.DatabaseServer;
import dev.switchboard.store.eventlog.AppendRequest;
import dev.switchboard.testkit.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16: two seats (two data dirs, two keys) on one server each sign checkpoints; {@code log verify} from either
 * finds nothing wrong and lists both keys, each matching one seat's {@code log key}.
 */
class LogVerifyOnServerTest {

    @TempDir
    Path temp;

    @Test
    void twoSeatsCheckpointOnOneServerAndLogVerifyFromEitherListsBothKeys() {
        String url = TestPostgres.freshDatabase();
        String one = temp.resolve("one").toString();
        String two = temp.resolve("two").toString();
        String keyOne = fingerprint(one, url);
        String keyTwo = fingerprint(two, url);
        assertThat(keyOne).isNotEqualTo(keyTwo);

        for (int round = 0; round < 2; round++) {
            for (String seat : new String[] {one, two}) {
                append(seat, url, new SessionId("call-" + seat.hashCode() % 1000 + "-" + round));
                CliRun checkpoint = CliRun.of("--data-dir", seat, "--database", url, "log", "checkpoint");
                assertThat(checkpoint.code()).as(checkpoint.err()).isZero();
                assertThat(checkpoint.out()).contains("Signed by key:    " + (seat.equals(one) ? keyOne : keyTwo));
            }
        }

        for (String seat : new String[] {one, two}) {
            CliRun verify = CliRun.of("--data-dir", seat, "--database", url, "log", "verify");
            assertThat(verify.code()).as(verify.out()).isZero();
            String mine = seat.equals(one) ? keyOne : keyTwo;
            String other = seat.equals(one) ? keyTwo : keyOne;
            assertThat(verify.out()).contains("OK: every chain verifies.")
                    .contains("Checkpoints signed by 2 key(s):")
                    // Each seat also signs one as its window or command closes, so the counts vary.
                    .containsPattern("\\n  " + mine + " \\(this seat's key\\): [2-9] checkpoint\\(s\\)")
                    .containsPattern("\\n  " + other + ": [2-9] checkpoint\\(s\\)")
                    .doesNotContain("another key").doesNotContain("not with this installation's key");
        }
    }

    @Test
    void checkpointsSignedByAKeyNotOnTheSeatsListAreAnUnknownSigner() throws Exception {
        String url = TestPostgres.freshDatabase();
        String one = temp.resolve("one").toString();
        String stranger = temp.resolve("stranger").toString();
        String keyOne = fingerprint(one, url);
        String keyStranger = fingerprint(stranger, url);
        append(one, url, new SessionId("call-1"));
        append(stranger, url, new SessionId("call-2"));
        Path keys = temp.resolve("seat-keys.txt");
        Files.writeString(keys, "# training center seats\n" + keyOne + "   # seat 1\n");

        CliRun verify = CliRun.of("--data-dir", one, "--database", url, "log", "verify", "--keys", keys.toString());

        assertThat(verify.code()).as(verify.out()).isEqualTo(1);
        assertThat(verify.out()).containsPattern("UNKNOWN SIGNER: \\d+ checkpoint\\(s\\) on checkpoints-"
                + keyStranger + " are signed with key " + keyStranger + ", which is not in " + keys);

        Files.writeString(keys, keyOne + "\n" + keyStranger.toUpperCase(java.util.Locale.ROOT) + "\n");
        CliRun listed = CliRun.of("--data-dir", one, "--database", url, "log", "verify", "--keys", keys.toString());
        assertThat(listed.code()).as(listed.out()).isZero();

        Files.writeString(keys, keyOne + "\n" + keyStranger + "\n" + "0000-1111-2222-3333-4444-5555-6666-7777\n");
        CliRun missing = CliRun.of("--data-dir", one, "--database", url, "log", "verify", "--keys", keys.toString());
        assertThat(missing.code()).isEqualTo(1);
        assertThat(missing.out()).contains("MISSING SIGNER: key 0000-1111-2222-3333-4444-5555-6666-7777 in " + keys
                + " has no checkpoint in this log");

        Files.writeString(keys, keyOne + "\nseat two\n");
        CliRun bad = CliRun.of("--data-dir", one, "--database", url, "log", "verify", "--keys", keys.toString());
        assertThat(bad.code()).isNotZero();
        assertThat(bad.err()).contains(keys + ":2").contains("'seat two' is not a key fingerprint")
                .doesNotContain("Exception");
    }

    private static String fingerprint(String seat, String url) {
        CliRun key = CliRun.of("--data-dir", seat, "--database", url, "log", "key");
        assertThat(key.code()).as(key.err()).isZero();
        assertThat(key.out()).contains("Checkpoints are signed on: checkpoints-");
        return key.out().lines().filter(l -> l.startsWith("Checkpoint key fingerprint: ")).findFirst().orElseThrow()
                .substring("Checkpoint key fingerprint: ".length());
    }

    private static void append(String seat, String url, SessionId call) {
        try (Workstation ws = Workstation.open(DataDir.of(Path.of(seat)), Clock.systemUTC(),
                Optional.of(DatabaseServer.of(url, null, null)))) {
            ws.eventLog().append(new AppendRequest(call, 0, "unit.moved", "{}"));
        }
    }
}
