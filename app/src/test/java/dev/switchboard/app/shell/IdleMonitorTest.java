package dev.switchboard.app.shell;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.event.EventType;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import org.junit.jupiter.api.Test;

class IdleMonitorTest {

    @Test
    void onlyWhatTheUserDoesCountsAsActivity() {
        assertThat(IdleMonitor.byUser(mouse(MouseEvent.MOUSE_MOVED))).isTrue();
        assertThat(IdleMonitor.byUser(mouse(MouseEvent.MOUSE_PRESSED))).isTrue();
        assertThat(IdleMonitor.byUser(new KeyEvent(KeyEvent.KEY_PRESSED, "a", "a", KeyCode.A, false, false, false,
                false))).isTrue();
        // A unit driving under a still pointer makes the scene report "entered"/"exited": not the user.
        assertThat(IdleMonitor.byUser(mouse(MouseEvent.MOUSE_ENTERED))).isFalse();
        assertThat(IdleMonitor.byUser(mouse(MouseEvent.MOUSE_EXITED))).isFalse();
        assertThat(IdleMonitor.byUser(mouse(MouseEvent.MOUSE_ENTERED_TARGET))).isFalse();
        assertThat(IdleMonitor.byUser(mouse(MouseEvent.MOUSE_EXITED_TARGET))).isFalse();
    }

    private static MouseEvent mouse(EventType<MouseEvent> type) {
        return new MouseEvent(type, 10, 10, 10, 10, MouseButton.NONE, 0, false, false, false, false, false, false,
                false, false, false, false, null);
    }
}
