package dev.switchboard.calltaking.ui;

import dev.switchboard.core.id.SessionId;
import dev.switchboard.store.DatabaseServer;
import dev.switchboard.store.eventlog.AppendRequest;
import dev.switchboard.store.eventlog.Outbox;
import dev.switchboard.testkit.CuttableProxy;
import dev.switchboard.testkit.TestPostgres;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.calltaking.engine.session.CallSettings;
import dev.switchboard.core.account.Account;
import dev.switchboard.core.account.Role;
import dev.switchboard.core.error.SwitchboardException;
import dev.switchboard.core.event.EventBus;
import dev.switchboard.core.id.UserId;
import dev.switchboard.core.settings.Settings;
import dev.switchboard.core.settings.SettingsStore;
import dev.switchboard.core.time.SimClock;
import dev.switchboard.store.DataDir;
import dev.switchboard.store.Database;
import dev.switchboard.store.eventlog.EventLog;
import dev.switchboard.store.session.RecordingCatalog;
import dev.switchboard.store.session.SessionCatalog;
import dev.switchboard.testkit.HeadlessFx;
import dev.switchboard.uikit.DialogService;
import dev.switchboard.uikit.Navigator;
import dev.switchboard.uikit.TaskRunner;
import dev.switchboard.uikit.WorkspaceContext;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

/** The console over a real store, without a window: what each new call is set up with. */
@ExtendWith(HeadlessFx.class)
class CallConsoleViewModelTest {

    @TempDir
    Path temp;

    private Database db;
    private EventLog log;
    private EventBus bus;
    private final Settings settings = new Settings(SettingsStore.inMemory());
    private CallConsoleViewModel console;

    @BeforeEach
    void open() {
        DataDir dir = DataDir.of(temp);
        db = Database.open(dir);
        log = new EventLog(db, Clock.systemUTC());
        bus = new EventBus();
        Map<Class<?>, Object> services = Map.of(DataDir.class, dir, EventLog.class, log, SessionCatalog.class,
                new SessionCatalog(db), RecordingCatalog.class, new RecordingCatalog(db), EventBus.class, bus);
        console = HeadlessFx.callOnFx(() -> new CallConsoleViewModel(new Context(services)));
        console.callerVoiceProperty().set(false);
    }

    @AfterEach
    void close() throws Exception {
        HeadlessFx.runOnFx(console::close);
        // Closing ends the ringing calls on the console's engine thread; the store stays open until they have.
        SessionCatalog sessions = new SessionCatalog(db);
        WaitForAsyncUtils.waitFor(HeadlessFx.TIMEOUT_SECONDS, TimeUnit.SECONDS,
                () -> sessions.recent(10).stream().allMatch(s -> s.endedAt() != null));
        bus.close();
        log.close();
        db.close();
    }

    @Test
    void eachNewCallTakesTheLongestCallSettingAsItIsThen() {
        HeadlessFx.runOnFx(console::newCall);
        settings.set(CallSettings.MAX_LENGTH_MINUTES, 7);
        HeadlessFx.runOnFx(console::newCall);

        assertThat(HeadlessFx.callOnFx(() -> console.ringing().stream()
                .map(r -> r.session().config().maxLengthMs()).toList()))
                .containsExactly(30 * 60_000L, 7 * 60_000L);
    }

    @Test
    void saysQuietlyWhileTheServerDoesNotAnswerAndClearsWhenEverythingIsSent() throws Exception {
        String direct = TestPostgres.freshDatabase();
        DataDir seat = DataDir.of(temp.resolve("seat"));
        try (CuttableProxy proxy = CuttableProxy.inFrontOf(direct);
             Database server = Database.openServer(seat, DatabaseServer.of(proxy.url(), null, null));
             Outbox outbox = Outbox.open(seat, server.location());
             EventLog serverLog = new EventLog(server, Clock.systemUTC(), outbox)) {
            Map<Class<?>, Object> services = Map.of(DataDir.class, seat, EventLog.class, serverLog,
                    SessionCatalog.class, new SessionCatalog(server), RecordingCatalog.class,
                    new RecordingCatalog(server), EventBus.class, bus);
            CallConsoleViewModel onServer = HeadlessFx.callOnFx(() -> new CallConsoleViewModel(new Context(services)));
            try {
                assertThat(HeadlessFx.callOnFx(() -> onServer.serverStatusProperty().get())).isEmpty();
                proxy.cut();
                serverLog.append(new AppendRequest(new SessionId("call-1"), 0, "test.step", "{}"));
                WaitForAsyncUtils.waitFor(HeadlessFx.TIMEOUT_SECONDS, TimeUnit.SECONDS,
                        () -> !HeadlessFx.callOnFx(() -> onServer.serverStatusProperty().get()).isEmpty());
                assertThat(HeadlessFx.callOnFx(() -> onServer.serverStatusProperty().get()))
                        .isEqualTo("Server connection lost: this call is kept on this seat and will be sent when the "
                                + "server is back.");
                proxy.restore();
                WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS,
                        () -> HeadlessFx.callOnFx(() -> onServer.serverStatusProperty().get()).isEmpty());
                assertThat(serverLog.keptLocally()).isZero();
            } finally {
                HeadlessFx.runOnFx(onServer::close);
            }
        }
    }

    /** A trainee's context with the store services the console needs; no speech engine, no city packs. */
    private final class Context implements WorkspaceContext {
        private final Map<Class<?>, Object> services;
        private final Account user = new Account(UserId.random(), "kenji", "Kenji Trainee", Role.TRAINEE, true,
                Instant.now(), Instant.now(), 0, null, null);

        Context(Map<Class<?>, Object> services) {
            this.services = services;
        }

        @Override
        public EventBus bus() {
            return bus;
        }

        @Override
        public SimClock clock() {
            return new SimClock(Clock.systemUTC());
        }

        @Override
        public Settings settings() {
            return settings;
        }

        @Override
        public TaskRunner tasks() {
            return TaskRunner.direct();
        }

        @Override
        public DialogService dialogs() {
            return new DialogService() {
                @Override
                public void showError(String title, Throwable error) {
                }

                @Override
                public void showError(String title, String message) {
                }

                @Override
                public void showInfo(String title, String message) {
                }

                @Override
                public boolean confirm(String title, String message) {
                    return true;
                }

                @Override
                public Optional<String> ask(String title, String prompt) {
                    return Optional.empty();
                }
            };
        }

        @Override
        public Account user() {
            return user;
        }

        @Override
        public Navigator navigator() {
            return id -> { };
        }

        @Override
        public <T> T service(Class<T> type) {
            Object service = services.get(type);
            if (service == null) {
                throw new SwitchboardException("No " + type.getSimpleName() + " in this test", "");
            }
            return type.cast(service);
        }
    }
}
