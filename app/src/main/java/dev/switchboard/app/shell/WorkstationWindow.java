package dev.switchboard.app.shell;

import dev.switchboard.places.CityPackCatalog;
import dev.switchboard.ai.ChatService;
import dev.switchboard.ai.EmbeddingService;
import dev.switchboard.ai.GpuFleet;
import dev.switchboard.ai.ImageService;
import dev.switchboard.app.BuildInfo;
import dev.switchboard.app.LaunchOptions;
import dev.switchboard.app.Logging;
import dev.switchboard.app.Workstation;
import dev.switchboard.core.account.Account;
import dev.switchboard.core.account.AccountService;
import dev.switchboard.core.account.AuditAction;
import dev.switchboard.core.account.AuditRecord;
import dev.switchboard.core.id.Ids;
import dev.switchboard.core.id.SessionId;
import dev.switchboard.core.settings.CoreSettings;
import dev.switchboard.store.Backups;
import dev.switchboard.store.DataDir;
import dev.switchboard.store.Database;
import dev.switchboard.store.DataDirInUseException;
import dev.switchboard.store.DatabaseCorruptException;
import dev.switchboard.store.DatabaseReplacedException;
import dev.switchboard.store.Recovery;
import dev.switchboard.store.audit.AuditLog;
import dev.switchboard.store.eventlog.AppendRequest;
import dev.switchboard.store.eventlog.EventLog;
import dev.switchboard.store.eventlog.VerifyReport;
import dev.switchboard.core.event.EventBus;
import dev.switchboard.speech.Speech;
import dev.switchboard.surveillance.engine.SurveillanceSource;
import dev.switchboard.studio.engine.factory.ApplicationFactory;
import dev.switchboard.studio.engine.generation.GenerationService;
import dev.switchboard.studio.engine.ops.OpsMonitor;
import dev.switchboard.studio.engine.ops.PolicyStore;
import dev.switchboard.studio.engine.ops.ScalingLog;
import dev.switchboard.store.session.RecordingCatalog;
import dev.switchboard.store.session.SessionCatalog;
import dev.switchboard.uikit.BackgroundTask;
import dev.switchboard.uikit.FxDialogService;
import dev.switchboard.uikit.FxTaskRunner;
import dev.switchboard.uikit.Theme;
import dev.switchboard.uikit.WorkspaceRegistry;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one window of the workstation and the screens it moves through: opening, recovery, first run,
 * login, the signed-in shell and the lock. Owns the GUI-side services (task runner, dialogs) and the
 * orderly shutdown: sign-out audit, event-log flush, exit backup, database close.
 */
public final class WorkstationWindow {

    private static final Logger LOG = LoggerFactory.getLogger(WorkstationWindow.class);

    private final Stage stage;
    private final LaunchOptions options;
    private final DataDir dataDir;
    private final Clock clock;
    private final StackPane root = new StackPane();
    private final FxTaskRunner tasks = new FxTaskRunner();
    private final FxDialogService dialogs;
    private final WorkspaceRegistry registry = new WorkspaceRegistry(WorkstationWindow.class.getClassLoader());
    private final IdleMonitor idle;
    private final DatabaseStart databaseStart;
    /** The server could not be used at start and the user chose the seat's own database for this session. */
    private volatile boolean offline;
    private ServerUnavailableViewModel serverProblem;
    private Node serverScreen;
    private volatile Workstation workstation;
    private Account user;
    private ShellView shell;
    private StatusBar statusBar;
    private LockView lockView;
    private boolean firstScreenShown;
    private volatile boolean closing;
    /** Ends the toolkit and the process; a test replaces it so closing the window does not end the test JVM. */
    private java.util.function.IntConsumer exitProcess = code -> {
        Platform.exit();
        System.exit(code);
    };
    private boolean replacedShown;
    private java.util.concurrent.ScheduledExecutorService watch;
    private static final long WATCH_SECONDS = 5;
    private static final long CHECKPOINT_MINUTES = 10;

    public WorkstationWindow(Stage stage, LaunchOptions options, DataDir dataDir, Clock clock) {
        this(stage, options, dataDir, clock, DatabaseStart.of(dataDir, options));
    }

    WorkstationWindow(Stage stage, LaunchOptions options, DataDir dataDir, Clock clock, DatabaseStart databaseStart) {
        this.databaseStart = databaseStart;
        this.stage = stage;
        this.options = options;
        this.dataDir = dataDir;
        this.clock = clock;
        this.dialogs = new FxDialogService(() -> stage, Logging.logFile());
        this.idle = new IdleMonitor(clock,
                () -> Duration.ofMinutes(workstation.settings().get(CoreSettings.IDLE_LOCK_MINUTES)),
                () -> lock(MessageFormat.format(text("app.lock.reasonIdle"),
                        workstation.settings().get(CoreSettings.IDLE_LOCK_MINUTES))));
    }

    /** Shows the window at once and the first real screen when the database is open. */
    public void start(CompletableFuture<Workstation> opening) {
        Thread.currentThread().setUncaughtExceptionHandler((thread, error) -> unexpected(error));
        Thread.setDefaultUncaughtExceptionHandler((thread, error) -> {
            LOG.error("Uncaught exception on {}", thread.getName(), error);
            Platform.runLater(() -> unexpected(error));
        });
        Theme.apply(CoreSettings.ThemeChoice.DARK);
        Scene scene = new Scene(root, 1280, 800);
        Theme.style(scene);
        scene.getStylesheets().add(WorkstationWindow.class.getResource("shell.css").toExternalForm());
        stage.setScene(scene);
        stage.setTitle(text("app.name"));
        stage.getIcons().add(AppIcon.image());
        stage.setMinWidth(1024);
        stage.setMinHeight(680);
        // Closing the window by the window manager is a clean exit: sign-out, log flush, exit backup.
        stage.setOnCloseRequest(e -> {
            e.consume();
            shutdown(0);
        });
        // Quit from anywhere, the login screen included.
        scene.getAccelerators().put(new javafx.scene.input.KeyCodeCombination(javafx.scene.input.KeyCode.Q,
                javafx.scene.input.KeyCombination.SHORTCUT_DOWN), () -> shutdown(0));
        show(opening());
        stage.show();
        opening.whenComplete((ws, error) -> Platform.runLater(() -> {
            if (error == null) {
                opened(ws);
            } else {
                openFailed(error instanceof CompletionException ? error.getCause() : error);
            }
        }));
    }

    // ---- screens

    private void opened(Workstation ws) {
        this.workstation = ws;
        startWatch();
        Theme.apply(ws.settings().get(CoreSettings.THEME));
        ws.settings().addListener(key -> {
            if (key.equals(CoreSettings.THEME.key())) {
                Platform.runLater(() -> Theme.apply(ws.settings().get(CoreSettings.THEME)));
            }
        });
        if (ws.accounts().needsFirstInstructor()) {
            showFirstRun();
        } else {
            showLogin("");
        }
        if (!ws.database().isServer()) {
            // A server's backups are its administrator's (pg_dump); the seat's backups copy the seat's own file.
            BackgroundTask.wrap(() -> ws.backups().dailyIfNeeded())
                    .onFailure(error -> LOG.warn("Daily backup failed", error))
                    .executeWith(tasks);
        }
    }

    private void openFailed(Throwable error) {
        if (error instanceof DatabaseCorruptException corrupt) {
            LOG.error("Database {} cannot be read: {}", corrupt.file(), corrupt.detail());
            if (options.smoke()) {
                System.err.println("smoke: FAILED, " + corrupt.getMessage());
                exit(1);
                return;
            }
            show(new RecoveryView(corrupt, Backups.list(dataDir), this::restoreFrom, this::startFresh,
                    () -> exit(2)));
            return;
        }
        if (error instanceof DatabaseStart.ServerUnavailable unavailable && !options.smoke()
                && !options.measureStartup()) {
            LOG.warn("The training center server {} cannot be used: {}", unavailable.server(), unavailable.reason(),
                    unavailable.getCause());
            serverUnavailable(unavailable);
            return;
        }
        LOG.error("The workstation could not start", error);
        if (options.smoke() || options.measureStartup()) {
            System.err.println("switchboard: " + ShellText.failure(error));
            exit(1);
            return;
        }
        dialogs.showError(text("app.error.startTitle"), error);
        exit(2);
    }

    /** The server wanted at start cannot be used: say which and why, offer to retry or to work offline. */
    private void serverUnavailable(DatabaseStart.ServerUnavailable problem) {
        if (serverProblem != null && root.getChildren().contains(serverScreen)) {
            serverProblem.failedAgain(problem.reason());
            return;
        }
        serverProblem = new ServerUnavailableViewModel(problem.server(), problem.reason(), this::retryServer,
                this::workOffline, () -> exit(2));
        serverScreen = new ServerUnavailableView(serverProblem);
        show(serverScreen);
    }

    private void retryServer() {
        GuiLauncher.openInBackground(databaseStart, options, clock, false)
                .whenComplete((ws, error) -> Platform.runLater(() -> {
                    if (error == null) {
                        opened(ws);
                    } else {
                        openFailed(error instanceof CompletionException ? error.getCause() : error);
                    }
                }));
    }

    private void workOffline() {
        offline = true;
        LOG.warn("Working offline on this seat's own database {} for this session; the server {} is not used",
                dataDir.database(), databaseStart.serverName().orElse(""));
        GuiLauncher.openInBackground(databaseStart, options, clock, true)
                .whenComplete((ws, error) -> Platform.runLater(() -> {
                    if (error == null) {
                        opened(ws);
                    } else {
                        openFailed(error instanceof CompletionException ? error.getCause() : error);
                    }
                }));
    }

    /** Where this session's data lives, for the status bar and Settings. */
    DatabaseInUse databaseInUse() {
        return new DatabaseInUse(databaseStart.origin(), databaseStart.serverName(), offline, dataDir,
                databaseStart.keyring());
    }

    private void restoreFrom(Path backup) {
        reopenAfter(() -> {
            Recovery.restore(dataDir, backup);
            return "restored from " + backup.getFileName() + ", unreadable file moved to " + dataDir.broken();
        });
    }

    private void startFresh() {
        reopenAfter(() -> "started fresh, broken file moved to " + Recovery.moveAside(dataDir));
    }

    /** Runs a recovery step, reopens the database and audits what was done. */
    private void reopenAfter(java.util.concurrent.Callable<String> step) {
        show(opening());
        BackgroundTask.wrap(() -> {
            String what = step.call();
            Workstation ws = Workstation.open(dataDir, clock);
            ws.auditLog().record(new AuditRecord(clock.instant(), "recovery", AuditAction.DATABASE_RESTORE,
                    dataDir.database().getFileName().toString(), AuditRecord.Outcome.SUCCESS, what));
            return ws;
        }).onSuccess(this::opened).onFailure(this::openFailed).executeWith(tasks);
    }

    private void showFirstRun() {
        FirstRunViewModel model = new FirstRunViewModel(workstation.accounts(), tasks,
                created -> showLogin(created.username()));
        show(new FirstRunView(model, footer()));
        firstScreenReady();
    }

    private void showLogin(String username) {
        Workstation ws = workstation;
        LoginViewModel model = new LoginViewModel(workstation.accounts(), tasks, this::signedIn, ws::busyWith);
        model.usernameProperty().set(username);
        show(new LoginView(model, options.demo() ? text("app.login.demoHint") : "", footer()));
        firstScreenReady();
    }

    private void signedIn(Account account) {
        this.user = account;
        BackgroundTask.wrap(workstation::startBackgroundServices)
                .onFailure(error -> LOG.warn("Background services did not start", error))
                .executeWith(tasks);
        Workstation opened = workstation;
        // The status bar says "speech warming up" until the voice and the recogniser are loaded, then says so, however
        // long the loading took (a fixed wait of 3 minutes left it saying "warming up" on a busy machine).
        opened.speech().warmUpEnded().thenRun(() -> Platform.runLater(() -> BackgroundTask.wrap(
                () -> SystemStatus.read(opened, false)).onSuccess(status -> {
                    if (statusBar != null && workstation == opened) {
                        statusBar.update(status);
                    }
                }).onFailure(error -> LOG.debug("Speech status not refreshed", error)).executeWith(tasks)));
        SystemStatus initial = SystemStatus.forStatusBar(workstation);
        statusBar = new StatusBar(account, workstation.simClock(), initial, databaseInUse());
        Map<Class<?>, Object> services = new java.util.HashMap<>(Map.ofEntries(
                Map.entry(Workstation.class, workstation),
                Map.entry(ChatService.class, workstation.ai()),
                Map.entry(EmbeddingService.class, workstation.embeddings()),
                Map.entry(AccountService.class, workstation.accounts()),
                Map.entry(Database.class, workstation.database()),
                Map.entry(DataDir.class, dataDir),
                Map.entry(EventLog.class, workstation.eventLog()),
                Map.entry(AuditLog.class, workstation.auditLog()),
                Map.entry(Backups.class, workstation.backups()),
                Map.entry(SessionCatalog.class, workstation.sessions()),
                Map.entry(RecordingCatalog.class, workstation.recordings()),
                Map.entry(Speech.class, workstation.speech()),
                Map.entry(EventBus.class, workstation.bus()),
                Map.entry(CityPackCatalog.class, workstation.cityPacks()),
                Map.entry(WorkspaceRegistry.class, registry),
                Map.entry(DatabaseInUse.class, databaseInUse()),
                Map.entry(BackupRestorer.class, (BackupRestorer) this::restoreWhileSignedIn),
                Map.entry(StatusRefresher.class, (StatusRefresher) status -> statusBar.update(status)),
                Map.entry(SurveillanceSource.class, (SurveillanceSource) () -> {
                    try {
                        return workstation.surveillance();
                    } catch (RuntimeException e) {
                        if (workstation.isClosed()) {
                            // Signed out or quit while it opened: nothing to tell the user.
                            throw new java.util.concurrent.CancellationException("the workstation closed");
                        }
                        throw e;
                    }
                })));
        // Services whose stores may not work on every database yet: without one, the rest of the window works and
        // the workspace that needs it says it cannot open (the reason is in the log).
        optionalService(services, dev.switchboard.workflow.engine.Workflows.class, workstation::workflows);
        optionalService(services, ImageService.class, workstation::images);
        optionalService(services, GpuFleet.class, workstation::images);
        optionalService(services, GenerationService.class, workstation::generation);
        optionalService(services, ApplicationFactory.class, workstation::factory);
        optionalService(services, OpsMonitor.class, workstation::ops);
        optionalService(services, PolicyStore.class, workstation::policies);
        optionalService(services, ScalingLog.class, workstation::scalingLog);
        shell = new ShellView(account, registry.availableTo(account.role()),
                navigator -> new ShellContext(workstation.bus(), workstation.simClock(), workstation.settings(), tasks,
                        dialogs, account, navigator, services),
                statusBar, new ShellView.ShellActions() {
                    @Override
                    public void lockNow() {
                        lock(text("app.lock.reasonManual"));
                    }

                    @Override
                    public void signOut() {
                        WorkstationWindow.this.signOut();
                    }

                    @Override
                    public void quit() {
                        shutdown(0);
                    }

                    @Override
                    public void changePassword() {
                        ChangePasswordDialog.show(stage, account, workstation.accounts(), tasks,
                                () -> dialogs.showInfo(text("app.password.title"), text("app.password.changed")));
                    }
                });
        show(shell);
        statusBar.activate();
        shell.show("home");
        idle.start(stage.getScene());
        stage.setTitle(text("app.name") + " — " + account.displayName() + " (" + account.role().label() + ")");
    }

    private static <T> void optionalService(Map<Class<?>, Object> services, Class<T> type,
                                            java.util.function.Supplier<? extends T> build) {
        try {
            services.put(type, build.get());
        } catch (RuntimeException e) {
            LOG.warn("{} is not available in this session: {}", type.getSimpleName(), e.getMessage(), e);
        }
    }

    /** Locks the window: the workspace stops, its content is hidden, the password is asked. */
    void lock(String reason) {
        if (user == null || lockView != null) {
            return;
        }
        Account locked = user;
        idle.stop();
        shell.suspend();
        shell.setVisible(false);
        statusBar.deactivate();
        BackgroundTask.wrap(() -> workstation.accounts().lock(locked, reason)).executeWith(tasks);
        lockView = new LockView(new LockViewModel(workstation.accounts(), tasks, locked, this::unlocked),
                this::signOut);
        root.getChildren().add(lockView);
    }

    private void unlocked() {
        root.getChildren().remove(lockView);
        lockView = null;
        shell.setVisible(true);
        shell.resume();
        statusBar.activate();
        idle.start(stage.getScene());
    }

    private void signOut() {
        if (user == null) {
            return;
        }
        Account leaving = user;
        endSession();
        BackgroundTask.wrap(() -> workstation.accounts().logout(leaving)).executeWith(tasks);
        stage.setTitle(text("app.name"));
        showLogin(leaving.username());
    }

    private void endSession() {
        idle.stop();
        if (shell != null) {
            shell.dispose();
        }
        if (statusBar != null) {
            statusBar.deactivate();
        }
        if (lockView != null) {
            root.getChildren().remove(lockView);
            lockView = null;
        }
        shell = null;
        user = null;
    }

    /**
     * Every few seconds checks that the database file is still the one this window opened (a restore or copy by
     * another program would leave it writing into a file that is no longer the database); every ten minutes signs
     * a checkpoint of the event log.
     */
    private synchronized void startWatch() {
        if (watch != null) {
            return;
        }
        watch = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "workstation-watch");
            t.setDaemon(true);
            return t;
        });
        watch.scheduleWithFixedDelay(() -> {
            Workstation ws = workstation;
            try {
                if (ws != null && !closing) {
                    ws.database().requireSameFile();
                }
            } catch (DatabaseReplacedException e) {
                Platform.runLater(() -> databaseReplaced(e));
            } catch (RuntimeException e) {
                LOG.debug("Database check failed: {}", e.getMessage());
            }
        }, WATCH_SECONDS, WATCH_SECONDS, java.util.concurrent.TimeUnit.SECONDS);
        watch.scheduleWithFixedDelay(() -> {
            Workstation ws = workstation;
            if (ws != null && !closing) {
                ws.checkpointQuietly();
            }
        }, CHECKPOINT_MINUTES, CHECKPOINT_MINUTES, java.util.concurrent.TimeUnit.MINUTES);
    }

    private synchronized void stopWatch() {
        if (watch != null) {
            watch.shutdownNow();
        }
    }

    /** The database was swapped under the window: nothing more is written; the user is told and the window ends. */
    private void databaseReplaced(DatabaseReplacedException e) {
        if (replacedShown || closing) {
            return;
        }
        replacedShown = true;
        endSession();
        show(new VBox(12, new Label(text("app.replaced.message")), new Label(e.getMessage())));
        dialogs.showError(text("app.replaced.title"), e);
    }

    /** Restores a backup chosen in Settings: sign out, close, restore, reopen, back to the login. */
    private void restoreWhileSignedIn(Path backup) {
        Account actor = user;
        Workstation old = workstation;
        endSession();
        show(opening());
        BackgroundTask.wrap(() -> {
            old.auditLog().record(new AuditRecord(clock.instant(), actor.username(), AuditAction.DATABASE_RESTORE,
                    backup.getFileName().toString(), AuditRecord.Outcome.SUCCESS, "restore requested from Settings"));
            old.backups().create("before-restore");
            old.close(false);
            try {
                Recovery.restore(dataDir, backup);
            } catch (DataDirInUseException refused) {
                // Another program has the data dir open: nothing was changed; carry on with the database as it is.
                Workstation ws = Workstation.open(dataDir, clock);
                ws.auditLog().record(new AuditRecord(clock.instant(), actor.username(), AuditAction.DATABASE_RESTORE,
                        backup.getFileName().toString(), AuditRecord.Outcome.FAILURE, refused.getMessage()));
                dialogs.showError(text("app.restore.refusedTitle"), refused);
                return ws;
            }
            Workstation ws = Workstation.open(dataDir, clock);
            ws.auditLog().record(new AuditRecord(clock.instant(), actor.username(), AuditAction.DATABASE_RESTORE,
                    backup.getFileName().toString(), AuditRecord.Outcome.SUCCESS,
                    "restored; previous database moved to " + dataDir.broken()));
            return ws;
        }).onSuccess(this::opened).onFailure(this::openFailed).executeWith(tasks);
    }

    // ---- process

    private void firstScreenReady() {
        if (firstScreenShown) {
            return;
        }
        firstScreenShown = true;
        if (options.measureStartup()) {
            Scene scene = stage.getScene();
            Runnable[] once = new Runnable[1];
            once[0] = () -> {
                scene.removePostLayoutPulseListener(once[0]);
                long startMillis = ManagementFactory.getRuntimeMXBean().getStartTime();
                long processStart = ProcessHandle.current().info().startInstant().map(Instant::toEpochMilli)
                        .orElse(startMillis);
                long now = System.currentTimeMillis();
                System.out.printf("startup: login window usable %d ms after process start (%d ms after JVM start)%n",
                        now - processStart, now - startMillis);
                exit(0);
            };
            scene.addPostLayoutPulseListener(once[0]);
        }
        if (options.smoke()) {
            runSmoke();
        }
    }

    /** The packaged-app self-check: window shown, database open, an event-log entry written and verified. */
    private void runSmoke() {
        Workstation ws = workstation;
        BackgroundTask.wrap(() -> {
            SessionId session = new SessionId("smoke-" + Ids.next());
            var entry = ws.eventLog().append(new AppendRequest(session, 0, "smoke.check",
                    "{\"window\":\"" + stage.getTitle() + "\",\"java\":\"" + Runtime.version() + "\"}"));
            VerifyReport report = ws.eventLog().verify(Optional.of(session));
            if (report.firstBreak().isPresent() || report.entriesChecked() != 1) {
                throw new IllegalStateException("event-log verification failed: " + report);
            }
            String health = ws.database().isServer() ? ws.database().serverCheck().serverVersion()
                    : "integrity " + ws.database().check().quickCheck();
            return "smoke: OK - window '" + stage.getTitle() + "' shown, database " + ws.database().location()
                    + " open (" + health + "), event-log entry " + session
                    + "#" + entry.seq() + " written and verified, Java " + Runtime.version();
        }).onSuccess(message -> {
            System.out.println(message);
            exit(0);
        }).onFailure(error -> {
            System.err.println("smoke: FAILED - " + error);
            exit(1);
        }).executeWith(tasks);
    }

    /** Orderly exit: sign-out audit, event-log flush, exit backup (when {@code code} is 0), close. */
    void shutdown(int code) {
        if (closing) {
            return;
        }
        closing = true;
        stopWatch();
        Account leaving = user;
        endSession();
        Workstation ws = workstation;
        show(opening());
        Thread closer = new Thread(() -> {
            try {
                if (ws != null) {
                    if (leaving != null) {
                        ws.accounts().logout(leaving);
                    }
                    ws.close(code == 0 && !ws.database().isServer());
                }
            } catch (RuntimeException e) {
                LOG.error("Shutdown did not finish cleanly", e);
            } finally {
                tasks.shutdown();
                exitProcess.accept(code);
            }
        }, "shutdown");
        closer.start();
    }

    /**
     * For the shutdown hook (SIGTERM, the desktop logging out), from any thread: unless the window is already
     * closing, it is a clean exit too, so the user is signed out and the exit backup is taken; then the event log
     * is flushed and the database closed.
     */
    void closeWorkstation() {
        stopWatch();
        Workstation ws = workstation;
        if (ws == null) {
            return;
        }
        if (closing) {
            ws.close(false);
            return;
        }
        closing = true;
        Account leaving = user;
        try {
            if (leaving != null) {
                ws.accounts().logout(leaving);
            }
        } catch (RuntimeException e) {
            LOG.warn("Sign-out on termination failed", e);
        }
        ws.close(!ws.database().isServer());
    }

    /** Exit without the exit backup, for self-checks and refusals. */
    private void exit(int code) {
        if (closing) {
            return;
        }
        closing = true;
        stopWatch();
        Workstation ws = workstation;
        Thread closer = new Thread(() -> {
            try {
                if (ws != null) {
                    ws.close(false);
                }
            } finally {
                exitProcess.accept(code);
            }
        }, "exit");
        closer.start();
    }

    private void unexpected(Throwable error) {
        LOG.error("Unexpected error", error);
        dialogs.showError(text("app.error.unexpectedTitle"), error);
    }

    private void show(Node screen) {
        if (!offline) {
            root.getChildren().setAll(screen);
            return;
        }
        // Offline is said on every screen of the session, the login included, not only in the status bar.
        Label banner = new Label(text("app.offline.banner"),
                new org.kordamp.ikonli.javafx.FontIcon(org.kordamp.ikonli.material2.Material2OutlinedAL.CLOUD_OFF));
        banner.setId("offline-banner");
        banner.setWrapText(true);
        javafx.scene.layout.HBox bar = new javafx.scene.layout.HBox(banner);
        bar.getStyleClass().add("sb-offline-banner");
        javafx.scene.layout.BorderPane framed = new javafx.scene.layout.BorderPane(screen);
        framed.setTop(bar);
        root.getChildren().setAll(framed);
    }

    private Node opening() {
        ProgressIndicator spinner = new ProgressIndicator();
        Object where = offline ? dataDir.database() : databaseStart.serverName().map(Object.class::cast)
                .orElse(dataDir.database());
        Label label = new Label(MessageFormat.format(text("app.opening"), where));
        label.getStyleClass().add("sb-muted");
        VBox box = new VBox(16, spinner, label);
        box.setAlignment(javafx.geometry.Pos.CENTER);
        box.getStyleClass().add("sb-auth-backdrop");
        return box;
    }

    private String footer() {
        Workstation ws = workstation;
        if (ws != null && ws.database().isServer()) {
            return MessageFormat.format(text("app.login.footerServer"), BuildInfo.current().version(),
                    DatabaseInUse.hostAndDatabase(ws.database().location()));
        }
        return MessageFormat.format(text("app.login.footer"), BuildInfo.current().version(), dataDir.root());
    }

    private static String text(String key) {
        return Fxml.MESSAGES.getString(key);
    }

    // ---- for tests driving the real window

    /** The signed-in account, or null. */
    Account user() {
        return user;
    }

    ShellView shell() {
        return shell;
    }

    /** Replaces how the process ends, so a test can close the window without ending its JVM. */
    void exitWith(java.util.function.IntConsumer exit) {
        this.exitProcess = exit;
    }

    IdleMonitor idleMonitor() {
        return idle;
    }

    Workstation workstation() {
        return workstation;
    }

    /** Whether this session works offline on the seat's own database. */
    boolean offline() {
        return offline;
    }

    /** Restores a backup while a user is signed in; the shell goes back to the login afterwards. */
    @FunctionalInterface
    public interface BackupRestorer {
        void restore(Path backup);
    }

    /** Pushes a fresh status reading to the status bar, e.g. after Home re-read it. */
    @FunctionalInterface
    public interface StatusRefresher {
        void refresh(SystemStatus status);
    }
}
