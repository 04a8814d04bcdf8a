package dev.switchboard.calltaking.ui;

import dev.switchboard.uikit.Messages;

/** The call console's user-facing text, from {@code dev/switchboard/calltaking/messages.properties}. */
final class Text {

    private static final Messages MESSAGES = Messages.load("dev.switchboard.calltaking.messages");

    private Text() {
    }

    static String get(String key, Object... args) {
        return MESSAGES.get(key, args);
    }
}
