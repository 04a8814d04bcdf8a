package dev.switchboard.ai;

/** Where a generation job stands. {@code SUCCEEDED}, {@code FAILED} and {@code CANCELLED} are final. */
public enum JobState {
    /** Waiting for a healthy worker with a free slot. */
    QUEUED,
    /** Sent to a worker, which is generating. */
    RUNNING,
    /** Done; the image can be fetched. */
    SUCCEEDED,
    /** Given up on; the job's message says why. */
    FAILED,
    /** Stopped by a user. */
    CANCELLED;

    /** Whether the job will not change any more. */
    public boolean isFinal() {
        return this == SUCCEEDED || this == FAILED || this == CANCELLED;
    }
}
