package dev.switchboard.speech;

import java.nio.file.Path;

/**
 * Run in a child JVM by {@link RecorderCrashTest}: records a 300 Hz caller tone and a 500 Hz trainee tone
 * at five times real time until it is killed.
 */
public final class RecorderChild {

    private RecorderChild() {
    }

    /** Argument: the WAV file to record into. */
    public static void main(String[] args) throws InterruptedException {
        DualChannelRecorder rec = DualChannelRecorder.create(Path.of(args[0]));
        Pcm caller = Tones.sine(300, 100, 16_000, 0.3);
        Pcm trainee = Tones.sine(500, 100, 16_000, 0.3);
        for (long at = 0; ; at += 100) {
            rec.writeLeft(at, caller);
            rec.writeRight(at, trainee);
            Thread.sleep(20);
        }
    }
}
