package dev.switchboard.studio.engine.ops;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.ai.GpuFleet;
import dev.switchboard.studio.model.ops.OpsSnapshot;
import dev.switchboard.studio.model.ops.ScalingPolicy;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** What scaling does: switch standby workers, run a command, or call a webhook. */
public interface ScalingAction {

    /** What an up (or down) step would act on: a worker's name, the command, the URL; empty when nothing can. */
    Optional<String> target(OpsSnapshot s, boolean up);

    /**
     * Scales.
     *
     * @return what happened, e.g. "done" or "exit 0"
     * @throws RuntimeException when it failed; the message says why
     */
    String apply(boolean up, String target, OpsSnapshot s, String reason);

    /** Builds the action a policy names. */
    @FunctionalInterface
    interface Factory {
        ScalingAction create(ScalingPolicy policy);

        /** The three actions over {@code fleet}. */
        static Factory standard(GpuFleet fleet) {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            return p -> switch (p.action()) {
                case STANDBY_WORKERS -> new Standby(fleet);
                case COMMAND -> new Command(p.command());
                case WEBHOOK -> new Webhook(http, p);
            };
        }
    }

    /** Switches standby workers on (by name order) and off (the last idle one). */
    record Standby(GpuFleet fleet) implements ScalingAction {

        @Override
        public Optional<String> target(OpsSnapshot s, boolean up) {
            List<GpuFleet.WorkerStatus> standby = s.workers().stream().filter(GpuFleet.WorkerStatus::standby)
                    .sorted(AutoScaler.standbyOrder()).toList();
            if (up) {
                return standby.stream().filter(w -> !w.enabled()).map(GpuFleet.WorkerStatus::name).findFirst();
            }
            return standby.reversed().stream().filter(w -> w.enabled() && w.inFlight() == 0)
                    .map(GpuFleet.WorkerStatus::name).findFirst();
        }

        @Override
        public String apply(boolean up, String target, OpsSnapshot s, String reason) {
            fleet.setEnabled(target, up);
            return up ? "switched on" : "switched off";
        }
    }

    /** Runs the configured program with "up" or "down" last, and the figures in its environment. */
    record Command(String command) implements ScalingAction {

        private static final long TIMEOUT_SECONDS = 60;

        @Override
        public Optional<String> target(OpsSnapshot s, boolean up) {
            return Optional.of(command);
        }

        @Override
        public String apply(boolean up, String target, OpsSnapshot s, String reason) {
            List<String> argv = new ArrayList<>(List.of(command.split("\\s+")));
            argv.add(up ? "up" : "down");
            ProcessBuilder pb = new ProcessBuilder(argv).redirectErrorStream(true);
            pb.environment().put("SWITCHBOARD_SCALE", up ? "up" : "down");
            pb.environment().put("SWITCHBOARD_QUEUE_DEPTH", Integer.toString(s.queued()));
            pb.environment().put("SWITCHBOARD_OLDEST_WAIT_SECONDS", Long.toString(s.oldestWait().toSeconds()));
            pb.environment().put("SWITCHBOARD_REASON", reason);
            try {
                Process p = pb.start();
                String output = new String(p.getInputStream().readNBytes(2000), StandardCharsets.UTF_8).strip();
                if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    throw new IllegalStateException("did not finish within " + TIMEOUT_SECONDS + " s");
                }
                if (p.exitValue() != 0) {
                    throw new IllegalStateException("exit " + p.exitValue() + (output.isEmpty() ? "" : ": " + output));
                }
                return "exit 0" + (output.isEmpty() ? "" : ": " + output.lines().findFirst().orElse(""));
            } catch (IOException e) {
                throw new IllegalStateException("cannot run " + argv.get(0) + " (" + e.getMessage() + ")", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
    }

    /** POSTs {@code {"direction", "queueDepth", "oldestWaitSeconds", "reason"}} to the configured URL. */
    record Webhook(HttpClient http, ScalingPolicy policy) implements ScalingAction {

        private static final ObjectMapper JSON = new ObjectMapper();

        @Override
        public Optional<String> target(OpsSnapshot s, boolean up) {
            return Optional.of(policy.webhook().toString());
        }

        @Override
        public String apply(boolean up, String target, OpsSnapshot s, String reason) {
            ObjectNode body = JSON.createObjectNode()
                    .put("direction", up ? "up" : "down")
                    .put("queueDepth", s.queued())
                    .put("oldestWaitSeconds", s.oldestWait().toSeconds())
                    .put("reason", reason);
            HttpRequest request = HttpRequest.newBuilder(policy.webhook())
                    .timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                    .build();
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() / 100 != 2) {
                    throw new IllegalStateException("HTTP " + response.statusCode());
                }
                return "HTTP " + response.statusCode();
            } catch (IOException e) {
                throw new IllegalStateException("cannot reach " + target + " (" + e.getMessage() + ")", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
    }
}
