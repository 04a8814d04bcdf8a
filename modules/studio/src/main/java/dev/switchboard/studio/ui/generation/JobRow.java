package dev.switchboard.studio.ui.generation;

import dev.switchboard.ai.ImageJob;
import dev.switchboard.ai.JobState;
import dev.switchboard.ai.QueueView;
import dev.switchboard.studio.ui.Text;
import java.time.Duration;
import java.util.Optional;

/**
 * One line of the queue table, in the user's words.
 *
 * @param place "3 of 12" for a queued job, empty otherwise
 * @param eta "starts in ~40 s, done in ~1 min" or why there is no estimate
 */
record JobRow(String id, String kind, String prompt, String user, int priority, String state, String place,
              String eta, double progress, String worker, String message, boolean cancellable, boolean running) {

    static JobRow of(ImageJob job, Optional<QueueView.Entry> entry, int queued) {
        String kind = job.request().makesVideo() ? Text.get("studio.gen.kind.clip")
                : job.request().imageToImage() ? Text.get("studio.gen.kind.img2img")
                : Text.get("studio.gen.kind.image");
        String place = entry.map(e -> Text.get("studio.gen.place", e.position(), queued)).orElse("");
        String eta = entry.map(e -> e.hasEstimate() ? Text.get("studio.gen.eta", about(e.startsIn()),
                about(e.doneIn())) : Text.get("studio.gen.etaNone")).orElse("");
        return new JobRow(job.id(), kind, job.request().prompt(), job.request().requestedBy(), job.request().priority(),
                state(job.state()), place, eta, job.state() == JobState.SUCCEEDED ? 1 : job.progress(),
                job.workerName(), job.message(), !job.state().isFinal(), job.state() == JobState.RUNNING);
    }

    /**
     * What the queue shows under the prompt: the kind, the estimate while queued and the worker's message, the
     * message left out when it only repeats the state ("queued").
     */
    String detail() {
        String said = message == null || message.equalsIgnoreCase(state) ? "" : message;
        return java.util.stream.Stream.of(kind, eta, said).filter(t -> t != null && !t.isBlank())
                .collect(java.util.stream.Collectors.joining(" \u00b7 "));
    }

    static String state(JobState s) {
        return switch (s) {
            case QUEUED -> Text.get("studio.gen.state.queued");
            case RUNNING -> Text.get("studio.gen.state.running");
            case SUCCEEDED -> Text.get("studio.gen.state.done");
            case FAILED -> Text.get("studio.gen.state.failed");
            case CANCELLED -> Text.get("studio.gen.state.cancelled");
        };
    }

    /** "~40 s", "~3 min", "now". */
    static String about(Duration d) {
        long s = d.toSeconds();
        if (s <= 0) {
            return Text.get("studio.gen.now");
        }
        if (s < 90) {
            return Text.get("studio.gen.aboutSeconds", s);
        }
        return Text.get("studio.gen.aboutMinutes", Math.round(s / 60.0));
    }
}
