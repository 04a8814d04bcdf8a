package dev.switchboard.city.ui;

import dev.switchboard.uikit.Messages;

/** The control room's user-facing text, from {@code dev/switchboard/city/messages.properties}. */
final class Text {

    private static final Messages MESSAGES = Messages.load("dev.switchboard.city.messages");

    private Text() {
    }

    static String get(String key, Object... args) {
        return MESSAGES.get(key, args);
    }
}
