package dev.switchboard.app.shell;

import dev.switchboard.app.LaunchOptions;
import dev.switchboard.app.Workstation;
import dev.switchboard.store.DataDir;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the GUI: opens the database on a background thread while the JavaFX toolkit starts, then
 * hands both to the {@link WorkstationWindow}. Uses {@code Platform.startup}, so no Application subclass
 * and no static hand-over of services is needed.
 */
public final class GuiLauncher {

    /** Returned by {@link #launch} when the window now owns the process and decides the exit code. */
    public static final int KEEP_RUNNING = Integer.MIN_VALUE;

    private static final Logger LOG = LoggerFactory.getLogger(GuiLauncher.class);

    private GuiLauncher() {
    }

    /** Opens the window; returns {@link #KEEP_RUNNING}, or 2 when no window can be shown. */
    public static int launch(LaunchOptions options) {
        DataDir dir = DataDir.resolve(options.dataDir());
        Clock clock = Clock.systemDefaultZone();
        DatabaseStart start = DatabaseStart.of(dir, options);
        CompletableFuture<Workstation> opening = openInBackground(start, options, clock, false);
        AtomicReference<WorkstationWindow> window = new AtomicReference<>();
        // A terminated process (desktop logout, kill) still flushes the event log and closes SQLite.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            WorkstationWindow w = window.get();
            if (w != null) {
                w.closeWorkstation();
            } else {
                opening.thenAccept(ws -> ws.close(false));
            }
        }, "close-on-exit"));
        try {
            Platform.setImplicitExit(false);
            Platform.startup(() -> {
                window.set(new WorkstationWindow(new Stage(), options, dir, clock, start));
                window.get().start(opening);
            });
            return KEEP_RUNNING;
        } catch (RuntimeException | UnsatisfiedLinkError e) {
            LOG.error("The JavaFX toolkit could not start", e);
            System.err.println("switchboard: cannot open a window here (" + e.getMessage() + ").");
            System.err.println("Is a display available (DISPLAY, or xvfb-run)? Headless commands: switchboard --help");
            opening.thenAccept(ws -> ws.close(false));
            return 2;
        }
    }

    /** Opens (and with --demo seeds) the workstation off the FX thread, on the database the options choose. */
    static CompletableFuture<Workstation> openInBackground(DataDir dir, LaunchOptions options, Clock clock) {
        return openInBackground(DatabaseStart.of(dir, options), options, clock, false);
    }

    /**
     * Opens (and with --demo seeds) the workstation off the FX thread: on the database {@code start} wants, or with
     * {@code offline} on the seat's own file whatever it wants.
     */
    static CompletableFuture<Workstation> openInBackground(DatabaseStart start, LaunchOptions options, Clock clock,
                                                           boolean offline) {
        CompletableFuture<Workstation> future = new CompletableFuture<>();
        Thread opener = new Thread(() -> {
            try {
                Workstation ws = offline ? start.openOffline(clock) : start.open(clock);
                if (options.demo()) {
                    boolean fresh = DemoData.seedIfEmpty(ws);
                    DemoData.seedCameraEventsIfEmpty(ws);
                    // The demo worker draws with java2d, whose first use costs seconds: not on the way to login.
                    Thread.ofVirtual().name("demo-workers").start(() -> DemoData.startDemoWorkers(ws, fresh));
                }
                future.complete(ws);
                // Unfinished workflow runs carry on; off the login window's start-up path.
                Thread.ofVirtual().name("workflows-resume").start(() -> {
                    try {
                        if (ws.workflows().runsEngine()) {
                            ws.workflows().engine().resumeAll();
                            // With a Temporal address set, this window hosts the worker its runs move on with.
                            ws.workflows().temporal();
                        }
                    } catch (dev.switchboard.core.error.SwitchboardException e) {
                        LOG.warn("Workflows: {}", e.userText());
                    } catch (RuntimeException e) {
                        if (ws.isClosed()) {
                            LOG.debug("Workflow runs not resumed: the workstation closed first");
                        } else {
                            LOG.error("Workflow runs could not resume", e);
                        }
                    }
                });
            } catch (RuntimeException | Error e) {
                future.completeExceptionally(e);
            }
        }, "open-database");
        opener.setDaemon(true);
        opener.start();
        return future;
    }
}
