package dev.switchboard.studio.model;

import dev.switchboard.studio.engine.JobQueue;

/** Architecture fixture: model and engine that depend on each other break NO_PACKAGE_CYCLES. */
public class Job {
    JobQueue queue;
}
