package dev.switchboard.speech.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.speech.Recognizer;
import dev.switchboard.speech.RecognizerListener;
import dev.switchboard.speech.Transcription;
import dev.switchboard.speech.WordTiming;
import java.util.ArrayList;
import java.util.List;

/**
 * One Vosk recognition stream. Vosk counts time from the first sample the native recogniser ever got, so
 * timings are shifted to count from the start of the current utterance. With a rescorer, each finished segment
 * arrives as an n-best list and the rescorer picks the words; partial results are Vosk's own best guess.
 */
final class VoskRecognizer implements Recognizer {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final org.vosk.Recognizer vosk;
    private final int sampleRate;
    private final RecognizerListener listener;
    private final NBestRescorer rescorer;
    private long fedSamples;
    private long originSamples;
    private Transcription utterance = Transcription.EMPTY;
    private String lastPartial = "";
    private boolean closed;

    /** @param rescorer the second pass; null when the recogniser was not asked for alternatives */
    VoskRecognizer(org.vosk.Recognizer vosk, int sampleRate, RecognizerListener listener, NBestRescorer rescorer) {
        this.vosk = vosk;
        this.sampleRate = sampleRate;
        this.listener = listener;
        this.rescorer = rescorer;
    }

    @Override
    public void accept(short[] buf, int len) {
        ensureOpen();
        if (len <= 0) {
            return;
        }
        fedSamples += len;
        if (vosk.acceptWaveForm(buf, len)) {
            Transcription segment = parse(vosk.getResult());
            if (!segment.isEmpty()) {
                utterance = utterance.append(segment);
                if (listener != null) {
                    listener.result(segment);
                }
            }
            lastPartial = "";
        } else if (listener != null) {
            String partial = field(vosk.getPartialResult(), "partial");
            if (!partial.isEmpty() && !partial.equals(lastPartial)) {
                lastPartial = partial;
                listener.partial(utterance.isEmpty() ? partial : utterance.text() + " " + partial);
            }
        }
    }

    @Override
    public Transcription finish() {
        ensureOpen();
        Transcription last = parse(vosk.getFinalResult());
        if (!last.isEmpty() && listener != null) {
            listener.result(last);
        }
        Transcription all = utterance.append(last);
        utterance = Transcription.EMPTY;
        lastPartial = "";
        originSamples = fedSamples;
        return all;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            vosk.close();
        }
    }

    private Transcription parse(String json) {
        try {
            if (json == null || json.isBlank()) {
                return Transcription.EMPTY;
            }
            JsonNode root = JSON.readTree(json);
            if (root.has("alternatives")) {
                List<NBestRescorer.Alternative> alternatives = new ArrayList<>();
                for (JsonNode a : root.path("alternatives")) {
                    List<WordTiming> words = words(a.path("result"));
                    if (!words.isEmpty()) {
                        alternatives.add(new NBestRescorer.Alternative(words, a.path("confidence").asDouble()));
                    }
                }
                return rescorer == null || alternatives.isEmpty() ? Transcription.EMPTY : rescorer.best(alternatives);
            }
            return new Transcription(root.path("text").asText(""), words(root.path("result")));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Vosk returned unreadable JSON: " + json, e);
        }
    }

    private List<WordTiming> words(JsonNode result) {
        List<WordTiming> words = new ArrayList<>();
        long originMs = originSamples * 1000 / sampleRate;
        for (JsonNode w : result) {
            words.add(new WordTiming(w.path("word").asText(),
                    Math.max(0, Math.round(w.path("start").asDouble() * 1000) - originMs),
                    Math.max(0, Math.round(w.path("end").asDouble() * 1000) - originMs),
                    w.path("conf").asDouble(1.0)));
        }
        return words;
    }

    private static String field(String json, String field) {
        try {
            return JSON.readTree(json).path(field).asText("").strip();
        } catch (java.io.IOException e) {
            return "";
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("the recogniser is closed");
        }
    }
}
