package dev.switchboard.store.account;

import dev.switchboard.core.account.Account;
import dev.switchboard.core.account.AccountRepository;
import dev.switchboard.core.account.Role;
import dev.switchboard.core.error.InputException;
import dev.switchboard.core.id.UserId;
import dev.switchboard.store.Database;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.jdbi.v3.core.statement.Update;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/** Accounts in the {@code account} table; instants as epoch milliseconds. Thread-safe. */
public final class JdbiAccountRepository implements AccountRepository {

    private static final String COLUMNS = "id, username, display_name, role, active, password_hash, created_at, "
            + "password_changed_at, failed_logons, locked_until, last_logon_at";

    private final Jdbi jdbi;

    public JdbiAccountRepository(Database db) {
        this.jdbi = Objects.requireNonNull(db, "db").jdbi();
    }

    @Override
    public int count() {
        return jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM account").mapTo(Integer.class).one());
    }

    @Override
    public int countActive(Role role) {
        return jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM account WHERE active = 1 AND role = :role")
                .bind("role", role.name())
                .mapTo(Integer.class)
                .one());
    }

    @Override
    public List<Account> findAll() {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM account ORDER BY username")
                .map(JdbiAccountRepository::account)
                .list());
    }

    @Override
    public Optional<Account> findById(UserId id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM account WHERE id = :id")
                .bind("id", id.value())
                .map(JdbiAccountRepository::account)
                .findOne());
    }

    @Override
    public Optional<Credentials> credentials(String username) {
        if (username == null) {
            return Optional.empty();
        }
        // The column is COLLATE NOCASE, so the comparison ignores case.
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM account WHERE username = :name")
                .bind("name", username.trim())
                .map((rs, ctx) -> new Credentials(account(rs, ctx), rs.getString("password_hash")))
                .findOne());
    }

    @Override
    public void insert(Account account, String passwordHash) {
        Objects.requireNonNull(passwordHash, "passwordHash");
        try {
            jdbi.useHandle(h -> h.createUpdate("""
                            INSERT INTO account (id, username, display_name, role, active, password_hash, created_at,
                                                 password_changed_at, failed_logons, locked_until, last_logon_at)
                            VALUES (:id, :username, :displayName, :role, :active, :hash, :createdAt,
                                    :passwordChangedAt, :failedLogons, :lockedUntil, :lastLogonAt)""")
                    .bind("id", account.id().value())
                    .bind("username", account.username())
                    .bind("displayName", account.displayName())
                    .bind("role", account.role().name())
                    .bind("active", account.active() ? 1 : 0)
                    .bind("hash", passwordHash)
                    .bind("createdAt", account.createdAt().toEpochMilli())
                    .bind("passwordChangedAt", account.passwordChangedAt().toEpochMilli())
                    .bind("failedLogons", account.failedLogons())
                    .bind("lockedUntil", millis(account.lockedUntil()))
                    .bind("lastLogonAt", millis(account.lastLogonAt()))
                    .execute());
        } catch (UnableToExecuteStatementException e) {
            if (e.getCause() instanceof SQLiteException se
                    && (se.getResultCode() == SQLiteErrorCode.SQLITE_CONSTRAINT_UNIQUE
                    || se.getResultCode() == SQLiteErrorCode.SQLITE_CONSTRAINT_PRIMARYKEY)
                    // PostgreSQL's unique_violation
                    || e.getCause() instanceof java.sql.SQLException sql && "23505".equals(sql.getSQLState())) {
                throw InputException.field("user name", "'" + account.username() + "' is already taken.");
            }
            throw e;
        }
    }

    @Override
    public void updatePassword(UserId id, String passwordHash, Instant changedAt) {
        Objects.requireNonNull(passwordHash, "passwordHash");
        update(id, h -> h.createUpdate(
                        "UPDATE account SET password_hash = :hash, password_changed_at = :at WHERE id = :id")
                .bind("hash", passwordHash)
                .bind("at", changedAt.toEpochMilli()));
    }

    @Override
    public void updateRole(UserId id, Role role) {
        update(id, h -> h.createUpdate("UPDATE account SET role = :role WHERE id = :id").bind("role", role.name()));
    }

    @Override
    public void updateActive(UserId id, boolean active) {
        update(id, h -> h.createUpdate("UPDATE account SET active = :active WHERE id = :id")
                .bind("active", active ? 1 : 0));
    }

    @Override
    public void updateFailedLogons(UserId id, int failedLogons, Instant lockedUntil) {
        update(id, h -> h.createUpdate(
                        "UPDATE account SET failed_logons = :failed, locked_until = :until WHERE id = :id")
                .bind("failed", failedLogons)
                .bind("until", millis(lockedUntil)));
    }

    @Override
    public void recordLogon(UserId id, Instant at) {
        update(id, h -> h.createUpdate("""
                        UPDATE account SET last_logon_at = :at, failed_logons = 0, locked_until = NULL
                        WHERE id = :id""")
                .bind("at", at.toEpochMilli()));
    }

    private void update(UserId id, Function<Handle, Update> statement) {
        int rows = jdbi.withHandle(h -> statement.apply(h).bind("id", id.value()).execute());
        if (rows == 0) {
            throw InputException.field("account", "no account with id " + id);
        }
    }

    private static Account account(ResultSet rs, StatementContext ctx) throws SQLException {
        return new Account(new UserId(rs.getString("id")), rs.getString("username"), rs.getString("display_name"),
                Role.valueOf(rs.getString("role")), rs.getInt("active") == 1, instant(rs, "created_at"),
                instant(rs, "password_changed_at"), rs.getInt("failed_logons"), instant(rs, "locked_until"),
                instant(rs, "last_logon_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        long millis = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(millis);
    }

    private static Long millis(Instant instant) {
        return instant == null ? null : instant.toEpochMilli();
    }
}
