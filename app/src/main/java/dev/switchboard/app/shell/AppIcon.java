package dev.switchboard.app.shell;

import javafx.scene.image.Image;

/** The Switchboard icon, loaded once on first use. */
final class AppIcon {

    private static Image image;

    private AppIcon() {
    }

    static synchronized Image image() {
        if (image == null) {
            image = new Image(AppIcon.class.getResourceAsStream("/dev/switchboard/app/switchboard.png"));
        }
        return image;
    }
}
