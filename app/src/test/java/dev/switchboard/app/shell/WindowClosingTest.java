package dev.switchboard.app.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.core.account.AuditAction;
import dev.switchboard.core.account.AuditRecord;
import dev.switchboard.store.BackupInfo;
import dev.switchboard.store.Backups;
import dev.switchboard.store.audit.AuditQuery;
import dev.switchboard.testkit.HeadlessFx;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.stage.WindowEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * However the program is left — its Quit command, the window manager's close button, or a SIGTERM from the desktop
 * — it is a clean exit: the user is signed out and the exit backup is taken.
 */
@ExtendWith(HeadlessFx.class)
class WindowClosingTest {

    @TempDir
    Path temp;

    private WindowHarness ui;
    private final CompletableFuture<Integer> exited = new CompletableFuture<>();

    @AfterEach
    void close() {
        if (ui != null) {
            ui.close();
        }
    }

    private void signedIn() {
        ui = new WindowHarness(temp.resolve("data")).start(true);
        ui.signIn("trainee", "trainee-demo");
        ui.await("#home-greeting");
        ui.window.exitWith(exited::complete);
    }

    private void cleanExitTaken() throws Exception {
        assertThat(exited.get(30, TimeUnit.SECONDS)).isZero();
        assertThat(Backups.list(ui.dataDir)).extracting(BackupInfo::reason).contains(Backups.EXIT);
    }


    @Test
    void theWindowManagersCloseButtonTakesTheExitBackup() throws Exception {
        signedIn();
        HeadlessFx.runOnFx(() -> ui.stage.fireEvent(new WindowEvent(ui.stage, WindowEvent.WINDOW_CLOSE_REQUEST)));
        cleanExitTaken();
    }

    @Test
    void quitInTheUserMenuEndsTheProgramCleanly() throws Exception {
        signedIn();
        ui.click("#user-menu");
        ui.click("#menu-quit");
        cleanExitTaken();
    }

    @Test
    void aTerminatedProcessSignsOutAndTakesTheExitBackup() {
        signedIn();
        // What the JVM's shutdown hook runs on SIGTERM.
        ui.window.closeWorkstation();
        assertThat(Backups.list(ui.dataDir)).extracting(BackupInfo::reason).contains(Backups.EXIT);
        try (var reopened = dev.switchboard.app.Workstation.open(ui.dataDir, java.time.Clock.systemUTC())) {
            List<AuditRecord> logouts = reopened.auditLog().query(new AuditQuery(null, Set.of(AuditAction.LOGOUT),
                    Set.of(), null, null, null, 10));
            assertThat(logouts).extracting(AuditRecord::actor).containsExactly("trainee");
        }
    }
}
