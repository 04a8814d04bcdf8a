package dev.switchboard.app.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.switchboard.store.DataDir;
import dev.switchboard.store.DatabaseSetting;
import dev.switchboard.store.DatabaseSetting.PasswordFrom;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server password in a real OS keyring: a private D-Bus session and an unlocked GNOME Keyring in a temporary
 * home, as a desktop session has them. Linux with {@code dbus-daemon} and {@code gnome-keyring-daemon} (Debian:
 * {@code apt-get install gnome-keyring dbus}); skipped with the reason elsewhere.
 */
class OsKeyringTest {

    @TempDir
    Path home;

    private final List<Long> started = new ArrayList<>();

    @AfterEach
    void stopDaemons() {
        for (long pid : started) {
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy);
        }
    }

    @Test
    void aPasswordEnteredOnceIsKeptInTheKeyringAndFoundAtTheNextStartNeverInAFile() throws Exception {
        installDaemonsIfRootOnDebian();
        assumeTrue(onPath("dbus-daemon") && onPath("gnome-keyring-daemon"),
                "needs dbus-daemon and gnome-keyring-daemon (Debian: apt-get install gnome-keyring dbus)");
        Path run = Files.createDirectories(home.resolve("run"));
        run.toFile().setExecutable(true, true);
        Map<String, String> env = Map.of("HOME", home.toString(), "XDG_RUNTIME_DIR", run.toString());

        Process dbus = new ProcessBuilder("dbus-daemon", "--session", "--fork", "--print-address=1",
                "--print-pid=1").directory(home.toFile()).redirectErrorStream(true).start();
        List<String> lines = new String(dbus.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        assumeTrue(dbus.waitFor(10, TimeUnit.SECONDS) && lines.size() >= 2,
                "a private D-Bus session did not start: " + lines);
        String address = lines.get(0).strip();
        started.add(Long.parseLong(lines.get(1).strip()));

        ProcessBuilder unlock = new ProcessBuilder("gnome-keyring-daemon", "--unlock", "--components=secrets")
                .directory(home.toFile()).redirectErrorStream(true);
        unlock.environment().putAll(env);
        unlock.environment().put("DBUS_SESSION_BUS_ADDRESS", address);
        Process keyring = unlock.start();
        keyring.getOutputStream().write("keyring-test-unlock".getBytes(StandardCharsets.UTF_8));
        keyring.getOutputStream().close();
        String said = new String(keyring.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assumeTrue(keyring.waitFor(15, TimeUnit.SECONDS) && keyring.exitValue() == 0,
                "gnome-keyring-daemon did not unlock: " + said);
        ProcessHandle.allProcesses().filter(p -> p.info().command().orElse("").endsWith("gnome-keyring-daemon"))
                .filter(p -> p.info().arguments().map(a -> String.join(" ", a)).orElse("").contains("--unlock"))
                .filter(p -> environmentHome(p).equals(home.toString()))
                .forEach(p -> started.add(p.pid()));

        DataDir dir = DataDir.of(home.resolve("data"));
        DatabaseSetting setting = DatabaseSetting.server("jdbc:postgresql://db.center:5432/switchboard", "seat7",
                PasswordFrom.KEYRING, "");
        setting.write(dir);
        String secret = "Keyring-Only-Secret-7";

        // Settings stores it (one JVM); the next start reads it (another JVM): it lives in the keyring.
        String stored = child(address, env, "store", setting.keyringEntry(), secret);
        assumeTrue(!stored.startsWith("unavailable"), "the keyring library found no keyring: " + stored);
        assertThat(stored).isEqualTo("stored");
        assertThat(child(address, env, "read", setting.keyringEntry())).isEqualTo("read: " + secret);
        assertThat(child(address, env, "read", "someone-else@postgresql://db.center:5432/switchboard"))
                .isEqualTo("read: (none)");

        try (Stream<Path> files = Files.walk(home)) {
            for (Path f : files.filter(Files::isRegularFile).filter(f -> !f.toString().contains("keyrings"))
                    .toList()) {
                assertThat(Files.readString(f, StandardCharsets.ISO_8859_1)).as(f.toString()).doesNotContain(secret);
            }
        }
    }

    private static String environmentHome(ProcessHandle p) {
        try {
            String environ = Files.readString(Path.of("/proc", String.valueOf(p.pid()), "environ"),
                    StandardCharsets.ISO_8859_1);
            for (String entry : environ.split("\0")) {
                if (entry.startsWith("HOME=")) {
                    return entry.substring(5);
                }
            }
        } catch (IOException e) {
            // Not ours to read: not ours to stop.
        }
        return "";
    }

    private String child(String address, Map<String, String> env, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-cp", System.getProperty("java.class.path"), KeyringChild.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().putAll(env);
        pb.environment().put("DBUS_SESSION_BUS_ADDRESS", address);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return out.lines().filter(l -> l.startsWith("stored") || l.startsWith("read: ")
                || l.startsWith("unavailable")).findFirst().orElse(out);
    }

    /** As installer/linux/smoke.sh does for Xvfb: Debian's packages, only as root and only where apt-get is. */
    private static void installDaemonsIfRootOnDebian() throws Exception {
        if ((onPath("dbus-daemon") && onPath("gnome-keyring-daemon")) || !onPath("apt-get")
                || !"root".equals(System.getProperty("user.name"))) {
            return;
        }
        System.out.println("OsKeyringTest: installing gnome-keyring and dbus (Debian packages) for the keyring test");
        Process install = new ProcessBuilder("sh", "-c", "apt-get update -qq && DEBIAN_FRONTEND=noninteractive "
                + "apt-get install -y -qq gnome-keyring dbus").redirectErrorStream(true).start();
        install.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
        install.waitFor(10, TimeUnit.MINUTES);
    }

    private static boolean onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }
}
