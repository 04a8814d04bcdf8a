package dev.switchboard.uikit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.testkit.HeadlessFx;
import javafx.scene.control.Label;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(HeadlessFx.class)
class StatusPillTest {

    @Test
    void carriesExactlyOneStatusClass() {
        StatusPill pill = HeadlessFx.callOnFx(() -> new StatusPill("Connected", StatusPill.Status.OK));
        assertThat(pill.getStyleClass()).contains("sb-pill", "sb-ok");

        HeadlessFx.runOnFx(() -> pill.show("Offline", StatusPill.Status.WARN));
        assertThat(pill.getStyleClass()).contains("sb-pill", "sb-warn").doesNotContain("sb-ok");
        assertThat(pill.getText()).isEqualTo("Offline");

        HeadlessFx.runOnFx(() -> pill.setStatus(StatusPill.Status.NEUTRAL));
        assertThat(pill.getStyleClass()).doesNotContain("sb-ok", "sb-warn", "sb-error");
        assertThat(pill.status()).isEqualTo(StatusPill.Status.NEUTRAL);
    }

    @Test
    void cardShowsItsTitleAboveTheBody() {
        Label body = HeadlessFx.callOnFx(() -> new Label("3 units idle"));
        Card card = HeadlessFx.callOnFx(() -> new Card("Units", body));

        assertThat(card.getStyleClass()).contains("sb-card");
        assertThat(card.getChildren()).hasSize(2).last().isSameAs(body);
        assertThat(card.titleProperty().get()).isEqualTo("Units");
    }
}
