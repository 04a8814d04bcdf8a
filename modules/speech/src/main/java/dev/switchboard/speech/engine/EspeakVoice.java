package dev.switchboard.speech.engine;

import dev.switchboard.core.error.SwitchboardException;
import dev.switchboard.speech.Pcm;
import dev.switchboard.speech.WavFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A second, independent voice for measuring the recogniser: the {@code espeak-ng} program (Debian package
 * {@code espeak-ng}), US English at its default rate. A formant synthesiser, nothing like MaryTTS's HMM voice,
 * so a figure that holds for both does not hold only for one voice. Not used in a call.
 */
public final class EspeakVoice {

    /** The Debian package that provides the program. */
    public static final String PACKAGE = "espeak-ng";
    private static final String PROGRAM = "espeak-ng";
    private static final String VOICE = "en-us";

    private EspeakVoice() {
    }

    /** Whether {@code espeak-ng} runs here. */
    public static boolean available() {
        try {
            Process p = new ProcessBuilder(PROGRAM, "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Speaks {@code text}; mono at the program's own rate (22,050 Hz). */
    public static Pcm synthesize(String text) {
        Path wav = null;
        try {
            wav = Files.createTempFile("switchboard-espeak-", ".wav");
            Process p = new ProcessBuilder(PROGRAM, "-v", VOICE, "-w", wav.toString(), "--", text)
                    .redirectErrorStream(true).start();
            String said = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IOException("espeak-ng failed: " + said.strip());
            }
            return WavFiles.read(wav).mono();
        } catch (IOException e) {
            throw new SwitchboardException("The espeak-ng voice did not speak: " + e.getMessage(),
                    "Install it with: apt-get install " + PACKAGE, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SwitchboardException("Interrupted while espeak-ng was speaking", "Try again.", e);
        } finally {
            if (wav != null) {
                try {
                    Files.deleteIfExists(wav);
                } catch (IOException ignored) {
                    // a temporary file left behind is harmless
                }
            }
        }
    }
}
