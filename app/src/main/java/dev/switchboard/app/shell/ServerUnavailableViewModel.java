package dev.switchboard.app.shell;

import java.text.MessageFormat;
import java.util.Objects;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The screen shown when the training center's server cannot be used at start: which server, why in one line, and
 * the two ways on: try again, or work offline on this seat's own database for this session. Trying again keeps
 * the screen until the server answers (then the sign-in follows) or says why not again.
 */
public final class ServerUnavailableViewModel {

    private final Runnable retry;
    private final Runnable offline;
    private final Runnable quit;

    // Properties
    private final ReadOnlyStringWrapper server = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper reason = new ReadOnlyStringWrapper();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper progress = new ReadOnlyStringWrapper("");

    /**
     * @param retry   opens the server again, off the FX thread; reports back through {@link #failedAgain} or by
     *                leaving this screen
     * @param offline opens the seat's own database for this session
     * @param quit    ends the program
     */
    public ServerUnavailableViewModel(String server, String reason, Runnable retry, Runnable offline, Runnable quit) {
        this.server.set(Objects.requireNonNull(server, "server"));
        this.reason.set(Objects.requireNonNull(reason, "reason"));
        this.retry = Objects.requireNonNull(retry, "retry");
        this.offline = Objects.requireNonNull(offline, "offline");
        this.quit = Objects.requireNonNull(quit, "quit");
    }

    /** Host, port and database of the server, e.g. {@code postgresql://db.center:5432/switchboard}. */
    public ReadOnlyStringProperty serverProperty() {
        return server.getReadOnlyProperty();
    }

    /** Why it cannot be used, one line. */
    public ReadOnlyStringProperty reasonProperty() {
        return reason.getReadOnlyProperty();
    }

    /** True while a retry or the offline opening runs; the buttons wait. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** What is happening right now ("Trying … again"), empty when idle. */
    public ReadOnlyStringProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** The title line, naming the server. */
    public String title() {
        return MessageFormat.format(text("app.server.title"), server.get());
    }

    // Commands

    /** Tries the server again. */
    public void retry() {
        if (busy.get()) {
            return;
        }
        busy.set(true);
        progress.set(MessageFormat.format(text("app.server.retrying"), server.get()));
        retry.run();
    }

    /** Opens this seat's own database for the rest of this session. */
    public void workOffline() {
        if (busy.get()) {
            return;
        }
        busy.set(true);
        progress.set(text("app.server.openingOffline"));
        offline.run();
    }

    public void quit() {
        quit.run();
    }

    /** A retry failed: shows the new reason and offers the ways on again. */
    public void failedAgain(String why) {
        reason.set(why);
        busy.set(false);
        progress.set("");
    }

    private static String text(String key) {
        return Fxml.MESSAGES.getString(key);
    }
}
