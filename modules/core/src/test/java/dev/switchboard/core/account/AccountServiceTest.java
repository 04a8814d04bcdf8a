package dev.switchboard.core.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.core.account.AuditRecord.Outcome;
import dev.switchboard.core.error.InputException;
import dev.switchboard.core.error.SwitchboardException;
import dev.switchboard.testkit.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AccountServiceTest {

    private final InMemoryAccounts accounts = new InMemoryAccounts();
    private final List<AuditRecord> audit = new ArrayList<>();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-21T08:00:00Z"));
    private final AccountService service =
            new AccountService(accounts, audit::add, new PasswordHasher(64, 1, 1), clock, () -> 3);
    private Account instructor;

    @BeforeEach
    void firstStart() {
        assertThat(service.needsFirstInstructor()).isTrue();
        instructor = service.createFirstInstructor("Sato", "Instructor Sato", "training-1".toCharArray());
    }

    @Test
    void theFirstAccountIsAnInstructorAndOnlyOnce() {
        assertThat(instructor.role()).isEqualTo(Role.INSTRUCTOR);
        assertThat(instructor.username()).isEqualTo("sato");
        assertThat(service.needsFirstInstructor()).isFalse();
        assertThatThrownBy(() -> service.createFirstInstructor("other", "", "training-2".toCharArray()))
                .isInstanceOf(SwitchboardException.class);
        assertThat(audit).extracting(AuditRecord::action).containsExactly(AuditAction.ACCOUNT_CREATE);
    }

    @Test
    void logonAcceptsTheRightPasswordCaseInsensitiveNameAndAuditsIt() {
        LogonResult result = service.logon("SATO ", "training-1".toCharArray());
        assertThat(result).isInstanceOf(LogonResult.Accepted.class);
        assertThat(((LogonResult.Accepted) result).account().lastLogonAt()).isEqualTo(clock.instant());
        AuditRecord last = audit.get(audit.size() - 1);
        assertThat(last.action()).isEqualTo(AuditAction.LOGON);
        assertThat(last.outcome()).isEqualTo(Outcome.SUCCESS);
        assertThat(last.actor()).isEqualTo("sato");
    }

    @Test
    void aWrongPasswordIsRefusedAuditedAndNeverRecorded() {
        LogonResult result = service.logon("sato", "wrong-password".toCharArray());
        assertThat(result).isEqualTo(new LogonResult.Refused("Wrong user name or password."));
        AuditRecord last = audit.get(audit.size() - 1);
        assertThat(last.outcome()).isEqualTo(Outcome.FAILURE);
        assertThat(audit).allSatisfy(r -> assertThat(r.toString()).doesNotContain("wrong-password"));
    }

    @Test
    void anUnknownNameGetsTheSameAnswerAsAWrongPassword() {
        assertThat(service.logon("nobody", "training-1".toCharArray()))
                .isEqualTo(service.logon("sato", "nope-nope".toCharArray()));
        assertThat(audit.get(audit.size() - 2).actor()).isEqualTo("nobody");
    }

    @Test
    void repeatedFailuresLockTheAccountForAMinute() {
        service.logon("sato", "bad-1xxxx".toCharArray());
        service.logon("sato", "bad-2xxxx".toCharArray());
        LogonResult third = service.logon("sato", "bad-3xxxx".toCharArray());
        assertThat(((LogonResult.Refused) third).reason()).contains("Too many failed attempts");

        LogonResult whileLocked = service.logon("sato", "training-1".toCharArray());
        assertThat(whileLocked).isInstanceOf(LogonResult.Refused.class);

        clock.advance(Duration.ofSeconds(61));
        assertThat(service.logon("sato", "training-1".toCharArray())).isInstanceOf(LogonResult.Accepted.class);
    }

    @Test
    void passwordArraysAreClearedAfterUse() {
        char[] password = "training-1".toCharArray();
        service.logon("sato", password);
        assertThat(new String(password)).isEqualTo("\0".repeat(10));
    }

    @Test
    void lockAndUnlockAreAudited() {
        service.lock(instructor, "idle 15 min");
        assertThat(service.unlock(instructor, "nope-nope".toCharArray())).isInstanceOf(LogonResult.Refused.class);
        assertThat(service.unlock(instructor, "training-1".toCharArray())).isInstanceOf(LogonResult.Accepted.class);
        assertThat(audit.subList(1, audit.size())).extracting(AuditRecord::action, AuditRecord::outcome)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(AuditAction.LOCK, Outcome.SUCCESS),
                        org.assertj.core.groups.Tuple.tuple(AuditAction.UNLOCK, Outcome.FAILURE),
                        org.assertj.core.groups.Tuple.tuple(AuditAction.UNLOCK, Outcome.SUCCESS));
    }

    @Test
    void changePasswordChecksTheCurrentOneAndThePolicy() {
        assertThatThrownBy(() -> service.changePassword(instructor, "wrong-one".toCharArray(),
                "new-password".toCharArray())).isInstanceOf(InputException.class)
                .hasMessageContaining("current password");
        assertThatThrownBy(() -> service.changePassword(instructor, "training-1".toCharArray(),
                "short".toCharArray())).hasMessageContaining("at least 8");

        service.changePassword(instructor, "training-1".toCharArray(), "new-password".toCharArray());
        assertThat(service.logon("sato", "new-password".toCharArray())).isInstanceOf(LogonResult.Accepted.class);
        assertThat(audit).filteredOn(r -> r.action() == AuditAction.PASSWORD_CHANGE)
                .extracting(AuditRecord::outcome).containsExactly(Outcome.FAILURE, Outcome.SUCCESS);
    }

    @Test
    void instructorsManageAccountsAndRolesOthersAreDeniedAndAudited() {
        Account trainee = service.createAccount(instructor, "tanaka", "Tanaka Yui", Role.TRAINEE,
                "trainee-pw".toCharArray());
        assertThatThrownBy(() -> service.createAccount(trainee, "mallory", "", Role.INSTRUCTOR,
                "password-1".toCharArray())).hasMessageContaining("Only an instructor");
        assertThat(audit.get(audit.size() - 1).outcome()).isEqualTo(Outcome.DENIED);

        service.changeRole(instructor, trainee.id(), Role.SUPERVISOR);
        assertThat(accounts.findById(trainee.id()).orElseThrow().role()).isEqualTo(Role.SUPERVISOR);
        assertThat(audit.get(audit.size() - 1).detail()).isEqualTo("TRAINEE -> SUPERVISOR");

        service.setActive(instructor, trainee.id(), false);
        assertThat(service.logon("tanaka", "trainee-pw".toCharArray())).isEqualTo(
                new LogonResult.Refused("This account is disabled. Ask an instructor."));
    }

    @Test
    void theLastActiveInstructorCannotBeDemotedOrDisabled() {
        assertThatThrownBy(() -> service.changeRole(instructor, instructor.id(), Role.TRAINEE))
                .hasMessageContaining("last active instructor");
        assertThatThrownBy(() -> service.setActive(instructor, instructor.id(), false))
                .hasMessageContaining("last active instructor");
        assertThat(accounts.findById(instructor.id()).orElseThrow().role()).isEqualTo(Role.INSTRUCTOR);
    }

    @Test
    void userNamesFollowTheRulesAndAreUniqueIgnoringCase() {
        assertThatThrownBy(() -> service.createAccount(instructor, "a", "", Role.TRAINEE,
                "password-1".toCharArray())).hasMessageContaining("user name");
        assertThatThrownBy(() -> service.createAccount(instructor, "SATO", "", Role.TRAINEE,
                "password-1".toCharArray())).hasMessageContaining("already taken");
    }

    @Test
    void resetPasswordClearsALockout() {
        Account trainee = service.createAccount(instructor, "tanaka", "", Role.TRAINEE, "trainee-pw".toCharArray());
        for (int i = 0; i < 3; i++) {
            service.logon("tanaka", "bad-passw".toCharArray());
        }
        service.resetPassword(instructor, trainee.id(), "fresh-start".toCharArray());
        assertThat(service.logon("tanaka", "fresh-start".toCharArray())).isInstanceOf(LogonResult.Accepted.class);
    }
}
