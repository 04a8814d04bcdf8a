package dev.switchboard.uikit;

import java.util.Objects;
import javafx.scene.control.Label;

/** A small rounded label showing the state of something, e.g. "Offline" in amber or "Connected" in green. */
public class StatusPill extends Label {

    /** What the pill signals; each state but {@code NEUTRAL} has its own colour. */
    public enum Status {
        NEUTRAL(null), OK("sb-ok"), WARN("sb-warn"), ERROR("sb-error");

        private final String styleClass;

        Status(String styleClass) {
            this.styleClass = styleClass;
        }
    }

    private Status status = Status.NEUTRAL;

    public StatusPill(String text, Status status) {
        super(text);
        getStyleClass().add("sb-pill");
        setStatus(status);
    }

    public Status status() {
        return status;
    }

    /** Changes the colour; call on the FX thread once the pill is in a scene. */
    public void setStatus(Status newStatus) {
        Objects.requireNonNull(newStatus, "status");
        if (status.styleClass != null) {
            getStyleClass().remove(status.styleClass);
        }
        status = newStatus;
        if (status.styleClass != null) {
            getStyleClass().add(status.styleClass);
        }
    }

    /** Sets text and status together. */
    public void show(String text, Status newStatus) {
        setText(text);
        setStatus(newStatus);
    }
}
