package dev.switchboard.uikit;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import dev.switchboard.core.settings.CoreSettings.ThemeChoice;
import dev.switchboard.testkit.HeadlessFx;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(HeadlessFx.class)
class ThemeTest {

    @Test
    void applySwitchesTheUserAgentStylesheet() {
        HeadlessFx.runOnFx(() -> Theme.apply(ThemeChoice.LIGHT));
        assertThat(HeadlessFx.callOnFx(Application::getUserAgentStylesheet))
                .isEqualTo(new PrimerLight().getUserAgentStylesheet());

        HeadlessFx.runOnFx(() -> Theme.apply(ThemeChoice.DARK));
        assertThat(HeadlessFx.callOnFx(Application::getUserAgentStylesheet))
                .isEqualTo(new PrimerDark().getUserAgentStylesheet());
    }

    @Test
    void styleAddsTheSharedStylesheetOnce() {
        Scene scene = HeadlessFx.callOnFx(() -> {
            Scene s = new Scene(new StackPane());
            Theme.style(s);
            Theme.style(s);
            return s;
        });

        assertThat(scene.getStylesheets()).containsExactly(Theme.stylesheet());
        assertThat(Theme.stylesheet()).endsWith("/dev/switchboard/uikit/switchboard.css");
    }
}
