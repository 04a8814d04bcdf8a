package dev.switchboard.review.ui;

import java.nio.file.Path;
import javafx.scene.media.Media;
import javafx.scene.media.MediaPlayer;
import javafx.util.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The recording through JavaFX Media. Creating the player can fail in many ways on a machine without sound
 * or media support (a missing GStreamer, a headless test, an unsupported file): every failure, now or later,
 * turns this into an unavailable output with the reason, and {@code onFailure} tells the view model.
 */
final class MediaAudio implements AudioOutput {

    /** Set to {@code off} to never try the media player (e.g. on a machine known to lack sound). */
    static final String PROPERTY = "switchboard.review.audio";

    private static final Logger LOG = LoggerFactory.getLogger(MediaAudio.class);

    private MediaPlayer player;
    private String problem = "";
    private final Runnable onFailure;

    private MediaAudio(Runnable onFailure) {
        this.onFailure = onFailure;
    }

    /** Opens {@code wav}, or returns an unavailable output saying why. */
    static AudioOutput open(Path wav, Runnable onFailure) {
        if ("off".equalsIgnoreCase(System.getProperty(PROPERTY, ""))) {
            return AudioOutput.none(Text.get("review.audio.off"));
        }
        MediaAudio audio = new MediaAudio(onFailure);
        try {
            Media media = new Media(wav.toUri().toString());
            MediaPlayer p = new MediaPlayer(media);
            p.setOnError(() -> audio.fail(p.getError() == null ? "media error" : p.getError().getMessage()));
            media.setOnError(() -> audio.fail(media.getError() == null ? "media error"
                    : media.getError().getMessage()));
            audio.player = p;
            return audio;
        } catch (RuntimeException | LinkageError e) {
            LOG.warn("Audio output unavailable for {}: {}", wav, e.toString());
            return AudioOutput.none(Text.get("review.audio.unavailable"));
        }
    }

    private void fail(String reason) {
        if (player == null) {
            return;
        }
        LOG.warn("Audio output failed: {}", reason);
        problem = Text.get("review.audio.unavailable");
        MediaPlayer p = player;
        player = null;
        try {
            p.dispose();
        } catch (RuntimeException e) {
            LOG.debug("Disposing a failed player", e);
        }
        onFailure.run();
    }

    @Override
    public boolean available() {
        return player != null;
    }

    @Override
    public String problem() {
        return problem;
    }

    @Override
    public void play() {
        guard(() -> player.play());
    }

    @Override
    public void pause() {
        guard(() -> player.pause());
    }

    @Override
    public void seek(long ms) {
        guard(() -> player.seek(Duration.millis(ms)));
    }

    @Override
    public void setRate(double rate) {
        guard(() -> player.setRate(rate));
    }

    @Override
    public long positionMs() {
        MediaPlayer p = player;
        if (p == null) {
            return 0;
        }
        Duration t = p.getCurrentTime();
        return t == null || t.isUnknown() ? 0 : (long) t.toMillis();
    }

    @Override
    public void dispose() {
        if (player != null) {
            player.dispose();
            player = null;
        }
    }

    private void guard(Runnable action) {
        if (player == null) {
            return;
        }
        try {
            action.run();
        } catch (RuntimeException e) {
            fail(e.toString());
        }
    }
}
