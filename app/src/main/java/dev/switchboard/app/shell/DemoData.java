package dev.switchboard.app.shell;

import dev.switchboard.ai.VideoSpec;
import dev.switchboard.ai.WorkerCapability;
import dev.switchboard.ai.engine.worker.ApiFlavour;
import dev.switchboard.ai.engine.worker.DemoWorker;
import dev.switchboard.ai.engine.worker.Worker;
import dev.switchboard.ai.engine.worker.WorkerKind;
import dev.switchboard.app.Workstation;
import dev.switchboard.core.account.Account;
import dev.switchboard.core.account.Role;
import dev.switchboard.studio.engine.predict.BacktestStore;
import dev.switchboard.studio.model.generation.GenerationSettings;
import java.net.URI;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
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

    /** System property that skips the demo's loopback GPU worker (the app's UI tests expect no workers). */
    static final String NO_WORKER = "switchboard.demo.noWorker";

    /**
     * Starts the demo's stand-in GPU worker on 127.0.0.1 and registers it (clearly noted as a demo worker) as an
     * Automatic1111 picture worker, a ComfyUI clip worker and a switched-off standby for the auto-scaler, so the
     * Studio can be shown with no GPU. Workers the user registered under these names are left alone.
     */
    static void startDemoWorkers(Workstation ws, boolean queueGallery) {
        if (Boolean.getBoolean(NO_WORKER)) {
            return;
        }
        try {
            startWorkers(ws);
            if (queueGallery) {
                ws.generation().start();
                queueDemoGallery(ws);
            }
        } catch (RuntimeException e) {
            LoggerFactory.getLogger(DemoData.class).warn("The demo worker did not start", e);
        }
    }

    private static void startWorkers(Workstation ws) {
        DemoWorker demo = DemoWorker.start(Duration.ofMillis(120));
        ws.closeWithWorkstation(demo);
        URI url = demo.url();
        register(ws, new Worker("demo-images", url, WorkerKind.IMAGE, ApiFlavour.A1111_TXT2IMG, "", 1, true,
                Set.of(), false, DemoWorker.NOTE));
        register(ws, new Worker("demo-video", url, WorkerKind.VIDEO, ApiFlavour.COMFYUI, "", 1, true,
                EnumSet.of(WorkerCapability.VIDEO, WorkerCapability.IMAGE_TO_IMAGE), false, DemoWorker.NOTE));
        register(ws, new Worker("demo-standby", url, WorkerKind.IMAGE, ApiFlavour.A1111_TXT2IMG, "", 1, false,
                Set.of(), true, DemoWorker.NOTE));
    }

    private static void register(Workstation ws, Worker demo) {
        Optional<Worker> existing = ws.workers().find(demo.name());
        if (existing.isEmpty()) {
            ws.workers().add(demo);
        } else if (existing.get().note().equals(DemoWorker.NOTE)) {
            ws.workers().update(existing.get().withBaseUrl(demo.baseUrl()));
        }
    }

    /** A few results from the demo worker, so the gallery has something to show. */
    private static void queueDemoGallery(Workstation ws) {
        String by = "instructor";
        ws.generation().generate(new GenerationSettings("a flooded underpass at night with a stalled bus", "", "hdr",
                512, 320, 24, 0, 1101, 1, null, null, 5, by));
        ws.generation().generate(new GenerationSettings("a crowded station concourse, a dropped bag", "", "cctv",
                512, 320, 24, 0, 2202, 1, null, null, 5, by));
        ws.generation().generate(GenerationSettings.of("fire engine at a narrow street crossing", "illustration", by));
        ws.generation().generate(new GenerationSettings("drone flight over the river at dusk", "", "cinematic", 480,
                272, 12, 0, 3303, 1, null, new VideoSpec(2, 8), 5, by));
    }

    /** Creates the demo accounts on an empty database; returns whether it did. */
    static boolean seedIfEmpty(Workstation ws) {
        if (!ws.accounts().needsFirstInstructor()) {
            return false;
        }
        Account instructor = ws.accounts().createFirstInstructor("instructor", "Aiko Instructor",
                "instructor-demo".toCharArray());
        ws.accounts().createAccount(instructor, "supervisor", "Kenji Supervisor", Role.SUPERVISOR,
                "supervisor-demo".toCharArray());
        Account trainee = ws.accounts().createAccount(instructor, "trainee", "Yui Trainee", Role.TRAINEE,
                "trainee-demo".toCharArray());
        LoggerFactory.getLogger(DemoData.class).info("Created the demo accounts (--demo)");
        // The Studio's Prices panel opens on the bundled BTC bars with their backtest already computed.
        Thread.ofVirtual().name("demo-prices").start(() -> {
            try {
                new BacktestStore(ws.database(), ws.wallClock()).ensureDefault();
            } catch (RuntimeException e) {
                LoggerFactory.getLogger(DemoData.class).warn("Demo price backtest not computed", e);
            }
        });
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
                DemoWorkflow.run(ws, trainee);
            });
        } else {
            Thread.ofVirtual().name("demo-workflow").start(() -> DemoWorkflow.run(ws, trainee));
        }
        return true;
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
