package dev.switchboard.ai.engine.provider;

import java.util.Optional;

/**
 * The OS keyring (macOS Keychain, Windows Credential Manager, Secret Service/KWallet on Linux), or
 * its absence. Entries belong to the service "Switchboard AI".
 */
public interface KeyringAccess {

    /** Whether a keyring backend works on this machine. */
    boolean available();

    /** Why no keyring is usable, in the user's words; empty when {@link #available()}. */
    String unavailableReason();

    /**
     * The secret stored under {@code entry}, if any.
     *
     * @throws IllegalStateException when no keyring is available or it refuses access
     */
    Optional<String> read(String entry);

    /**
     * Stores {@code secret} under {@code entry}, replacing any earlier one.
     *
     * @throws IllegalStateException when no keyring is available or it refuses access
     */
    void store(String entry, String secret);

    /** A keyring that is never there, e.g. for tests or headless servers. */
    static KeyringAccess unavailable(String reason) {
        return new KeyringAccess() {
            @Override
            public boolean available() {
                return false;
            }

            @Override
            public String unavailableReason() {
                return reason;
            }

            @Override
            public Optional<String> read(String entry) {
                throw new IllegalStateException(reason);
            }

            @Override
            public void store(String entry, String secret) {
                throw new IllegalStateException(reason);
            }
        };
    }
}
