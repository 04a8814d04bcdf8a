package dev.switchboard.uikit;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import dev.switchboard.core.settings.CoreSettings.ThemeChoice;
import java.util.Objects;
import javafx.application.Application;
import javafx.scene.Parent;
import javafx.scene.Scene;

/**
 * The workstation's look: AtlantaFX Primer as the user agent stylesheet, plus Switchboard's own
 * stylesheet for the navigation rail, status bar, cards and text classes ({@code sb-*}).
 */
public final class Theme {

    /** Classpath location of Switchboard's stylesheet. */
    public static final String STYLESHEET_RESOURCE = "/dev/switchboard/uikit/switchboard.css";

    private Theme() {
    }

    /** Switches every window to {@code choice}; safe to call from any thread, takes effect on the FX thread. */
    public static void apply(ThemeChoice choice) {
        Objects.requireNonNull(choice, "choice");
        Application.setUserAgentStylesheet(userAgentStylesheet(choice));
    }

    /** The AtlantaFX stylesheet {@link #apply} installs for {@code choice}. */
    public static String userAgentStylesheet(ThemeChoice choice) {
        return switch (choice) {
            case DARK -> new PrimerDark().getUserAgentStylesheet();
            case LIGHT -> new PrimerLight().getUserAgentStylesheet();
        };
    }

    /** URL of Switchboard's stylesheet, as scenes and dialog panes list it. */
    public static String stylesheet() {
        return Objects.requireNonNull(Theme.class.getResource(STYLESHEET_RESOURCE), STYLESHEET_RESOURCE)
                .toExternalForm();
    }

    /** Adds Switchboard's stylesheet to {@code scene} once. Call on the FX thread. */
    public static void style(Scene scene) {
        String url = stylesheet();
        if (!scene.getStylesheets().contains(url)) {
            scene.getStylesheets().add(url);
        }
    }

    /** Adds Switchboard's stylesheet to {@code parent} once, for dialogs that get their own scene. */
    public static void style(Parent parent) {
        String url = stylesheet();
        if (!parent.getStylesheets().contains(url)) {
            parent.getStylesheets().add(url);
        }
    }
}
