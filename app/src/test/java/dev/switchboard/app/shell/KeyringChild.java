package dev.switchboard.app.shell;

import dev.switchboard.ai.engine.provider.OsKeyring;

/**
 * Run in a child JVM by {@link OsKeyringTest}, whose environment points at a private D-Bus session: stores or reads
 * one server password in the OS keyring the way Settings and the start-up do. Prints what it read, or why not.
 */
public final class KeyringChild {

    private KeyringChild() {
    }

    public static void main(String[] args) {
        OsKeyring keyring = new OsKeyring(DatabaseStart.KEYRING_SERVICE);
        if (!keyring.available()) {
            System.out.println("unavailable: " + keyring.unavailableReason());
            System.exit(3);
        }
        if (args[0].equals("store")) {
            keyring.store(args[1], args[2]);
            System.out.println("stored");
        } else {
            System.out.println("read: " + keyring.read(args[1]).orElse("(none)"));
        }
        System.exit(0);
    }
}
