package dev.switchboard.review.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.core.id.SessionId;
import dev.switchboard.core.id.UserId;
import dev.switchboard.review.model.ReviewStatus;
import dev.switchboard.review.model.SessionRow;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The PDF's suggested name says whose call, which scenario and when; never the session's id. */
class ReportFileNameTest {

    @Test
    void theReportIsNamedByTraineeScenarioAndDate() {
        SessionRow row = new SessionRow(new SessionId("01M976SCCMCTHXTBTF7VYNSK9W"), new UserId("u1"), "Yui Trainee",
                "call", "Husband collapsed at breakfast, not breathing normally", Instant.parse("2026-12-07T02:54:00Z"),
                146_000L, 100.0, ReviewStatus.COMPLETE, null);
        String name = SessionPane.reportFileName(row);
        assertThat(name).startsWith("yui-trainee-husband-collapsed-at-breakfast").endsWith(".pdf")
                .doesNotContain("01M976").matches("[a-z0-9-]+-\\d{4}-\\d{2}-\\d{2}-\\d{4}\\.pdf");
    }
}
