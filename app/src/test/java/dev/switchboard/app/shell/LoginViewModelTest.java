package dev.switchboard.app.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.app.Workstation;
import dev.switchboard.core.account.Account;
import dev.switchboard.store.DataDir;
import dev.switchboard.uikit.TaskRunner;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sign-in rules as the view model applies them, over a real database, without a window. */
class LoginViewModelTest {

    @TempDir
    Path temp;

    private Workstation ws;
    private final List<Account> signedIn = new ArrayList<>();

    @BeforeEach
    void open() {
        ws = Workstation.open(DataDir.of(temp), Clock.systemUTC());
        DemoData.seedIfEmpty(ws);
    }

    @AfterEach
    void close() {
        ws.close(false);
    }

    @Test
    void signInNeedsANameAndAPassword() {
        LoginViewModel model = new LoginViewModel(ws.accounts(), TaskRunner.direct(), signedIn::add);
        assertThat(model.canSignInProperty().get()).isFalse();
        model.usernameProperty().set("trainee");
        assertThat(model.canSignInProperty().get()).isFalse();
        model.passwordProperty().set("x");
        assertThat(model.canSignInProperty().get()).isTrue();
        model.usernameProperty().set("   ");
        assertThat(model.canSignInProperty().get()).isFalse();
    }

    @Test
    void theRightPasswordSignsInAndThePasswordFieldIsCleared() {
        LoginViewModel model = new LoginViewModel(ws.accounts(), TaskRunner.direct(), signedIn::add);
        model.usernameProperty().set("trainee");
        model.passwordProperty().set("trainee-demo");
        model.signIn();
        assertThat(signedIn).extracting(Account::username).containsExactly("trainee");
        assertThat(model.passwordProperty().get()).isEmpty();
        assertThat(model.busyProperty().get()).isFalse();
    }

    @Test
    void aWrongPasswordShowsTheReasonAndSignsNobodyIn() {
        LoginViewModel model = new LoginViewModel(ws.accounts(), TaskRunner.direct(), signedIn::add);
        model.usernameProperty().set("trainee");
        model.passwordProperty().set("guess-guess");
        model.signIn();
        assertThat(signedIn).isEmpty();
        assertThat(model.errorProperty().get()).isEqualTo("Wrong user name or password.");
    }

    @Test
    void firstRunRefusesMismatchedPasswordsBeforeCreatingAnything(@TempDir Path other) {
        try (Workstation fresh = Workstation.open(DataDir.of(other), Clock.systemUTC())) {
            List<Account> created = new ArrayList<>();
            FirstRunViewModel model = new FirstRunViewModel(fresh.accounts(), TaskRunner.direct(), created::add);
            model.usernameProperty().set("sato");
            model.passwordProperty().set("first-day-pw");
            model.confirmationProperty().set("first-day-px");
            model.create();
            assertThat(model.errorProperty().get()).contains("do not match");
            assertThat(fresh.accounts().needsFirstInstructor()).isTrue();

            model.passwordProperty().set("first-day-pw");
            model.confirmationProperty().set("first-day-pw");
            model.create();
            assertThat(created).extracting(Account::username).containsExactly("sato");
            assertThat(fresh.accounts().needsFirstInstructor()).isFalse();
        }
    }

    @Test
    void theLockOpensOnlyForThePasswordOfTheUserWhoLockedIt() {
        Account trainee = ((dev.switchboard.core.account.LogonResult.Accepted)
                ws.accounts().logon("trainee", "trainee-demo".toCharArray())).account();
        boolean[] unlocked = {false};
        LockViewModel model = new LockViewModel(ws.accounts(), TaskRunner.direct(), trainee, () -> unlocked[0] = true);
        model.passwordProperty().set("instructor-demo");
        model.unlock();
        assertThat(unlocked[0]).isFalse();
        assertThat(model.errorProperty().get()).isNotEmpty();
        model.passwordProperty().set("trainee-demo");
        model.unlock();
        assertThat(unlocked[0]).isTrue();
    }

    @Test
    void aSignInTakingLongerThanASecondSaysWhatItWaitsFor() {
        // The check is held back, as a busy machine (the demo calls being recorded) would.
        List<dev.switchboard.uikit.BackgroundTask<?>> held = new ArrayList<>();
        TaskRunner slow = new TaskRunner() {
            @Override
            public <T> dev.switchboard.uikit.TaskHandle execute(dev.switchboard.uikit.BackgroundTask<T> task) {
                held.add(task);
                return new dev.switchboard.uikit.TaskHandle() {
                    @Override
                    public void cancel() {
                    }

                    @Override
                    public boolean isDone() {
                        return false;
                    }

                    @Override
                    public boolean isCancelled() {
                        return false;
                    }
                };
            }
        };
        ws.busyWith("the demo calls are being recorded");
        LoginViewModel model = dev.switchboard.testkit.HeadlessFx.callOnFx(() ->
                new LoginViewModel(ws.accounts(), slow, signedIn::add, ws::busyWith));
        dev.switchboard.testkit.HeadlessFx.runOnFx(() -> {
            model.usernameProperty().set("trainee");
            model.passwordProperty().set("trainee-demo");
            model.signIn();
            assertThat(model.waitingProperty().get()).as("nothing said in the first second").isEmpty();
        });
        WindowHarness.waitUntil(() -> !dev.switchboard.testkit.HeadlessFx.callOnFx(model.waitingProperty()::get)
                .isEmpty());
        assertThat(dev.switchboard.testkit.HeadlessFx.callOnFx(model.waitingProperty()::get))
                .isEqualTo("Checking your password\u2026 (it waits while the demo calls are being recorded)");
        assertThat(held).hasSize(1);
    }
}
