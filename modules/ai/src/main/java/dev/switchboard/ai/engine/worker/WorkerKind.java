package dev.switchboard.ai.engine.worker;

/** What a GPU worker is for. */
public enum WorkerKind {
    /** Chat completions (an OpenAI-compatible server). */
    CHAT,
    /** Generation, images first; the queue sends jobs to these by their capabilities. */
    IMAGE,
    /** Generation, clips first; the queue sends jobs to these by their capabilities. */
    VIDEO
}
