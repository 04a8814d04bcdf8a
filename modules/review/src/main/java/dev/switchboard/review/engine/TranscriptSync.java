package dev.switchboard.review.engine;

import dev.switchboard.calltaking.model.CallLog;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Maps between the playback position and the transcript: which utterance to highlight at a position
 * (binary search over start times), and where to seek for an utterance or a moment. Immutable; thread-safe.
 *
 * <p>The highlighted utterance is the last one that started at or before the position, so a line stays
 * lit through the pause after it until the next one begins. Overlapping speech (both parties at once)
 * highlights whichever started later.
 */
public final class TranscriptSync {

    private final List<CallLog.Utterance> utterances;
    private final long[] starts;
    private final long durationMs;

    /**
     * @param utterances the transcript in any order; kept sorted by start time (stable for equal starts)
     * @param durationMs the recording's length; seeks are kept within 0..durationMs
     */
    public TranscriptSync(List<CallLog.Utterance> utterances, long durationMs) {
        this.utterances = utterances.stream().sorted(Comparator.comparingLong(CallLog.Utterance::startMs)).toList();
        this.starts = this.utterances.stream().mapToLong(CallLog.Utterance::startMs).toArray();
        this.durationMs = Math.max(0, durationMs);
    }

    /** The utterances in the order the indexes refer to. */
    public List<CallLog.Utterance> utterances() {
        return utterances;
    }

    public long durationMs() {
        return durationMs;
    }

    /** The index of the utterance to highlight at {@code positionMs}, or -1 before the first one starts. */
    public int indexAt(long positionMs) {
        int i = Arrays.binarySearch(starts, positionMs);
        if (i >= 0) {
            // Several may start at the same ms: take the last of them.
            while (i + 1 < starts.length && starts[i + 1] == positionMs) {
                i++;
            }
            return i;
        }
        return -(i + 1) - 1;
    }

    /** Like {@link #indexAt} but -1 when the position lies after that utterance's end (a silence). */
    public int speakingAt(long positionMs) {
        int i = indexAt(positionMs);
        return i >= 0 && positionMs < utterances.get(i).endMs() ? i : -1;
    }

    /** Where playback goes when the utterance at {@code index} is clicked: its start, within the recording. */
    public long seekTo(int index) {
        if (index < 0 || index >= utterances.size()) {
            throw new IndexOutOfBoundsException("No utterance " + index + " of " + utterances.size());
        }
        return clamp(utterances.get(index).startMs());
    }

    /** {@code ms} kept within the recording: a timeline or score item logged after the audio ended seeks to its end. */
    public long clamp(long ms) {
        return Math.max(0, Math.min(durationMs, ms));
    }
}
