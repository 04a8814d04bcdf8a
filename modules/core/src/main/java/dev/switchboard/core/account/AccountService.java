package dev.switchboard.core.account;

import dev.switchboard.core.account.AuditRecord.Outcome;
import dev.switchboard.core.error.InputException;
import dev.switchboard.core.error.SwitchboardException;
import dev.switchboard.core.id.UserId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.IntSupplier;
import java.util.regex.Pattern;

/**
 * The rules of local accounts: the first instructor, logon with lockout after repeated failures,
 * window lock and unlock, password changes, and the instructor's account and role changes. Every
 * action is written to the {@link AuditTrail}, successes and failures alike.
 *
 * <p>Password arrays passed in are cleared before the method returns. Hashing is deliberately slow
 * (tens of milliseconds): call from a background thread, never the FX thread.
 */
public final class AccountService {

    /** The fewest characters a password may have. */
    public static final int MIN_PASSWORD_LENGTH = 8;
    /** How long an account waits after too many failed logons in a row. */
    public static final Duration LOCKOUT = Duration.ofMinutes(1);

    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,31}");
    private static final String REFUSED = "Wrong user name or password.";

    private final AccountRepository accounts;
    private final AuditTrail audit;
    private final PasswordHasher hasher;
    private final Clock clock;
    private final IntSupplier maxFailedLogons;
    private volatile String dummyHash;

    public AccountService(AccountRepository accounts, AuditTrail audit, PasswordHasher hasher, Clock clock,
                          IntSupplier maxFailedLogons) {
        this.accounts = Objects.requireNonNull(accounts, "accounts");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.maxFailedLogons = Objects.requireNonNull(maxFailedLogons, "maxFailedLogons");
    }

    /** Whether no account exists yet, so the first start must ask for an instructor. */
    public boolean needsFirstInstructor() {
        return accounts.count() == 0;
    }

    /**
     * Creates the first account, an instructor. Refused once any account exists, so it cannot be used
     * to bypass an instructor.
     */
    public Account createFirstInstructor(String username, String displayName, char[] password) {
        try {
            if (!needsFirstInstructor()) {
                throw new SwitchboardException("An instructor account already exists.",
                        "Sign in with it; further accounts are added under Accounts.");
            }
            Account created = insert(username, displayName, Role.INSTRUCTOR, password);
            audit.record(new AuditRecord(now(), created.username(), AuditAction.ACCOUNT_CREATE,
                    created.username(), Outcome.SUCCESS, "first instructor, role " + Role.INSTRUCTOR));
            return created;
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    /** Checks a user name and password; audited either way. */
    public LogonResult logon(String username, char[] password) {
        try {
            String typed = username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
            LogonResult result = check(typed, password);
            Outcome outcome = result instanceof LogonResult.Accepted ? Outcome.SUCCESS : Outcome.FAILURE;
            String detail = result instanceof LogonResult.Refused refused ? refused.reason() : "";
            audit.record(new AuditRecord(now(), typed, AuditAction.LOGON, typed, outcome, detail));
            return result;
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    /** Records that {@code account} signed out. */
    public void logout(Account account) {
        audit.record(new AuditRecord(now(), account.username(), AuditAction.LOGOUT, account.username(),
                Outcome.SUCCESS, ""));
    }

    /** Records that the window locked for {@code account}, after {@code reason} (idle or by hand). */
    public void lock(Account account, String reason) {
        audit.record(new AuditRecord(now(), account.username(), AuditAction.LOCK, account.username(),
                Outcome.SUCCESS, reason));
    }

    /** Checks the password of the locked-in user; failures count toward lockout like logons. */
    public LogonResult unlock(Account account, char[] password) {
        try {
            LogonResult result = check(account.username(), password);
            audit.record(new AuditRecord(now(), account.username(), AuditAction.UNLOCK, account.username(),
                    result instanceof LogonResult.Accepted ? Outcome.SUCCESS : Outcome.FAILURE,
                    result instanceof LogonResult.Refused r ? r.reason() : ""));
            return result;
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    /** Changes the signed-in user's own password after checking the current one. */
    public void changePassword(Account account, char[] current, char[] replacement) {
        try {
            Optional<AccountRepository.Credentials> stored = accounts.credentials(account.username());
            if (stored.isEmpty() || !hasher.verify(current, stored.get().passwordHash())) {
                audit.record(new AuditRecord(now(), account.username(), AuditAction.PASSWORD_CHANGE,
                        account.username(), Outcome.FAILURE, "current password did not match"));
                throw InputException.field("current password", "does not match.");
            }
            checkPassword(replacement);
            accounts.updatePassword(account.id(), hasher.hash(replacement), now());
            audit.record(new AuditRecord(now(), account.username(), AuditAction.PASSWORD_CHANGE,
                    account.username(), Outcome.SUCCESS, ""));
        } finally {
            Arrays.fill(current, '\0');
            Arrays.fill(replacement, '\0');
        }
    }

    /** The account named {@code username} (any case), if there is one; no password material. */
    public Optional<Account> byUsername(String username) {
        String name = username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
        return accounts.credentials(name).map(AccountRepository.Credentials::account);
    }

    /** Every account, for the instructor's account list. */
    public List<Account> list(Account actor) {
        requireInstructor(actor, AuditAction.ACCOUNT_CREATE, "list accounts");
        return accounts.findAll();
    }

    /** An instructor adds an account. */
    public Account createAccount(Account actor, String username, String displayName, Role role,
                                 char[] password) {
        try {
            requireInstructor(actor, AuditAction.ACCOUNT_CREATE, username);
            Account created = insert(username, displayName, role, password);
            audit.record(new AuditRecord(now(), actor.username(), AuditAction.ACCOUNT_CREATE, created.username(),
                    Outcome.SUCCESS, "role " + role));
            return created;
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    /** An instructor changes another account's role; the last active instructor keeps the role. */
    public void changeRole(Account actor, UserId target, Role role) {
        Account account = find(target);
        requireInstructor(actor, AuditAction.ROLE_CHANGE, account.username());
        if (account.role() == role) {
            return;
        }
        if (account.role() == Role.INSTRUCTOR && account.active() && accounts.countActive(Role.INSTRUCTOR) <= 1) {
            audit.record(new AuditRecord(now(), actor.username(), AuditAction.ROLE_CHANGE, account.username(),
                    Outcome.DENIED, "last active instructor"));
            throw new SwitchboardException(account.username() + " is the last active instructor.",
                    "Make another account an instructor first.");
        }
        accounts.updateRole(target, role);
        audit.record(new AuditRecord(now(), actor.username(), AuditAction.ROLE_CHANGE, account.username(),
                Outcome.SUCCESS, account.role() + " -> " + role));
    }

    /** An instructor enables or disables an account; the last active instructor stays enabled. */
    public void setActive(Account actor, UserId target, boolean active) {
        Account account = find(target);
        AuditAction action = active ? AuditAction.ACCOUNT_ENABLE : AuditAction.ACCOUNT_DISABLE;
        requireInstructor(actor, action, account.username());
        if (account.active() == active) {
            return;
        }
        if (!active && account.role() == Role.INSTRUCTOR && accounts.countActive(Role.INSTRUCTOR) <= 1) {
            audit.record(new AuditRecord(now(), actor.username(), action, account.username(), Outcome.DENIED,
                    "last active instructor"));
            throw new SwitchboardException(account.username() + " is the last active instructor.",
                    "Make another account an instructor first.");
        }
        accounts.updateActive(target, active);
        if (active) {
            accounts.updateFailedLogons(target, 0, null);
        }
        audit.record(new AuditRecord(now(), actor.username(), action, account.username(), Outcome.SUCCESS, ""));
    }

    /** An instructor sets a new password for another account, e.g. when a trainee forgot theirs. */
    public void resetPassword(Account actor, UserId target, char[] password) {
        try {
            Account account = find(target);
            requireInstructor(actor, AuditAction.PASSWORD_RESET, account.username());
            checkPassword(password);
            accounts.updatePassword(target, hasher.hash(password), now());
            accounts.updateFailedLogons(target, 0, null);
            audit.record(new AuditRecord(now(), actor.username(), AuditAction.PASSWORD_RESET, account.username(),
                    Outcome.SUCCESS, ""));
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    private LogonResult check(String username, char[] password) {
        Optional<AccountRepository.Credentials> found = accounts.credentials(username);
        if (found.isEmpty()) {
            // Spend the same time as a real check, so timing does not reveal which names exist.
            hasher.verify(password, dummyHash());
            return new LogonResult.Refused(REFUSED);
        }
        Account account = found.get().account();
        Instant now = now();
        if (!account.active()) {
            return new LogonResult.Refused("This account is disabled. Ask an instructor.");
        }
        if (account.lockedUntil() != null && now.isBefore(account.lockedUntil())) {
            long seconds = Math.max(1, Duration.between(now, account.lockedUntil()).toSeconds());
            return new LogonResult.Refused("Too many failed attempts. Try again in " + seconds + " s.");
        }
        if (!hasher.verify(password, found.get().passwordHash())) {
            int failures = account.failedLogons() + 1;
            boolean lockNow = failures >= maxFailedLogons.getAsInt();
            accounts.updateFailedLogons(account.id(), lockNow ? 0 : failures, lockNow ? now.plus(LOCKOUT) : null);
            return new LogonResult.Refused(lockNow
                    ? "Too many failed attempts. Try again in " + LOCKOUT.toSeconds() + " s."
                    : REFUSED);
        }
        if (hasher.needsRehash(found.get().passwordHash())) {
            accounts.updatePassword(account.id(), hasher.hash(password), account.passwordChangedAt());
        }
        accounts.recordLogon(account.id(), now);
        return new LogonResult.Accepted(accounts.findById(account.id()).orElse(account));
    }

    private Account insert(String username, String displayName, Role role, char[] password) {
        String name = username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
        if (!USERNAME.matcher(name).matches()) {
            throw InputException.field("user name",
                    "use 3-32 lower-case letters, digits, '.', '_' or '-', starting with a letter or digit.");
        }
        if (accounts.credentials(name).isPresent()) {
            throw InputException.field("user name", "'" + name + "' is already taken.");
        }
        String display = displayName == null || displayName.isBlank() ? name : displayName.trim();
        if (display.length() > 80) {
            throw InputException.field("display name", "use at most 80 characters.");
        }
        checkPassword(password);
        Instant now = now();
        Account account = new Account(UserId.random(), name, display, role, true, now, now, 0, null, null);
        accounts.insert(account, hasher.hash(password));
        return account;
    }

    private static void checkPassword(char[] password) {
        if (password == null || password.length < MIN_PASSWORD_LENGTH) {
            throw InputException.field("password", "use at least " + MIN_PASSWORD_LENGTH + " characters.");
        }
        boolean allBlank = true;
        for (char c : password) {
            allBlank &= Character.isWhitespace(c);
        }
        if (allBlank) {
            throw InputException.field("password", "cannot be only spaces.");
        }
    }

    private void requireInstructor(Account actor, AuditAction action, String target) {
        if (actor.role() != Role.INSTRUCTOR) {
            audit.record(new AuditRecord(now(), actor.username(), action, target, Outcome.DENIED,
                    "requires instructor, has " + actor.role()));
            throw new SwitchboardException("Only an instructor can do this.", "Ask an instructor.");
        }
    }

    private Account find(UserId id) {
        return accounts.findById(id).orElseThrow(() -> InputException.field("account", "no account with id " + id));
    }

    private Instant now() {
        return clock.instant();
    }

    private String dummyHash() {
        String hash = dummyHash;
        if (hash == null) {
            hash = hasher.hash("not-a-password".toCharArray());
            dummyHash = hash;
        }
        return hash;
    }
}
