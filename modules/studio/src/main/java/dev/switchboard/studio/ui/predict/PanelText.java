package dev.switchboard.studio.ui.predict;

import dev.switchboard.uikit.Messages;

/** The Prices and Fraud panels' user-facing text, from the studio's {@code messages.properties}. */
public final class PanelText {

    private static final Messages MESSAGES = Messages.load("dev.switchboard.studio.messages");

    private PanelText() {
    }

    public static String get(String key, Object... args) {
        return MESSAGES.get(key, args);
    }
}
