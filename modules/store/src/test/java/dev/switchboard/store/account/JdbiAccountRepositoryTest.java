package dev.switchboard.store.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.core.account.Account;
import dev.switchboard.core.account.AccountService;
import dev.switchboard.core.account.AuditAction;
import dev.switchboard.core.account.LogonResult;
import dev.switchboard.core.account.PasswordHasher;
import dev.switchboard.core.account.Role;
import dev.switchboard.core.error.InputException;
import dev.switchboard.core.id.UserId;
import dev.switchboard.store.Database;
import dev.switchboard.store.TestStore;
import dev.switchboard.store.audit.AuditLog;
import dev.switchboard.store.audit.AuditQuery;
import dev.switchboard.store.eventlog.EventLog;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JdbiAccountRepositoryTest {

    private static final Instant T0 = Instant.parse("2025-03-01T09:00:00.123Z");

    @TempDir
    Path tmp;

    private Database db;
    private JdbiAccountRepository accounts;

    @BeforeEach
    void open() {
        db = new TestStore(tmp).open();
        accounts = new JdbiAccountRepository(db);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void storesAndFindsAnAccount() {
        Account aiko = account("aiko", Role.INSTRUCTOR);
        accounts.insert(aiko, "$argon2id$hash");

        assertThat(accounts.findById(aiko.id())).contains(aiko);
        assertThat(accounts.findById(new UserId("nobody"))).isEmpty();
        assertThat(accounts.credentials("AIKO")).hasValueSatisfying(c -> {
            assertThat(c.account()).isEqualTo(aiko);
            assertThat(c.passwordHash()).isEqualTo("$argon2id$hash");
        });
        assertThat(accounts.credentials("kenji")).isEmpty();
        assertThat(accounts.credentials(null)).isEmpty();
    }

    @Test
    void userNamesAreUniqueIgnoringCase() {
        accounts.insert(account("aiko", Role.TRAINEE), "h");

        assertThatThrownBy(() -> accounts.insert(account("AIKO", Role.TRAINEE), "h"))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("AIKO");
        assertThat(accounts.count()).isEqualTo(1);
    }

    @Test
    void listsAndCounts() {
        accounts.insert(account("kenji", Role.TRAINEE), "h");
        accounts.insert(account("aiko", Role.INSTRUCTOR), "h");
        Account yui = account("yui", Role.INSTRUCTOR);
        accounts.insert(yui, "h");
        accounts.updateActive(yui.id(), false);

        assertThat(accounts.findAll()).extracting(Account::username).containsExactly("aiko", "kenji", "yui");
        assertThat(accounts.count()).isEqualTo(3);
        assertThat(accounts.countActive(Role.INSTRUCTOR)).isEqualTo(1);
        assertThat(accounts.countActive(Role.SUPERVISOR)).isZero();
    }

    @Test
    void updatesEachField() {
        Account kenji = account("kenji", Role.TRAINEE);
        accounts.insert(kenji, "old");

        accounts.updatePassword(kenji.id(), "new", T0.plusSeconds(60));
        accounts.updateRole(kenji.id(), Role.SUPERVISOR);
        accounts.updateFailedLogons(kenji.id(), 3, T0.plusSeconds(120));
        Account locked = accounts.findById(kenji.id()).orElseThrow();
        accounts.recordLogon(kenji.id(), T0.plusSeconds(300));
        Account after = accounts.credentials("kenji").orElseThrow().account();

        assertThat(accounts.credentials("kenji").orElseThrow().passwordHash()).isEqualTo("new");
        assertThat(locked.passwordChangedAt()).isEqualTo(T0.plusSeconds(60));
        assertThat(locked.role()).isEqualTo(Role.SUPERVISOR);
        assertThat(locked.failedLogons()).isEqualTo(3);
        assertThat(locked.lockedUntil()).isEqualTo(T0.plusSeconds(120));
        assertThat(after.failedLogons()).isZero();
        assertThat(after.lockedUntil()).isNull();
        assertThat(after.lastLogonAt()).isEqualTo(T0.plusSeconds(300));
    }

    @Test
    void updatingAMissingAccountFails() {
        assertThatThrownBy(() -> accounts.updateRole(new UserId("ghost"), Role.TRAINEE))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("ghost");
    }

    @Test
    void worksUnderTheAccountServiceWithTheAuditLog() {
        Clock clock = Clock.fixed(T0, ZoneOffset.UTC);
        try (EventLog eventLog = new EventLog(db, clock)) {
            AuditLog audit = new AuditLog(eventLog);
            AccountService service = new AccountService(accounts, audit, new PasswordHasher(64, 1, 1), clock, () -> 3);

            service.createFirstInstructor("aiko", "Aiko Tanaka", "correct horse".toCharArray());
            LogonResult wrong = service.logon("aiko", "wrong password".toCharArray());
            LogonResult right = service.logon("Aiko", "correct horse".toCharArray());

            assertThat(wrong).isInstanceOf(LogonResult.Refused.class);
            assertThat(right).isInstanceOfSatisfying(LogonResult.Accepted.class,
                    a -> assertThat(a.account().lastLogonAt()).isEqualTo(T0));
            assertThat(audit.query(AuditQuery.all(10))).extracting(r -> r.action() + " " + r.outcome())
                    .containsExactly("LOGON SUCCESS", "LOGON FAILURE", AuditAction.ACCOUNT_CREATE + " SUCCESS");
        }
    }

    private static Account account(String name, Role role) {
        return new Account(UserId.random(), name, name.toUpperCase(), role, true, T0, T0, 0, null, null);
    }
}
