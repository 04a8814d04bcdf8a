package dev.switchboard.workflow.ui;

import dev.switchboard.uikit.Messages;

/** The workflows' user-facing text, from {@code dev/switchboard/workflow/messages.properties}. */
final class Text {

    private static final Messages MESSAGES = Messages.load("dev.switchboard.workflow.messages");

    private Text() {
    }

    static String get(String key, Object... args) {
        return MESSAGES.get(key, args);
    }
}
