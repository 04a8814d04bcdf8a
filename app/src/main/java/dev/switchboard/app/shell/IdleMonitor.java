package dev.switchboard.app.shell;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Supplier;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.event.EventHandler;
import javafx.scene.Scene;
import javafx.scene.input.InputEvent;
import javafx.scene.input.MouseEvent;
import javafx.util.Duration;

/**
 * Locks the window after a stretch without keyboard or mouse input. Watches the scene's input
 * events; checks once a second on the FX thread. Started when a user signs in, stopped on lock and
 * sign-out.
 */
final class IdleMonitor {

    private final Clock clock;
    private final Supplier<java.time.Duration> limit;
    private final Runnable onIdle;
    private final EventHandler<InputEvent> activity = e -> {
        if (byUser(e)) {
            touch();
        }
    };
    private final Timeline check = new Timeline(new KeyFrame(Duration.seconds(1), e -> check()));
    private Scene scene;
    private Instant lastInput;
    private boolean running;

    IdleMonitor(Clock clock, Supplier<java.time.Duration> limit, Runnable onIdle) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.limit = Objects.requireNonNull(limit, "limit");
        this.onIdle = Objects.requireNonNull(onIdle, "onIdle");
        check.setCycleCount(Timeline.INDEFINITE);
    }

    void start(Scene watched) {
        stop();
        scene = watched;
        scene.addEventFilter(InputEvent.ANY, activity);
        lastInput = clock.instant();
        running = true;
        check.play();
    }

    void stop() {
        running = false;
        check.stop();
        if (scene != null) {
            scene.removeEventFilter(InputEvent.ANY, activity);
            scene = null;
        }
    }

    void touch() {
        lastInput = clock.instant();
    }

    /** Locks now if the limit has passed since the last input; the timeline calls this every second. */
    void check() {
        if (running && !clock.instant().isBefore(lastInput.plus(limit.get()))) {
            stop();
            onIdle.run();
        }
    }

    /**
     * Whether an event is the user's doing. The pointer "entering" or "leaving" a node also happens when the
     * scene changes under a still mouse (a moving unit on the map, a refreshed list), which must not keep an
     * unattended window unlocked.
     */
    static boolean byUser(InputEvent e) {
        var type = e.getEventType();
        return type != MouseEvent.MOUSE_ENTERED && type != MouseEvent.MOUSE_EXITED
                && type != MouseEvent.MOUSE_ENTERED_TARGET && type != MouseEvent.MOUSE_EXITED_TARGET;
    }

    boolean isRunning() {
        return running;
    }
}
