package dev.switchboard.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import javafx.application.Platform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(HeadlessFx.class)
class HeadlessFxTest {

    @Test
    void runsOnTheFxThreadAndReturnsTheResult() {
        assertThat(HeadlessFx.callOnFx(Platform::isFxApplicationThread)).isTrue();
        assertThat(System.getProperty("glass.platform")).isEqualTo("Monocle");
    }

    @Test
    void rethrowsWhatTheActionThrows() {
        assertThatThrownBy(() -> HeadlessFx.runOnFx(() -> {
            throw new IllegalArgumentException("on the FX thread");
        })).isInstanceOf(IllegalArgumentException.class).hasMessage("on the FX thread");
    }

    @Test
    void waitForFxRunsWhatWasQueuedBefore() {
        List<String> order = new ArrayList<>();
        Platform.runLater(() -> order.add("first"));
        Platform.runLater(() -> Platform.runLater(() -> order.add("nested")));
        HeadlessFx.waitForFx();
        assertThat(HeadlessFx.callOnFx(() -> List.copyOf(order))).containsExactly("first", "nested");
    }
}
