package dev.switchboard.core.account;

import dev.switchboard.core.id.UserId;
import java.time.Instant;
import java.util.Objects;

/**
 * A local account. Holds no password material; see {@link AccountRepository.Credentials}.
 *
 * @param lockedUntil when a run of failed logons has locked the account, until when; otherwise null
 */
public record Account(UserId id, String username, String displayName, Role role, boolean active,
                      Instant createdAt, Instant passwordChangedAt, int failedLogons, Instant lockedUntil,
                      Instant lastLogonAt) {

    public Account {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(passwordChangedAt, "passwordChangedAt");
    }

    public Account withRole(Role newRole) {
        return new Account(id, username, displayName, newRole, active, createdAt, passwordChangedAt,
                failedLogons, lockedUntil, lastLogonAt);
    }
}
