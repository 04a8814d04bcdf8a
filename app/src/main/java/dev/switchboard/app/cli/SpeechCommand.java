package dev.switchboard.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.core.error.InputException;
import dev.switchboard.speech.Pcm;
import dev.switchboard.speech.Prosody;
import dev.switchboard.speech.Speech;
import dev.switchboard.speech.Transcription;
import dev.switchboard.speech.WavAudio;
import dev.switchboard.speech.WavFiles;
import dev.switchboard.speech.WordTiming;
import dev.switchboard.core.io.SafeOutput;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code switchboard speech say|transcribe}: the offline voice and recogniser without a window. */
@Command(name = "speech", description = "Offline speech: speak a line to a WAV file, or transcribe a WAV file.",
        mixinStandardHelpOptions = true)
public final class SpeechCommand extends DataDirCommand {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Speaks {@code text} with the caller's voice into a mono 16-bit WAV file. */
    @Command(name = "say", description = "Speak TEXT with the caller's voice (MaryTTS cmu-slt-hsmm) into a WAV file.")
    int say(@Parameters(paramLabel = "TEXT") String text,
            @Option(names = "--out", required = true, paramLabel = "FILE") Path out,
            @Option(names = "--panic", defaultValue = "0", paramLabel = "0..1",
                    description = "How frightened the caller sounds: faster, higher, tenser.") double panic,
            @Option(names = "--rate", paramLabel = "HZ",
                    description = "Resample to this rate (default: the voice's own, 48000).") Integer rate,
            @Option(names = "--force", description = "Replace an existing file (never one of the data dir's).")
            boolean force) throws IOException {
        if (!(panic >= 0 && panic <= 1)) {
            throw InputException.field("--panic", "must be between 0 and 1, was " + panic);
        }
        if (rate != null && (rate < 8000 || rate > 192_000)) {
            throw InputException.field("--rate", "must be between 8000 and 192000 Hz, was " + rate);
        }
        SafeOutput output = dataDir().safeOutput(force);
        output.check(out);
        try (Speech speech = Speech.offline(dataDir().cache())) {
            long start = System.nanoTime();
            Pcm spoken = speech.tts().synthesize(text, Prosody.forPanic(panic));
            long tookMs = (System.nanoTime() - start) / 1_000_000;
            Pcm pcm = rate != null ? spoken.resampled(rate) : spoken;
            output.write(out, stream -> WavFiles.writeTo(stream, pcm));
            spec.commandLine().getOut().printf(Locale.ROOT, "Wrote %s: %.2f s at %d Hz (synthesis incl. voice load "
                    + "%d ms)%n", out, pcm.durationMs() / 1000.0, pcm.sampleRate(), tookMs);
        }
        return 0;
    }

    /** Transcribes a WAV file of any rate and channel count; prints the text and word timings. */
    @Command(name = "transcribe", description = "Transcribe a WAV file (any rate or channels: mixed to mono and "
            + "resampled to 16 kHz) with the offline recogniser (Vosk); prints text and word timings.")
    int transcribe(@Parameters(paramLabel = "FILE") Path file,
                   @Option(names = "--json", description = "Print JSON instead of text.") boolean json) {
        WavAudio wav = WavFiles.read(file);
        PrintWriter out = spec.commandLine().getOut();
        try (Speech speech = Speech.offline(dataDir().ensureCreated().cache())) {
            long start = System.nanoTime();
            Transcription t = speech.stt().transcribe(wav.mono());
            long tookMs = (System.nanoTime() - start) / 1_000_000;
            if (json) {
                ObjectNode node = JSON.createObjectNode();
                node.put("file", file.toString());
                node.put("durationMs", wav.durationMs());
                node.put("text", t.text());
                ArrayNode words = node.putArray("words");
                for (WordTiming w : t.words()) {
                    words.addObject().put("word", w.word()).put("startMs", w.startMs()).put("endMs", w.endMs())
                            .put("confidence", Math.round(w.confidence() * 1000) / 1000.0);
                }
                out.println(node.toString());
            } else {
                out.println(t.isEmpty() ? "(nothing recognised)" : t.text());
                for (WordTiming w : t.words()) {
                    out.printf(Locale.ROOT, "  %7.2f-%7.2f s  %-16s %.2f%n", w.startMs() / 1000.0, w.endMs() / 1000.0,
                            w.word(), w.confidence());
                }
                out.printf(Locale.ROOT, "%.2f s of audio (%d Hz, %d channel%s) in %d ms incl. model load%n",
                        wav.durationMs() / 1000.0, wav.sampleRate(), wav.channels(), wav.channels() == 1 ? "" : "s",
                        tookMs);
            }
        }
        return 0;
    }
}
