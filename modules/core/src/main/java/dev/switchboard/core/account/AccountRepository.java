package dev.switchboard.core.account;

import dev.switchboard.core.id.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where accounts are kept; the store module implements it over SQLite. */
public interface AccountRepository {

    /** How many accounts exist, active or not. */
    int count();

    /** How many active accounts have {@code role}. */
    int countActive(Role role);

    List<Account> findAll();

    Optional<Account> findById(UserId id);

    /** The account named {@code username} (case-insensitive) with its password hash. */
    Optional<Credentials> credentials(String username);

    /** Adds {@code account}; fails if its user name is taken (case-insensitive). */
    void insert(Account account, String passwordHash);

    void updatePassword(UserId id, String passwordHash, Instant changedAt);

    void updateRole(UserId id, Role role);

    void updateActive(UserId id, boolean active);

    /** Records a run of {@code failedLogons} failures and, when it locks the account, until when. */
    void updateFailedLogons(UserId id, int failedLogons, Instant lockedUntil);

    /** Records a successful logon and clears the failure count. */
    void recordLogon(UserId id, Instant at);

    /** An account with the hash of its password. */
    record Credentials(Account account, String passwordHash) {
    }
}
