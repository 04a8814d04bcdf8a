package dev.switchboard.speech.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.speech.Pcm;
import dev.switchboard.speech.Prosody;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** MaryTTS must not leave a {@code log/server.log} in whatever folder the program was started from. */
class MaryLoggingTest {

    @Test
    void speakingWritesNoLogFileIntoTheWorkingDirectory() {
        Path log = Path.of("log", "server.log");
        boolean before = Files.exists(log);
        Pcm pcm = new MaryTextToSpeech().synthesize("Help is on the way.", Prosody.NEUTRAL);
        assertThat(pcm.samples()).isNotEmpty();
        assertThat(System.getProperty("log4j.logger.marytts")).isEqualTo(MaryTextToSpeech.MARY_LOGGING);
        if (!before) {
            assertThat(log).doesNotExist();
        }
    }
}
