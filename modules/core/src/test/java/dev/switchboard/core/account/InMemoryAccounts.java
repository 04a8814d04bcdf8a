package dev.switchboard.core.account;

import dev.switchboard.core.id.UserId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** An AccountRepository in memory, for the rules' tests. */
final class InMemoryAccounts implements AccountRepository {

    private final Map<UserId, Account> accounts = new LinkedHashMap<>();
    private final Map<UserId, String> hashes = new LinkedHashMap<>();

    @Override
    public int count() {
        return accounts.size();
    }

    @Override
    public int countActive(Role role) {
        return (int) accounts.values().stream().filter(a -> a.active() && a.role() == role).count();
    }

    @Override
    public List<Account> findAll() {
        return new ArrayList<>(accounts.values());
    }

    @Override
    public Optional<Account> findById(UserId id) {
        return Optional.ofNullable(accounts.get(id));
    }

    @Override
    public Optional<Credentials> credentials(String username) {
        String name = username.toLowerCase(Locale.ROOT);
        return accounts.values().stream().filter(a -> a.username().equals(name)).findFirst()
                .map(a -> new Credentials(a, hashes.get(a.id())));
    }

    @Override
    public void insert(Account account, String passwordHash) {
        accounts.put(account.id(), account);
        hashes.put(account.id(), passwordHash);
    }

    @Override
    public void updatePassword(UserId id, String passwordHash, Instant changedAt) {
        hashes.put(id, passwordHash);
        Account a = accounts.get(id);
        accounts.put(id, new Account(id, a.username(), a.displayName(), a.role(), a.active(), a.createdAt(),
                changedAt, a.failedLogons(), a.lockedUntil(), a.lastLogonAt()));
    }

    @Override
    public void updateRole(UserId id, Role role) {
        accounts.put(id, accounts.get(id).withRole(role));
    }

    @Override
    public void updateActive(UserId id, boolean active) {
        Account a = accounts.get(id);
        accounts.put(id, new Account(id, a.username(), a.displayName(), a.role(), active, a.createdAt(),
                a.passwordChangedAt(), a.failedLogons(), a.lockedUntil(), a.lastLogonAt()));
    }

    @Override
    public void updateFailedLogons(UserId id, int failedLogons, Instant lockedUntil) {
        Account a = accounts.get(id);
        accounts.put(id, new Account(id, a.username(), a.displayName(), a.role(), a.active(), a.createdAt(),
                a.passwordChangedAt(), failedLogons, lockedUntil, a.lastLogonAt()));
    }

    @Override
    public void recordLogon(UserId id, Instant at) {
        Account a = accounts.get(id);
        accounts.put(id, new Account(id, a.username(), a.displayName(), a.role(), a.active(), a.createdAt(),
                a.passwordChangedAt(), 0, null, at));
    }

    String hashOf(String username) {
        return credentials(username).map(Credentials::passwordHash).orElseThrow();
    }
}
