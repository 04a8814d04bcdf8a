package dev.switchboard.review.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.core.id.SessionId;
import dev.switchboard.review.model.TimelineKind;
import dev.switchboard.store.eventlog.EventLogEntry;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A camera clip that surveillance attached to the session's incident shows on the timeline. */
class AttachedClipTest {

    @Test
    void anAttachedClipIsATimelineItemOfTheIncident() {
        SessionId s = new SessionId("call-1");
        EventLogEntry attached = new EventLogEntry(1, s, 1, 64_000, Instant.EPOCH, "surveillance.clip.attached",
                "{\"incident\":\"INC-9\",\"event\":\"E5\",\"camera\":5,\"cameraName\":\"Shinjuku 0005 · street\","
                        + "\"time\":\"2025-06-08T11:55:00+09:00\",\"description\":\"Flames visible from a building.\","
                        + "\"by\":\"trainee\",\"clip\":\"clip:E5\"}", new byte[32], new byte[32]);
        SessionLog log = SessionLog.parse(List.of(attached));
        assertThat(log.timeline()).singleElement().satisfies(item -> {
            assertThat(item.kind()).isEqualTo(TimelineKind.INCIDENT);
            assertThat(item.label()).isEqualTo("Camera clip E5 attached to INC-9 by trainee: Shinjuku 0005 · street, "
                    + "Flames visible from a building.");
        });
    }
}
