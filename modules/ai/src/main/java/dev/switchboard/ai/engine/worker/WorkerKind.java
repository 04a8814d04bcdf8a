package dev.switchboard.ai.engine.worker;

/** What a GPU worker is for. */
public enum WorkerKind {
    /** Chat completions (an OpenAI-compatible server). */
    CHAT,
    /** Image generation; the image queue sends jobs to these. */
    IMAGE,
    /** Video generation; registered and health-checked, but no video jobs are queued yet. */
    VIDEO
}
