package dev.switchboard.studio.engine;

import dev.switchboard.studio.model.Job;

/** Architecture fixture: the other half of the studio cycle. */
public class JobQueue {
    Job next;
}
