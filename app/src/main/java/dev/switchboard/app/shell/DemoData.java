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
    /** System property that skips generating the demo week of camera events (the UI tests set it). */
    static final String NO_CAMERA_EVENTS = "switchboard.demo.noCameraEvents";
    /** The demo's week of camera events: enough for every question of the README, generated in about a minute. */
    static final int DEMO_CAMERA_EVENTS = 150_000;

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
                try {
                    DemoCalls.record(ws, trainee, true);
                } catch (RuntimeException e) {
                    LoggerFactory.getLogger(DemoData.class).warn("Demo calls not recorded", e);
                }
                DemoWorkflow.run(ws, trainee);
            });
        } else {
            Thread.ofVirtual().name("demo-workflow").start(() -> DemoWorkflow.run(ws, trainee));
        }
    }

    /**
     * With {@code --demo} and no generated camera events yet: a week of them for surveillance chat, generated behind
     * the login screen on a background thread, with progress in the Surveillance workspace's status line; keyword
     * search works on them as they are stored, semantic search as their descriptions are embedded.
     */
    static void seedCameraEventsIfEmpty(Workstation ws) {
        if (Boolean.getBoolean(NO_CAMERA_EVENTS)) {
            return;
        }
        Thread.ofVirtual().name("demo-camera-events").start(() -> {
            try {
                var surveillance = ws.surveillance();
                // Resumes a demo week an earlier start did not finish; never adds a second one.
                surveillance.generateOrResume(7, DEMO_CAMERA_EVENTS, 42, ws.wallClock().instant(),
                        surveillance.progress());
            } catch (RuntimeException e) {
                LoggerFactory.getLogger(DemoData.class).warn("Demo camera events not generated", e);
            }
        });
    }
}
