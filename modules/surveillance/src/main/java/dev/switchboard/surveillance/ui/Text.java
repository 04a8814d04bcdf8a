package dev.switchboard.surveillance.ui;

import dev.switchboard.uikit.Messages;

/** Surveillance chat's user-facing text, from {@code dev/switchboard/surveillance/messages.properties}. */
final class Text {

    private static final Messages MESSAGES = Messages.load("dev.switchboard.surveillance.messages");

    private Text() {
    }

    static String get(String key, Object... args) {
        return MESSAGES.get(key, args);
    }
}
