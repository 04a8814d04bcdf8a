package dev.switchboard.studio.ui;

import dev.switchboard.uikit.Messages;

/** The studio's user-facing text, from {@code dev/switchboard/studio/messages.properties}. */
public final class Text {

    private static final Messages MESSAGES = Messages.load("dev.switchboard.studio.messages");

    private Text() {
    }

    /** The text of {@code key} with its {@code {0}} … filled in. */
    public static String get(String key, Object... args) {
        return MESSAGES.get(key, args);
    }
}
