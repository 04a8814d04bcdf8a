package dev.switchboard.ai.engine.provider;

import com.github.javakeyring.BackendNotSupportedException;
import com.github.javakeyring.Keyring;
import com.github.javakeyring.PasswordAccessException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The OS keyring through java-keyring. Whether a backend works is found out once, on first use: on a
 * Linux machine without a Secret Service (no desktop session, no D-Bus) it is simply unavailable, with
 * the reason logged once at INFO. Thread-safe.
 */
public final class OsKeyring implements KeyringAccess {

    /** The keyring service name every Switchboard entry is kept under. */
    public static final String SERVICE = "Switchboard AI";

    private static final Logger LOG = LoggerFactory.getLogger(OsKeyring.class);

    private final String service;
    private volatile Probe probe;

    /** The entries of the AI providers, under {@link #SERVICE}. */
    public OsKeyring() {
        this(SERVICE);
    }

    /** Entries under another service name, e.g. the training center server's password. */
    public OsKeyring(String service) {
        this.service = service;
    }

    @Override
    public boolean available() {
        return probe().keyring != null;
    }

    @Override
    public String unavailableReason() {
        return probe().reason;
    }

    @Override
    public Optional<String> read(String entry) {
        Keyring keyring = require();
        try {
            String secret = keyring.getPassword(service, entry);
            return secret == null || secret.isEmpty() ? Optional.empty() : Optional.of(secret);
        } catch (PasswordAccessException e) {
            // java-keyring reports a missing entry and a refused access alike.
            LOG.debug("Keyring entry {} could not be read: {}", entry, e.getMessage());
            return Optional.empty();
        }
    }

    @Override
    public void store(String entry, String secret) {
        Keyring keyring = require();
        try {
            keyring.setPassword(service, entry, secret);
        } catch (PasswordAccessException e) {
            throw new IllegalStateException("The OS keyring refused to store entry " + entry + ": "
                    + e.getMessage(), e);
        }
    }

    private Keyring require() {
        Probe p = probe();
        if (p.keyring == null) {
            throw new IllegalStateException(p.reason);
        }
        return p.keyring;
    }

    private Probe probe() {
        Probe p = probe;
        if (p == null) {
            synchronized (this) {
                p = probe;
                if (p == null) {
                    p = detect(service);
                    probe = p;
                }
            }
        }
        return p;
    }

    private static Probe detect(String service) {
        try {
            Keyring keyring = Keyring.create();
            LOG.info("OS keyring available: {}", keyring.getKeyringStorageType());
            return new Probe(keyring, "");
        } catch (BackendNotSupportedException | RuntimeException | LinkageError e) {
            String reason = "No OS keyring is available on this machine (" + e.getMessage() + ")"
                    + (service.equals(SERVICE) ? "; keep API keys in environment variables (env:VAR_NAME) instead"
                    : "");
            LOG.info("{}", reason);
            return new Probe(null, reason);
        }
    }

    private record Probe(Keyring keyring, String reason) {
    }
}
