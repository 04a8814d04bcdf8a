package dev.switchboard.review.ui;

import dev.switchboard.uikit.Messages;

/** The review's user-facing text, from {@code dev/switchboard/review/messages.properties}. */
final class Text {

    private static final Messages MESSAGES = Messages.load("dev.switchboard.review.messages");

    private Text() {
    }

    static String get(String key, Object... args) {
        return MESSAGES.get(key, args);
    }
}
