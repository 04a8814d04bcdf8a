package dev.switchboard.app.shell;

import dev.switchboard.app.Workstation;
import dev.switchboard.core.account.Account;
import dev.switchboard.core.account.Role;
import org.slf4j.LoggerFactory;

/**
 * Demo accounts for an instructor preparing an offline demo ({@code --demo}): created only on an empty
 * database, with passwords printed on the login screen. Never used without the flag.
 */
final class DemoData {

    static final String HINT = "Demo sign-in — instructor / instructor-demo · supervisor / supervisor-demo · "
            + "trainee / trainee-demo";

    private DemoData() {
    }

    /** System property that skips recording the demo calls (the UI tests set it; they record what they need). */
    static final String NO_CALLS = "switchboard.demo.noCalls";

    static void seedIfEmpty(Workstation ws) {
        if (!ws.accounts().needsFirstInstructor()) {
            return;
        }
        Account instructor = ws.accounts().createFirstInstructor("instructor", "Aiko Instructor",
                "instructor-demo".toCharArray());
        ws.accounts().createAccount(instructor, "supervisor", "Kenji Supervisor", Role.SUPERVISOR,
                "supervisor-demo".toCharArray());
        Account trainee = ws.accounts().createAccount(instructor, "trainee", "Yui Trainee", Role.TRAINEE,
                "trainee-demo".toCharArray());
        LoggerFactory.getLogger(DemoData.class).info("Created the demo accounts (--demo)");
        if (!Boolean.getBoolean(NO_CALLS)) {
            // The caller's voice takes a few seconds to load: the calls are recorded behind the login screen.
            Thread.ofVirtual().name("demo-calls").start(() -> {
                ws.busyWith("the demo calls are being recorded");
                try {
                    DemoCalls.record(ws, trainee, true);
                } catch (RuntimeException e) {
                    LoggerFactory.getLogger(DemoData.class).warn("Demo calls not recorded", e);
                } finally {
                    ws.busyWith(null);
                }
            });
        }
    }
}
